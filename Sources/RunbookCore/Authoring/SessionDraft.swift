/// What a session comes to once noise and repeats are dropped and secrets redacted:
/// the content of one draft, before it is written as Markdown.
public struct SessionDraft: Sendable, Hashable {
    public var sessionNumber: Int
    public var sessionCount: Int
    public var start: Int?
    public var end: Int?
    /// Commands that only read, in the order typed.
    public var diagnosis: [DraftCommand] = []
    /// Commands that changed something, in the order typed.
    public var mitigation: [DraftCommand] = []
    /// Files edited by hand, each once, in the order first edited.
    public var edits: [EditedFile] = []
    /// Every command of the session.
    public var seen = 0
    public var noise = 0
    public var repeats = 0
    /// Editor sessions (`vim file`), shown as edited files rather than commands.
    public var editorSessions = 0
    /// Secret values replaced with `SecretRedactor.marker`.
    public var redactions = 0

    public init(sessionNumber: Int, sessionCount: Int, start: Int?, end: Int?) {
        self.sessionNumber = sessionNumber
        self.sessionCount = sessionCount
        self.start = start
        self.end = end
    }

    public var kept: Int { diagnosis.count + mitigation.count }
    public var dropped: Int { noise + repeats }
}
