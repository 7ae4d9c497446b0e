import RunbookCore

/// The step an attempt belongs to, as the run log records it.
public struct LoggedStep: Sendable, Hashable {
    /// The step's name, unique within the runbook: what `completedSteps` returns.
    public var name: String
    /// Position in the plan, 0 for the first step.
    public var index: Int
    public var kind: Step.Kind
    /// The script a command step runs, or a manual step's task text.
    public var command: String

    public init(name: String, index: Int, kind: Step.Kind, command: String) {
        self.name = name
        self.index = index
        self.kind = kind
        self.command = command
    }

    /// The plan's step at `index`: its name, kind, and script or task text.
    public init(_ step: Step, index: Int) {
        self.init(name: step.name, index: index, kind: step.kind, command: step.script)
    }
}
