import MarkdownKit

/// The little a corpus rule needs of each runbook, so the full parse of
/// unchanged runbooks need not be kept (or, for staged lints, done at all).
public struct RunbookSummary: Sendable, Hashable {
    public var path: String
    public var id: String
    /// Where the id is declared (the front matter `id` key), or 1:1 when derived from the path.
    public var idLocation: SourceLocation

    public init(path: String, id: String, idLocation: SourceLocation) {
        self.path = path
        self.id = id
        self.idLocation = idLocation
    }

    public init(_ runbook: Runbook) {
        let declared = runbook.metadata.field("id")
        self.init(
            path: runbook.path, id: runbook.id,
            idLocation: declared.map { SourceLocation(line: $0.value.line, column: $0.value.column) }
                ?? SourceLocation(line: 1, column: 1))
    }
}
