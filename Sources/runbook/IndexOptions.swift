import ArgumentParser
import Foundation
import RunbookCore
import SiteBuilder

/// Where `run` and `match` read runbooks from: a built index (a file or an
/// `http(s)` URL), or else the repository at a revision, built in memory
/// exactly as `runbook build` would write its `index.json`.
struct IndexOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The index.json to read: a file, or an http(s) URL of a published site (default: build from the repository).", valueName: "file|url"))
    var index: String?

    @Option(help: ArgumentHelp("The revision to read runbooks from when no --index is given (default: HEAD).", valueName: "ref"))
    var rev: String?

    @Option(help: ArgumentHelp("Config file to use instead of the repository's runbook.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var repositoryOptions: RepositoryOptions

    /// Where the runbooks came from, for messages and the run log: the index's
    /// path or URL, or `repository@REV`.
    var origin: String {
        guard let index else { return "\(Self.repositoryPrefix)\(rev ?? "HEAD")" }
        // Absolute, so `resume` finds the same file from another directory.
        if IndexLoader.isURL(index) || index.hasPrefix("/") { return index }
        return URL(fileURLWithPath: index).standardizedFileURL.path
    }

    private static let repositoryPrefix = "repository@"

    /// Reads from an `origin` recorded earlier (by a run that is being resumed).
    mutating func adopt(origin: String) {
        if origin.hasPrefix(Self.repositoryPrefix) {
            rev = String(origin.dropFirst(Self.repositoryPrefix.count))
        } else {
            index = origin
        }
    }

    /// The index as given, or built from the repository; with the config the
    /// build read, so a caller need not read the tree again for it.
    func load() async throws -> (index: IndexDocument, builtWith: Config?) {
        if let index {
            do {
                return (try await IndexLoader.load(index), nil)
            } catch {
                throw Terminal.fail(error.description)
            }
        }
        let options = BuildOptions(
            revision: rev ?? "HEAD", repositoryPath: repositoryOptions.repository, configPath: config,
            currentDirectory: FileManager.default.currentDirectoryPath)
        do {
            let outcome = try CatalogBuilder(options: options).build { _, _, _ in }
            defer { outcome.cacheWrites.wait() }
            outcome.warnings.forEach { Terminal.printError("runbook: warning: \($0)") }
            let site = Site(catalog: outcome.catalog, template: try SiteTemplate(overrides: outcome.templateOverrides))
            return (try IndexDocument(json: Data(site.indexJSON()), origin: origin), outcome.catalog.config)
        } catch let error as ConfigError {
            Terminal.printError(error.description)
            throw ExitStatus.toolFailure.exitCode
        } catch {
            throw Terminal.fail("\(error)")
        }
    }
}
