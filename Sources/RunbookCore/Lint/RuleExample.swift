/// A runbook that shows a rule at work. Examples are the rule's documentation
/// and its tests: a triggering example must produce exactly the findings listed.
public struct RuleExample: Sendable {
    /// The runbook text. `path` is where it lives in the example repository.
    public var markdown: String
    public var path: String
    /// Extra config (YAML) the example runs under, if any.
    public var config: String?
    /// Other files present in the same tree (for link and id rules), path → text.
    public var otherFiles: [String: String]
    /// Expected positions of findings ("line:column"); empty for a non-triggering example.
    public var expected: [String]

    public init(
        _ markdown: String, path: String = "runbooks/example.md", config: String? = nil,
        otherFiles: [String: String] = [:], expected: [String] = []
    ) {
        self.markdown = markdown
        self.path = path
        self.config = config
        self.otherFiles = otherFiles
        self.expected = expected
    }
}
