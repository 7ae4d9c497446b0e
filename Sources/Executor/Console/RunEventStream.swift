import Foundation
import RunbookCore

/// `--json`: the run as JSON lines, one event per line, for automation. Events:
/// `plan`, `step-started`, `output`, `step-finished`, `notice`, `run-finished`;
/// every event carries `event` and `run` first. Output text is decoded as
/// UTF-8 with invalid bytes replaced.
public struct RunEventStream: RunObserver {
    private let write: @Sendable ([UInt8]) -> Void
    private let runID: Int64?

    /// - Parameter runID: the run's id (nil under `--dry-run`, which has no run).
    public init(write: @escaping @Sendable ([UInt8]) -> Void, runID: Int64?) {
        self.write = write
        self.runID = runID
    }

    private func emit(_ event: String, _ members: [(String, JSONValue)]) {
        let head: [(String, JSONValue)] = [("event", .string(event)), ("run", runID.map { .int(Int($0)) } ?? .null)]
        write(JSONValue.object(head + members).rendered(prettyDepth: 0))
    }

    public func planned(_ plan: RunPlan, runID: Int64?, variables: VariableValues) {
        let runbook = plan.runbook
        emit("plan", [
            ("runbook", .object([
                ("id", .string(runbook.id)), ("title", .string(runbook.title)), ("path", .string(runbook.path)),
                ("blob", .string(runbook.blob)), ("commit", .optional(runbook.lineage.updated?.commit)),
            ])),
            ("variables", .object(variables.values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("steps", .array(plan.steps.map { step in
                .object([
                    ("number", .int(step.number)), ("id", .string(step.name)), ("section", .string(step.step.section)),
                    ("kind", .string(step.step.kind.rawValue)), ("command", .string(step.step.command)),
                    ("line", .int(step.step.line)), ("dangerous", .bool(step.danger != nil)),
                ])
            })),
        ])
    }

    public func stepStarted(_ step: PlannedStep, attempt: Int) {
        emit("step-started", [("step", .string(step.name)), ("number", .int(step.number)), ("attempt", .int(attempt))])
    }

    public func output(_ bytes: [UInt8], of step: PlannedStep, attempt: Int) {
        emit("output", [("step", .string(step.name)), ("attempt", .int(attempt)), ("text", .string(String(decoding: bytes, as: UTF8.self)))])
    }

    public func stepFinished(_ step: PlannedStep, attempt: Int, ending: StepEnding) {
        emit("step-finished", [
            ("step", .string(step.name)), ("number", .int(step.number)), ("attempt", .int(attempt)),
            ("decision", .string(ending.decision.rawValue)), ("succeeded", .bool(ending.succeeded)),
            ("exitCode", ending.exitCode.map { .int(Int($0)) } ?? .null),
            ("signal", ending.signal.map { .int(Int($0)) } ?? .null),
            ("timedOut", .bool(ending.timedOut)),
        ])
    }

    public func notice(_ text: String) {
        emit("notice", [("text", .string(text))])
    }

    public func runFinished(runID: Int64?, outcome: RunOutcome, summary: String) {
        emit("run-finished", [("outcome", .string(outcome.rawValue)), ("summary", .string(summary))])
    }
}
