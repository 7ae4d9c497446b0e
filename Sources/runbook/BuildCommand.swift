import ArgumentParser
import Foundation
import RunbookCore
import SiteBuilder

/// `runbook build`: the site and `index.json` from one revision and its history.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the browsable site and index.json from the runbooks and their Git history.",
        discussion: """
            Builds HEAD (or --rev) into _site/ (or --out), replacing the previous site only once the new one is \
            complete. Lint problems are shown on the pages and counted in the summary; they fail the build only \
            with --strict. Exit status: 0 built, 1 built with lint errors under --strict, 2 nothing was built.
            """
    )

    @Option(help: ArgumentHelp("Build this commit (branch, tag, id, HEAD~2).", valueName: "ref"))
    var rev: String?

    @Flag(help: "Build the files on disk (uncommitted edits included), with lineage from HEAD.")
    var worktree = false

    @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
    var out = "_site"

    @Option(help: ArgumentHelp("The URL the site is published under (overrides site.base_url), for the feed and sitemap.", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Fail instead of warning when the repository is a shallow clone.")
    var requireFullHistory = false

    @Flag(help: "Exit 1 when a runbook has lint errors (the site is still written).")
    var strict = false

    @Option(help: ArgumentHelp("Config file to use instead of the repository's runbook.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var repositoryOptions: RepositoryOptions

    func validate() throws {
        if let baseURL, !baseURL.isEmpty, !SiteSettings.isBaseURL(baseURL) {
            throw ValidationError("--base-url must be an http:// or https:// URL or a path starting with /, not '\(baseURL)'")
        }
        if worktree && rev != nil {
            throw ValidationError("--rev and --worktree cannot be used together: --worktree builds the files on disk with lineage from HEAD")
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        #if canImport(Glibc)
        // Only here: the other commands' runs (a pre-commit lint) are too short to gain.
        MemoryAllocator.returnFreedPagesSooner()
        #endif
        let progress = ProgressLine()
        let options = BuildOptions(
            revision: rev ?? "HEAD", worktree: worktree, repositoryPath: repositoryOptions.repository, configPath: config,
            currentDirectory: FileManager.default.currentDirectoryPath, requireFullHistory: requireFullHistory)
        let catalog: Catalog
        let site: Site
        let written: SiteWriteSummary
        let writer = SiteDirectoryWriter(directory: out)
        // The spare site, listed while a core is free, for the build to sweep.
        let spareListing = writer.listSpare()
        // A new output folder's folders, made on another thread meanwhile.
        var preparing: BackgroundValue<SiteDirectoryWriter.PreparedFolders?>?
        do {
            // The site's layout needs the runbooks but not their history: it
            // is made on another thread from when they are checked.
            var early: (template: SiteTemplate, layout: BackgroundValue<SiteLayout>)?
            let outcome = try CatalogBuilder(options: options).build(progress: progress.update) { runbooks, overrides, qos in
                // A broken template is reported below, after the build's warnings, as when there is no time for this.
                guard let template = try? SiteTemplate(overrides: overrides) else { return }
                let placements = Array(runbooks.map(SiteLayout.Placement.init))
                let layout = BackgroundValue(qos: qos) { writer.layout(of: placements, template: template) }
                early = (template, layout)
                preparing = BackgroundValue(qos: qos) { writer.prepare { layout.value.folders } }
            }
            defer { outcome.cacheWrites.wait() }
            progress.finish()
            outcome.warnings.forEach { Terminal.printError("runbook: warning: \($0)") }
            var built = outcome.catalog
            if let baseURL { built.config.site.baseURL = baseURL }
            catalog = built
            let template = try early?.template ?? SiteTemplate(overrides: outcome.templateOverrides)
            // The rest of the site's set-up runs while the output folder is made ready.
            let laidOut = BackgroundValue { [catalog, early] in Site(catalog: catalog, template: template, layout: early?.layout.value) }
            written = try writer.replace(prepared: preparing?.value, spareListing: spareListing) { output in
                try laidOut.value.render(into: output) { done, total in progress.update(.rendering, done: done, total: total) }
            }
            site = laidOut.value
            progress.finish()
        } catch let error as ConfigError {
            preparing?.value?.discard()
            progress.finish()
            Terminal.printError(error.description)
            throw ExitStatus.toolFailure.exitCode
        } catch {
            preparing?.value?.discard()
            progress.finish()
            throw Terminal.fail("\(error)")
        }
        let problems = catalog.problems
        let errors = problems.count { $0.severity == .error }
        let warnings = problems.count { $0.severity == .warning }
        Terminal.printError(
            "built \(CountPhrase.of(catalog.entries.count, "runbook")) into \(out.hasSuffix("/") ? out : out + "/"): \(CountPhrase.of(site.fileCount, "file")) "
                + "(\(written.written) written, \(written.reused) unchanged), \(CountPhrase.of(errors, "error")), "
                + "\(CountPhrase.of(warnings, "warning")) in \(Self.seconds(since: started))")
        // Freeing 10,000 parsed runbooks object by object takes a quarter of a
        // second, for memory the process gives back at once when it exits.
        _ = Unmanaged.passRetained(site as AnyObject)
        if strict && errors > 0 { throw ExitStatus.problems.exitCode }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = start.duration(to: .now)
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        return "\(milliseconds / 1000).\(String(format: "%02d", milliseconds % 1000 / 10)) s"
    }
}
