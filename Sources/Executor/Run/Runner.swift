import Foundation
import RunbookCore
import Synchronization

/// Runs a plan step by step: asks the operator before each step, runs it in
/// its own process group, records every decision and attempt in the run log as
/// it happens, and lets the operator retry, skip or abort a failed step.
///
/// Refusals that do not depend on answers happen before this (`RunGate`);
/// what happens here is per step: a denylisted command runs only with
/// `--allow-dangerous` and after the operator types the step's name, which
/// `--yes` never answers.
public final class Runner: Sendable {
    public let plan: RunPlan
    private let settings: RunSettings
    private let variables: VariableValues
    private let log: RunLog
    public let runID: Int64
    private let observer: any RunObserver
    private let prompt: OperatorPrompt
    /// Requested by the Ctrl-C handler; stops the step that is running.
    public let interruption = StepInterruption()
    private let phase = Mutex(Phase.waiting)

    private enum Phase {
        /// At a prompt or between steps: an interruption ends the run at once.
        case waiting
        /// A step's processes are running: an interruption stops them first.
        case runningStep
        case finished
    }

    /// - Parameter completed: steps already completed in this run (for `resume`); they are not run again.
    public init(
        plan: RunPlan, settings: RunSettings, variables: VariableValues, log: RunLog, runID: Int64,
        observer: any RunObserver, prompt: OperatorPrompt
    ) {
        self.plan = plan
        self.settings = settings
        self.variables = variables
        self.log = log
        self.runID = runID
        self.observer = observer
        self.prompt = prompt
    }

    /// Called on Ctrl-C (or TERM, HUP), from the signal's thread, after
    /// `interruption` was requested: a running step is being stopped, and `run`
    /// then finishes the run as interrupted. At a prompt no answer will come, so
    /// the run is recorded as interrupted here and true is returned: the caller exits.
    public func interruptedAtPrompt(signal: Int32) -> Bool {
        let atPrompt = phase.withLock { phase in
            guard case .waiting = phase else { return false }
            phase = .finished
            return true
        }
        if atPrompt { finish(.interrupted, summary: "interrupted (signal \(signal)) at a prompt") }
        return atPrompt
    }

    /// Runs every step of the plan not in `completed`, and records how the run ended.
    public func run(skipping completed: Set<String> = []) async throws -> RunOutcome {
        var done = completed
        var incomplete: [String] = []
        for step in plan.steps where !done.contains(step.name) {
            // A signal that came as the previous step was ending.
            if interruption.isRequested { return finish(.interrupted, summary: "interrupted before step \(step.name)") }
            let waitingFor = step.step.dependencies.filter { name in !done.contains(name) }
            if !waitingFor.isEmpty {
                observer.notice("note: step \(step.name) depends on \(waitingFor.joined(separator: ", ")), which did not complete in this run")
            }
            let result = step.isManual ? try confirmManual(step) : try await runCommand(step)
            switch result {
            case .completed: done.insert(step.name)
            case .skipped: done.insert(step.name)
            case .notDone: incomplete.append(step.name)
            case .stopped(let outcome, let summary):
                return finish(outcome, summary: summary)
            }
        }
        if incomplete.isEmpty {
            return finish(.succeeded, summary: "all \(CountPhrase.of(plan.steps.count, "step")) completed or skipped")
        }
        return finish(.failed, summary: "not done: \(incomplete.joined(separator: ", ")); `runbook resume \(runID)` continues from there")
    }

    private enum Settlement {
        case completed
        case skipped
        case notDone
        case stopped(RunOutcome, String)
    }

    // MARK: Manual steps

    private func confirmManual(_ step: PlannedStep) throws -> Settlement {
        observer.notice("\(step.number). \(step.name) (manual): \(step.step.command)")
        guard let answer = prompt.choose("Is it done?", from: ["done", "not-done", "abort"]), answer != "abort" else {
            try record(.abort, step)
            return .stopped(.aborted, "aborted at step \(step.name)")
        }
        let note = prompt.text("Note (optional):") ?? ""
        let decision: StepDecision = answer == "done" ? .done : .notDone
        try record(decision, step, note: note.isEmpty ? nil : note)
        observer.stepFinished(step, attempt: 1, ending: StepEnding(decision: decision, note: note))
        return decision == .done ? .completed : .notDone
    }

    // MARK: Command steps

