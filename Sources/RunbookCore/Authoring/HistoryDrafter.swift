import Foundation

/// `runbook draft` without the command line: a history in, drafts out. Parsing and
/// splitting touch every line; the costlier steps (classifying, redacting) only the
/// sessions chosen, so a 100,000-line history drafts in a fraction of a second.
public struct HistoryDrafter: Sendable {
    public let config: Config

    /// Histories larger than this are refused rather than read into memory.
    public static let maximumSize = 256 << 20

    public init(config: Config) {
        self.config = config
    }

    public func drafts(from bytes: [UInt8], options: DraftOptions) throws(AuthoringError) -> [DraftFile] {
        let shell = options.shell ?? HistoryShell.detect(bytes)
        var entries = HistoryParser.entries(in: bytes, shell: shell)
        guard !entries.isEmpty else {
            throw AuthoringError("'\(options.source)' holds no commands; is it a \(shell.rawValue) history? (--shell bash|zsh|fish)")
        }
        if let since = options.since {
            guard entries.contains(where: { $0.time != nil }) else {
                throw AuthoringError("'\(options.source)' has no timestamps, so --since cannot be applied; "
                    + "bash writes them when HISTTIMEFORMAT is set, zsh with EXTENDED_HISTORY")
            }
            entries = entries.filter { ($0.time ?? Int.min) >= since }
            guard !entries.isEmpty else {
                throw AuthoringError("no command in '\(options.source)' was typed at or after \(UTCTime.minute(since)) UTC (--since)")
            }
        }
        let sessions = HistorySession.split(entries, gap: options.gap)
        let chosen: [HistorySession]
        switch options.session {
        case .last: chosen = sessions.last.map { [$0] } ?? []
        case .all: chosen = sessions
        case .number(let number):
            guard number <= sessions.count else {
                throw AuthoringError("there is no session \(number): '\(options.source)' has \(CountPhrase.of(sessions.count, "session")) "
                    + "with a gap of \(options.gap / 60 > 0 && options.gap % 60 == 0 ? "\(options.gap / 60)m" : "\(options.gap)s")")
            }
            chosen = [sessions[number - 1]]
        }
        let analyzer = SessionAnalyzer(classifier: CommandClassifier(noise: config.noise))
        var names: Set<String> = []
        return chosen.map { session in
            let draft = analyzer.draft(session, of: sessions.count)
            let title = options.title ?? Self.title(for: draft, source: options.source)
            let document = DraftDocument(draft: draft, title: title, source: options.source, shell: shell, host: options.host)
            let name = Self.uniqueName(
                fileName(for: draft, options: options, several: chosen.count > 1), taken: &names)
            return DraftFile(name: name, text: document.markdown(config: config), draft: draft)
        }
    }

    /// Reads a history file, or standard input for `-`, refusing one over `maximumSize`.
    public static func readHistory(at path: String) throws(AuthoringError) -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw AuthoringError("history file '\(path)' does not exist")
            }
            guard !isDirectory.boolValue, let opened = FileHandle(forReadingAtPath: path) else {
                throw AuthoringError("cannot read the history file '\(path)'")
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        do {
            let data = try handle.read(upToCount: maximumSize + 1) ?? Data()
            guard data.count <= maximumSize else {
                throw AuthoringError("'\(path)' is larger than \(maximumSize >> 20) MiB; draft from a part of it (tail -n 100000)")
            }
            return [UInt8](data)
        } catch let error as AuthoringError {
            throw error
        } catch {
            throw AuthoringError("cannot read the history file '\(path)': \(error.localizedDescription)")
        }
    }

    // MARK: Names

    private static func title(for draft: SessionDraft, source: String) -> String {
        if let start = draft.start { return "Draft: incident on \(UTCTime.minute(start)) UTC" }
        return "Draft: session \(draft.sessionNumber) of \(baseName(source))"
    }

    /// `<title slug>.md` with `--title`, else `2024-03-05-1402.md` from the start time,
    /// else `<history name>-session-N.md`.
    private func fileName(for draft: SessionDraft, options: DraftOptions, several: Bool) -> String {
        if let title = options.title, let slug = FileSlug.make(title) {
            return several ? "\(slug)-\(draft.sessionNumber)" : slug
        }
        if let start = draft.start { return UTCTime.fileStamp(start) }
        return "\(FileSlug.make(Self.baseName(options.source)) ?? "history")-session-\(draft.sessionNumber)"
    }

    private static func baseName(_ path: String) -> String {
        path == "-" ? "standard input" : String(path.split(separator: "/").last ?? Substring(path))
    }

    private static func uniqueName(_ stem: String, taken: inout Set<String>) -> String {
        var name = stem + ".md"
        var counter = 2
        while !taken.insert(name).inserted {
            name = "\(stem)-\(counter).md"
            counter += 1
        }
        return name
    }
}
