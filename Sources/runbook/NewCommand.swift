import ArgumentParser
import Foundation
import RunbookCore

/// `runbook new "Title"`: start a runbook with the configured sections, to be filled in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new runbook with the required sections and placeholders to fill in.",
        discussion: """
            Writes <root>/<dir>/<name>.md with status draft and a TODO in every section, so lint fails until \
            a human has replaced them. Never replaces an existing file. Exit status: 0 written, 2 the tool \
            could not do its job (the file exists, bad config).
            """
    )

    @Argument(help: "The runbook's title.")
    var title: String

    @Option(help: ArgumentHelp("Folder under the runbooks root to write into.", valueName: "dir"))
    var dir: String?

    @Option(help: ArgumentHelp("File name without .md (default: made from the title).", valueName: "name"))
    var name: String?

    @Option(help: "The owning team (front matter 'owner').")
    var owner: String?

    @Option(help: "The severity (front matter 'severity').")
    var severity: String?

    @Option(name: .customLong("alert"), parsing: .upToNextOption,
            help: ArgumentHelp("Alert names this runbook answers (repeatable).", valueName: "name"))
    var alerts: [String] = []

    @Option(help: ArgumentHelp("Config file to use instead of the repository's runbook.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var repositoryOptions: RepositoryOptions

    func validate() throws {
        if title.allSatisfy(\.isWhitespace) { throw ValidationError("the title is empty") }
        if let dir, !RunbookPath.isPlainRelative(dir) {
            throw ValidationError("--dir must be a folder under the runbooks root, without '..': '\(dir)'")
        }
        if let name, name.isEmpty || name.contains("/") || name.hasPrefix(".") {
            throw ValidationError("--name must be a file name without '/' or a leading '.': '\(name)'")
        }
    }

    func run() throws {
        let (base, settings) = try repositoryOptions.workingTree(config: config)
        guard let stem = name.map({ $0.hasSuffix(".md") ? String($0.dropLast(3)) : $0 }) ?? FileSlug.make(title) else {
            throw Terminal.fail("cannot make a file name from the title '\(title)'; give one with --name")
        }
        let relative = RunbookPath.join([settings.rootPrefix, dir ?? "", stem + ".md"])
        guard settings.isRunbook(relative) else {
            throw Terminal.fail("'\(relative)' would not be a runbook under the config (root, include, exclude); choose another --dir or --name")
        }
        let runbook = NewRunbook(title: title, owner: owner, severity: severity, alerts: alerts)
        do {
            let path = Terminal.displayPath(base + "/" + relative)
            _ = try ProtectedFileWriter.write(runbook.markdown(config: settings), to: path, overwrite: .never)
        } catch {
            throw Terminal.fail("\(error)")
        }
        Terminal.print("created \(relative)\n")
        Terminal.printError("runbook: replace every TODO, then check it with: runbook lint \(relative)")
    }
}
