import ArgumentParser
import Foundation
import RunbookCore

/// `runbook lint`: check runbook structure, for pre-commit hooks and CI gates.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check runbooks for missing sections, bad front matter, dangerous commands and more.",
        discussion: """
            Without arguments, lints the working tree under the configured root. Exit status: 0 clean \
            (warnings allowed unless --strict), 1 problems found, 2 the tool could not do its job.
            """
    )

    @Argument(help: ArgumentHelp("Runbook files or folders to lint; files that are not runbooks under the config are skipped.", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Lint the staged runbooks (the Git index), exactly what the next commit will hold.")
    var staged = false

    @Option(help: ArgumentHelp("Lint the runbooks in this commit's tree (branch, tag, id, HEAD~2).", valueName: "ref"))
    var rev: String?

    @Option(help: "Output format: text, json, sarif or github.")
    var format: ReportFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("Config file to use instead of the repository's runbook.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var repositoryOptions: RepositoryOptions

    func validate() throws {
        if staged && rev != nil { throw ValidationError("--staged and --rev cannot be used together") }
        if !paths.isEmpty && (staged || rev != nil) {
            throw ValidationError("give paths, --staged or --rev, not more than one")
        }
    }

    func run() throws {
        let source: RunbookSource =
            if staged { .staged } else if let rev { .revision(rev) } else if !paths.isEmpty { .paths(paths) } else { .workingTree }
        let loader = LintInputLoader(
            repositoryPath: repositoryOptions.repository, configPath: config,
            currentDirectory: FileManager.default.currentDirectoryPath)
        let report: LintReport
        do {
            let input = try loader.load(source)
            if let note = input.note { Terminal.printError("runbook: \(note)") }
            report = try input.lint(with: Linter(config: input.config))
        } catch let error as ConfigError {
            Terminal.printError(error.description)
            throw ExitStatus.toolFailure.exitCode
        } catch {
            throw Terminal.fail("\(error)")
        }
        Terminal.print(format.reporter.render(report))
        if format == .text { Terminal.printError(TextReporter.summary(report)) }
        let failed = report.errorCount > 0 || (strict && report.warningCount > 0)
        if failed { throw ExitStatus.problems.exitCode }
    }
}

extension ReportFormat: ExpressibleByArgument {}
