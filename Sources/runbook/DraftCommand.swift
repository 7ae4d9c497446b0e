import ArgumentParser
import Foundation
import RunbookCore

/// `runbook draft --history FILE`: turn what an engineer typed during an incident into a runbook draft.
struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft runbooks from a shell history: commands sorted into Diagnosis and Mitigation, secrets redacted.",
        discussion: """
            Reads bash (with or without HISTTIMEFORMAT timestamps), zsh (extended history) or fish history, \
            splits it into sessions at pauses longer than --gap, drops noise and repeats, and writes one draft \
            per chosen session into the drafts folder (config 'drafts', under the root). Never replaces a file \
            without --force, nor a draft edited since it was written without --force-human. Exit status: 0 \
            drafts written, 2 the tool could not do its job (unreadable history, no such session, a file it \
            will not replace).
            """
    )

    @Option(help: ArgumentHelp("The history file ('-' for standard input), e.g. ~/.bash_history.", valueName: "file"))
    var history: String

    @Option(help: ArgumentHelp("The history's format: bash, zsh or fish (default: detected).", valueName: "shell"))
    var shell: HistoryShell?

    @Option(help: ArgumentHelp("A pause longer than this starts a new session: 30s, 5m, 1h.", valueName: "duration"))
    var gap = "5m"

    @Option(help: ArgumentHelp("Which sessions to draft: last, all, or a number (1 is the oldest).", valueName: "last|all|N"))
    var session = "last"

    @Option(help: ArgumentHelp(
        "Only commands typed since this time: 2024-03-05, 2024-03-05T14:00 (UTC unless an offset is given), or 2h for two hours ago.",
        valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Folder to write into (default: the drafts folder under the runbooks root).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("The draft's title (default: from the session's start time).", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("The machine the history comes from, for the draft's note.", valueName: "name"))
    var host: String?

    @Flag(help: "Replace existing drafts that nobody has edited since they were written.")
    var force = false

    @Flag(name: .customLong("force-human"), help: "Replace existing files even when a human has edited them (their edits are lost).")
    var forceHuman = false

    @Option(help: ArgumentHelp("Config file to use instead of the repository's runbook.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var repositoryOptions: RepositoryOptions

    func validate() throws {
        guard DurationText.seconds(gap) != nil else { throw ValidationError("--gap must be a duration such as 30s, 5m or 1h: '\(gap)'") }
        guard SessionChoice(session) != nil else { throw ValidationError("--session must be last, all or a number from 1: '\(session)'") }
        if let since, Self.epoch(since, now: 0) == nil {
            throw ValidationError("--since must be a date such as 2024-03-05, 2024-03-05T14:00 or a duration ago such as 2h: '\(since)'")
        }
    }

    func run() throws {
        let currentDirectory = FileManager.default.currentDirectoryPath
        let (base, settings) = try repositoryOptions.workingTree(config: config)
        var options = DraftOptions(source: history)
        options.shell = shell
        options.gap = DurationText.seconds(gap) ?? options.gap
        options.session = SessionChoice(session) ?? .last
        options.since = since.flatMap { Self.epoch($0, now: Int(Date().timeIntervalSince1970)) }
        options.title = title
        options.host = host
        let folder = out.map { $0.hasPrefix("/") ? $0 : currentDirectory + "/" + $0 }
            ?? base + "/" + RunbookPath.join([settings.rootPrefix, settings.drafts])
        let overwrite: ProtectedFileWriter.Overwrite = forceHuman ? .anyFile : force ? .untouchedDrafts : .never

        let drafts: [DraftFile]
        do {
            drafts = try HistoryDrafter(config: settings).drafts(from: HistoryDrafter.readHistory(at: history), options: options)
        } catch {
            throw Terminal.fail("\(error)")
        }
        // Every file is checked before any is written: a refusal leaves all of them as they were.
        // Paths relative to the current folder where possible, as messages show them.
        let paths = drafts.map { Terminal.displayPath(folder + "/" + $0.name) }
        let refusals = zip(drafts, paths).compactMap { ProtectedFileWriter.refusal(for: $1, text: $0.text, overwrite: overwrite) }
        if !refusals.isEmpty {
            for refusal in refusals { Terminal.printError("runbook: error: \(refusal)") }
            if overwrite == .never { Terminal.printError("runbook: --force replaces drafts nobody has edited since they were written") }
            throw ExitStatus.toolFailure.exitCode
        }
        for (file, path) in zip(drafts, paths) {
            let outcome: ProtectedFileWriter.Outcome
            do {
                outcome = try ProtectedFileWriter.write(file.text, to: path, overwrite: overwrite)
            } catch {
                throw Terminal.fail("\(error)")
            }
            Terminal.print("\(Self.verb(outcome)) \(path): \(Self.summary(file.draft))\n")
        }
        Terminal.printError("runbook: finish each draft (every TODO), then check it with runbook lint")
    }

    /// `2024-03-05…` as UTC, `@1709647200`, or `2h` as that long before `now`.
    static func epoch(_ text: String, now: Int) -> Int? {
        if text.hasPrefix("@") { return Int(text.dropFirst()) }
        if let seconds = DurationText.seconds(text) { return now - seconds }
        return UTCTime.parse(text)
    }

    private static func verb(_ outcome: ProtectedFileWriter.Outcome) -> String {
        switch outcome {
        case .created: return "wrote"
        case .replaced: return "replaced"
        case .unchanged: return "unchanged"
        }
    }

    private static func summary(_ draft: SessionDraft) -> String {
        var parts = ["session \(draft.sessionNumber) of \(draft.sessionCount)", "\(CountPhrase.of(draft.seen, "command")) seen",
                     "\(draft.kept) kept", "\(draft.dropped) dropped"]
        if !draft.edits.isEmpty { parts.append("\(CountPhrase.of(draft.edits.count, "file")) edited") }
        if draft.redactions > 0 { parts.append("\(CountPhrase.of(draft.redactions, "secret")) redacted") }
        return parts.joined(separator: ", ")
    }
}

extension HistoryShell: ExpressibleByArgument {}
