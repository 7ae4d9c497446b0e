/// What a run shows as it goes: the terminal transcript or the JSON event
/// stream. Called from the runner's task, and `output` from the step's reader.
public protocol RunObserver: Sendable {
    func planned(_ plan: RunPlan, runID: Int64?, variables: VariableValues)
    func stepStarted(_ step: PlannedStep, attempt: Int)
    func output(_ bytes: [UInt8], of step: PlannedStep, attempt: Int)
    func stepFinished(_ step: PlannedStep, attempt: Int, ending: StepEnding)
    /// Something the operator should know that is not a prompt: a retry, a refusal, a dependency not met.
    func notice(_ text: String)
    func runFinished(runID: Int64?, outcome: RunOutcome, summary: String)
}
