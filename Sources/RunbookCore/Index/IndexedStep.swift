/// A step as the index records it: what the executor plans and runs.
public struct IndexedStep: Sendable, Hashable, Decodable {
    /// Unique within the runbook.
    public var id: String
    public var section: String
    public var kind: Step.Kind
    /// The fence language; empty for a manual step.
    public var shell: String
    /// The script to run, or a manual step's task text.
    public var command: String
    /// Line of the fence or task item in the runbook file.
    public var line: Int
    public var attributes: [String: String]
    /// For a manual step: already ticked in the source.
    public var checked: Bool
    /// Whether the build found it on the dangerous-command denylist.
    public var dangerous: Bool
    public var danger: Danger?

    public struct Danger: Sendable, Hashable, Decodable {
        public var entry: String
        public var reason: String
    }

    /// The `depends` attribute: names of steps that must have run first.
    public var dependencies: [String] { StepOrder.dependencies(in: attributes) }
}
