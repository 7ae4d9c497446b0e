/// One entry of the index's `patterns` table: a regular expression from a
/// runbook's front matter that log lines or alert text can be matched against.
public struct IndexedPattern: Sendable, Hashable, Decodable {
    public var pattern: String
    /// The id of the runbook declaring it.
    public var runbook: String
}
