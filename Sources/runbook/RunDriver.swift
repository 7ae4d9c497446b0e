import ArgumentParser
import Executor
import Foundation
import RunbookCore

/// The part `run` and `resume` share once they know the runbook, the plan and
/// the variables: the terminal or JSON view, prompts on standard input, Ctrl-C,
/// the runner, and the exit status (0 succeeded, 1 failed or aborted, 130 interrupted).
struct RunDriver {
    let options: RunOptions

    /// - Parameter runID: nil for a dry run, which has no run.
    func observer(runID: Int64?) -> any RunObserver {
        if options.json {
            return RunEventStream(write: { Terminal.write($0, to: .standardOutput) }, runID: runID)
        }
        return RunTranscript(write: { Terminal.print($0) }, writeBytes: { Terminal.write($0, to: .standardOutput) })
    }

    var prompt: OperatorPrompt {
        OperatorPrompt(write: { Terminal.print($0) })
    }

    func openLog() throws -> RunLog {
        do {
            return try RunLog(path: options.logPath)
        } catch {
            throw Terminal.fail("\(error)")
        }
    }

    /// Runs the plan under `runID` skipping `completed` steps, showing the plan
    /// first unless it was shown already, and throws the run's exit status unless it succeeded.
    func drive(
        plan: RunPlan, settings: RunSettings, variables: VariableValues, log: RunLog, runID: Int64, completed: Set<String>,
        showPlan: Bool = true
    ) async throws {
        let observer = observer(runID: runID)
        if showPlan {
            observer.planned(plan, runID: runID, variables: variables)
        } else {
            observer.notice("run \(runID), recorded in \(log.path)\n")
        }
        if !completed.isEmpty {
            observer.notice("resuming: \(CountPhrase.of(completed.count, "step")) already completed (\(completed.sorted().joined(separator: ", ")))")
        }
        let runner = Runner(
            plan: plan, settings: settings, variables: variables, log: log, runID: runID, observer: observer, prompt: prompt)
        let monitor = await InterruptMonitor.install(stopping: runner.interruption) { signal in
            // At a prompt no answer will come: the runner has recorded the interruption.
            if runner.interruptedAtPrompt(signal: signal) { Foundation.exit(128 + signal) }
        }
        defer { monitor.cancel() }
        let outcome: RunOutcome
        do {
            outcome = try await runner.run(skipping: completed)
        } catch {
            throw Terminal.fail("run \(runID) stopped: \(error)")
        }
        switch outcome {
        case .succeeded: return
        case .interrupted: throw ExitCode(128 + (runner.interruption.signal ?? SIGINT))
        default: throw ExitStatus.problems.exitCode
        }
    }

    static var user: String {
        ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    }

    static var host: String {
        ProcessInfo.processInfo.hostName
    }
}
