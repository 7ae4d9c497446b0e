/// One draft ready to be written: its file name in the drafts folder and its Markdown.
public struct DraftFile: Sendable {
    public var name: String
    public var text: String
    public var draft: SessionDraft

    public init(name: String, text: String, draft: SessionDraft) {
        self.name = name
        self.text = text
        self.draft = draft
    }
}
