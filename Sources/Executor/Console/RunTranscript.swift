import Foundation
import RunbookCore

/// The terminal view of a run: the plan, each step's command and live output,
/// and how it ended.
public struct RunTranscript: RunObserver {
    private let write: @Sendable (String) -> Void
    private let writeBytes: @Sendable ([UInt8]) -> Void

    public init(write: @escaping @Sendable (String) -> Void, writeBytes: @escaping @Sendable ([UInt8]) -> Void) {
        self.write = write
        self.writeBytes = writeBytes
    }

    public func planned(_ plan: RunPlan, runID: Int64?, variables: VariableValues) {
        let runbook = plan.runbook
        var lines = ["Runbook \(runbook.id): \(runbook.title)"]
        let commit = runbook.lineage.updated.map { " last changed in \($0.commit.prefix(12)) by \($0.author)" } ?? ""
        lines.append("  \(runbook.path) (blob \(runbook.blob.prefix(12)))\(commit)")
        if let approval = runbook.lineage.approval {
            lines.append("  approved in \(approval.commit.prefix(12)) by \(approval.approvers.joined(separator: ", "))")
        }
        if let runID { lines.append("  run \(runID)") }
        for variable in runbook.metadata.variables {
            lines.append("  \(variable.name)=\(variables.values[variable.name] ?? "(asked before the first step)")")
        }
        let selected = plan.steps.count == plan.totalSteps ? "" : " (\(plan.steps.count) of \(plan.totalSteps) selected)"
        lines.append("")
        lines.append("Plan: \(CountPhrase.of(plan.steps.count, "step"))\(selected)")
        for step in plan.steps {
            let kind = step.isManual ? "manual" : step.step.shell
            var heading = "  \(step.number). \(step.name)  [\(step.step.section.isEmpty ? "-" : step.step.section), \(kind), line \(step.step.line)]"
            if let timeout = step.limits.timeout { heading += " timeout \(StepLimits.text(timeout))" }
            if step.limits.retries > 0 { heading += " retries \(step.limits.retries)" }
            lines.append(heading)
            if let danger = step.danger { lines.append("     DANGEROUS: this command \(danger)") }
            lines += step.step.command.split(separator: "\n", omittingEmptySubsequences: false).map { "     \(step.isManual ? "" : "$ ")\($0)" }
        }
        write(lines.joined(separator: "\n") + "\n\n")
    }

    public func stepStarted(_ step: PlannedStep, attempt: Int) {
        let again = attempt > 1 ? " (attempt \(attempt))" : ""
        write("── \(step.number). \(step.name)\(again) ──\n")
    }

    public func output(_ bytes: [UInt8], of step: PlannedStep, attempt: Int) {
        writeBytes(bytes)
    }

    public func stepFinished(_ step: PlannedStep, attempt: Int, ending: StepEnding) {
        let result: String
        switch ending.decision {
        case .run:
            if ending.timedOut {
                result = "timed out after \(step.limits.timeout.map(StepLimits.text) ?? "its timeout"); its processes were stopped"
            } else if let signal = ending.signal {
                result = "ended by signal \(signal)"
            } else if ending.exitCode == 0 {
                result = "ok"
            } else {
                result = "failed with exit status \(ending.exitCode.map(String.init) ?? "?")"
            }
        case .skip: result = "skipped"
        case .abort: result = "aborted"
        case .done: result = "done"
        case .notDone: result = "not done"
        case .refused: result = "refused"
        }
        let note = ending.note.map { $0.isEmpty ? "" : " (note: \($0))" } ?? ""
        write("── \(step.number). \(step.name): \(result)\(note)\n\n")
    }

    public func notice(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n")
    }

    public func runFinished(runID: Int64?, outcome: RunOutcome, summary: String) {
        let run = runID.map { "run \($0) " } ?? ""
        write("\(run)\(outcome.rawValue): \(summary)\n")
    }
}
