/// How `runbook draft` reads a history and which sessions it drafts.
public struct DraftOptions: Sendable {
    /// The history's format; detected from its content when nil.
    public var shell: HistoryShell?
    /// A pause longer than this (in seconds) starts a new session.
    public var gap = 300
    public var session = SessionChoice.last
    /// Only commands typed at or after this time (epoch seconds) count.
    public var since: Int?
    /// The draft's title; made from the session's start time when nil.
    public var title: String?
    /// The machine the history comes from, for the draft's note.
    public var host: String?
    /// The history file as the user named it, for the note and file names.
    public var source: String

    public init(source: String) {
        self.source = source
    }
}