    private func runCommand(_ step: PlannedStep) async throws -> Settlement {
        if let danger = step.danger {
            if let stop = try passDangerGate(step, danger: danger) { return stop }
        } else if !settings.assumeYes || step.needsConfirmation {
            switch prompt.choose("Run step \(step.number) \(step.name)?", from: ["run", "skip", "abort"]) {
            case "run": break
            case "skip":
                try record(.skip, step)
                observer.stepFinished(step, attempt: 1, ending: StepEnding(decision: .skip))
                return .skipped
            default:
                try record(.abort, step)
                return .stopped(.aborted, "aborted at step \(step.name)")
            }
        }
        var retriesLeft = step.limits.retries
        var attempt = 0
        while true {
            attempt += 1
            let result = try await execute(step, attempt: attempt)
            if result.interrupted { return .stopped(.interrupted, "interrupted during step \(step.name)") }
            if result.succeeded { return .completed }
            if retriesLeft > 0 {
                retriesLeft -= 1
                observer.notice("retrying step \(step.name) (\(step.limits.retries - retriesLeft) of \(step.limits.retries) retries)")
                continue
            }
            if settings.assumeYes {
                return .stopped(.failed, "step \(step.name) failed")
            }
            switch prompt.choose("Step \(step.name) failed.", from: ["retry", "skip", "abort"]) {
            case "retry": continue
            case "skip":
                try record(.skip, step)
                return .skipped
            default:
                try record(.abort, step)
                return .stopped(.failed, "step \(step.name) failed and the run was aborted")
            }
        }
    }

    /// A denylisted step: refused without `--allow-dangerous`; with it, runs
    /// only when the operator types the step's name. Nil means go ahead.
    private func passDangerGate(_ step: PlannedStep, danger: String) throws -> Settlement? {
        observer.notice("DANGER: step \(step.number) \(step.name): this command \(danger).")
        if settings.overrides.allowDangerous {
            let typed = prompt.text("Type the step's name (\(step.name)) to run it, anything else to refuse:")
            if typed == step.name { return nil }
            observer.notice("not confirmed: step \(step.name) was not run")
        } else {
            observer.notice("refused: a command on the dangerous-command list runs only with --allow-dangerous, after you type the step's name")
        }
        try record(.refused, step)
        observer.stepFinished(step, attempt: 1, ending: StepEnding(decision: .refused))
        switch prompt.choose("Step \(step.name) was not run.", from: ["skip", "abort"]) {
        case "skip":
            try record(.skip, step)
            return .skipped
        default:
            return .stopped(.aborted, "aborted at dangerous step \(step.name)")
        }
    }

    private func execute(_ step: PlannedStep, attempt: Int) async throws -> StepResult {
        var environment = settings.environment.merging(variables.values) { _, variable in variable }
        environment["RUNBOOK_RUN"] = String(runID)
        environment["RUNBOOK_ID"] = plan.runbook.id
        environment["RUNBOOK_STEP"] = step.name
        let request = StepRequest(
            script: step.step.command, shell: settings.shell, environment: environment,
            workingDirectory: settings.workingDirectory, timeout: step.limits.timeout, killGrace: settings.killGrace,
            outputCap: settings.outputCap)
        let attemptID = try log.beginAttempt(run: runID, step: loggedStep(step), at: Date())
        observer.stepStarted(step, attempt: attempt)
        phase.withLock { $0 = .runningStep }
        defer { phase.withLock { if case .runningStep = $0 { $0 = .waiting } } }
        let observer = self.observer
        let result: StepResult
        do {
            result = try await StepProcess.run(request, interruption: interruption) { bytes in
                observer.output(bytes, of: step, attempt: attempt)
            }
        } catch {
            try log.finishAttempt(attemptID, AttemptEnd(
                exitCode: nil, signal: nil, timedOut: false, output: StepOutput(cap: 0), note: error.description, end: Date()))
            throw error
        }
        let ending = StepEnding(result)
        try log.finishAttempt(attemptID, AttemptEnd(
            exitCode: ending.exitCode, signal: ending.signal, timedOut: result.timedOut, output: StepOutput(result.output),
            end: result.ended))
        observer.stepFinished(step, attempt: attempt, ending: ending)
        return result
    }

    // MARK: Log

    private func loggedStep(_ step: PlannedStep) -> LoggedStep {
        LoggedStep(name: step.name, index: step.number - 1, kind: step.step.kind, command: step.step.command)
    }

    private func record(_ decision: StepDecision, _ step: PlannedStep, note: String? = nil) throws {
        try log.recordDecision(decision, run: runID, step: loggedStep(step), note: note, at: Date())
    }

    @discardableResult
    private func finish(_ outcome: RunOutcome, summary: String) -> RunOutcome {
        phase.withLock { $0 = .finished }
        do {
            try log.finishRun(runID, outcome: outcome, at: Date())
        } catch {
            observer.notice("warning: could not record the end of run \(runID): \(error)")
        }
        observer.runFinished(runID: runID, outcome: outcome, summary: summary)
        return outcome
    }
}
