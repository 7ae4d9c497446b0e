/// A runbook's front matter: the known fields typed, and every field kept with
/// its position so problems point at the right line.
public struct Metadata: Sendable, Hashable {
    public var title: String?
    public var id: String?
    public var owner: String?
    public var severity: String?
    public var status: String?
    public var autonomy: String?
    public var tags: [String] = []
    public var alerts: [String] = []
    public var patterns: [String] = []
    /// What the operator gives at the start of a run; see `RunbookVariable`.
    public var variables: [RunbookVariable] = []
    /// All front matter fields in source order, including ones the tool does not know.
    public var fields: [YAMLEntry] = []

    public init() {}

    public func field(_ key: String) -> YAMLEntry? {
        fields.first { $0.key == key }
    }
}
