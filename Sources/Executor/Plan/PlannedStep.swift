import RunbookCore

/// A step as it will run: the indexed step with its position in the plan, its
/// limits read from its attributes, and why it is dangerous, if it is.
public struct PlannedStep: Sendable {
    public let step: IndexedStep
    /// 1-based position in the run order of the whole runbook (not of the selection),
    /// so "step 4" means the same step in every run of the runbook.
    public let number: Int
    public let limits: StepLimits
    /// Why the command is destructive, when the denylist or the runbook says so.
    public let danger: String?

    public var name: String { step.id }
    public var isManual: Bool { step.kind == .manual }
    /// The `confirm` attribute: ask before this step even under `--yes`.
    public var needsConfirmation: Bool { Step.flag("confirm", in: step.attributes) }
}
