import ArgumentParser
import Foundation
import RunbookCore

/// `runbook match`: from an alert name, a log line or an Alertmanager webhook
/// payload to the runbooks that answer it.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Find the runbooks for an alert name or a log line, or for each firing alert of an Alertmanager payload.",
        discussion: """
            A runbook matches when its front matter 'alerts' names the text exactly, or one of its 'patterns' \
            (regular expressions) matches it. The words of TEXT are joined with spaces, so a log line can be \
            pasted unquoted. Exit status: 0 every text or firing alert has a runbook, 1 some have none, 2 the \
            tool could not do its job.
            """
    )

    @Argument(help: ArgumentHelp("An alert name or a log line.", valueName: "text"))
    var text: [String] = []

    @Option(help: ArgumentHelp("An Alertmanager webhook payload to read firing alerts from ('-' for standard input).", valueName: "file"))
    var alertmanager: String?

    @Flag(help: "Print the matches as JSON.")
    var json = false

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        if text.isEmpty && alertmanager == nil { throw ValidationError("give the text to match, or --alertmanager FILE") }
        if !text.isEmpty && alertmanager != nil { throw ValidationError("give the text to match or --alertmanager, not both") }
    }

    func run() async throws {
        // Read the payload first: a bad payload should not wait for an index download or build.
        let alerts = try alertmanager.map(Self.firingAlerts)
        if alerts?.isEmpty == true {
            Terminal.printError("runbook: the payload has no firing alerts")
            // A program reading --json still gets a document.
            if json { Terminal.print(MatchReport(entries: [], notes: []).json()) }
            return
        }
        let index = try await indexOptions.load().index
        var matcher = RunbookMatcher(candidates: MatchCandidate.all(in: index, location: indexOptions.index))
        var notes = matcher.skipped
        var entries: [MatchReport.Entry] = []
        let queries = alerts.map { $0.map { Query(alert: $0) } } ?? [Query(text: text.joined(separator: " "))]
        for query in queries {
            let found = matcher.match(name: query.name, texts: query.alert?.texts ?? [])
            entries.append(MatchReport.Entry(query: query.name, alert: query.alert, matches: found.matches))
            notes += found.notes
        }
        let report = MatchReport(entries: entries, notes: notes)
        notes.forEach { Terminal.printError("runbook: warning: \($0)") }
        Terminal.print(json ? report.json() : report.text())
        if !report.everyQueryMatched { throw ExitStatus.problems.exitCode }
    }

    /// One lookup: a text from the command line, or an alert of the payload.
    private struct Query {
        var name: String
        var alert: FiringAlert?

        init(text: String) { name = text }
        init(alert: FiringAlert) {
            name = alert.name
            self.alert = alert
        }
    }

    /// The firing alerts of the payload at `source` (a path, or `-` for standard input).
    private static func firingAlerts(from source: String) throws -> [FiringAlert] {
        let name = source == "-" ? "standard input" : source
        do {
            let bytes = source == "-" ? try readStandardInput() : try readFile(source)
            return try AlertmanagerPayload.alerts(in: bytes, source: name).filter { $0.status == "firing" }
        } catch let error as AuthoringError {
            throw Terminal.fail(error.description)
        } catch {
            throw Terminal.fail("cannot read '\(name)': \(error.localizedDescription)")
        }
    }

    /// At most one byte over the payload limit, so an endless pipe cannot fill memory.
    private static func readStandardInput() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count <= AlertmanagerPayload.maximumSize,
              let chunk = try FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
            bytes += chunk
        }
        return bytes
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        return Array(try handle.read(upToCount: AlertmanagerPayload.maximumSize + 1) ?? Data())
    }
}
