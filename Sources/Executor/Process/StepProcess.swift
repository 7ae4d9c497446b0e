import Foundation
import Subprocess

/// Runs one step's program in a process group of its own, streaming and capturing
/// its output, and ends the group on timeout or interruption.
///
/// - The step starts a new session, so it has its own process group and no
///   controlling terminal: Ctrl-C reaches only the runner (which stops the step
///   through a `StepInterruption`), and a command that wants to prompt on the
///   terminal (`sudo`, `ssh` asking for a password) fails instead of stealing the
///   operator's keystrokes or stopping in the background.
/// - Its stdin is `/dev/null`: the operator's answers to the runner's prompts are
///   read from the runner's stdin, and a step must never consume them.
/// - stdout and stderr share one pipe, so output arrives in the order it was written.
/// - Ending the group is always TERM, the kill grace, then KILL (`GroupShutdown`).
/// - A step owns the processes it starts: whatever the shell leaves running in its
///   group when it exits (`server &`) is ended the same way, so reading the output
///   cannot hang on a background process holding the pipe, and nothing keeps running
///   that the run log does not show.
/// - Signal dispositions are reset to the defaults in the step (swift-subprocess
///   does this at spawn), so the runner ignoring SIGINT does not make steps ignore it.
public enum StepProcess {
    /// Runs `request` to the end and reports how it ended.
    ///
    /// - Parameters:
    ///   - interruption: Stops this step when requested (also from another thread),
    ///     and keeps it from starting if it already was.
    ///   - onOutput: Called with each chunk of output as it arrives, in order, on
    ///     the task reading it; the step's output waits while it runs.
    /// - Throws: `StepProcessError` when the program could not be started. A step
    ///   that fails, times out or is interrupted is a result, not an error.
    public static func run(
        _ request: StepRequest,
        interruption: StepInterruption = StepInterruption(),
        onOutput: @escaping @Sendable ([UInt8]) -> Void = { _ in }
    ) async throws(StepProcessError) -> StepResult {
        let program = request.executable
        guard !interruption.isRequested else { throw .interruptedBeforeLaunch(program: program) }
        let configuration = try configuration(for: request)
        let shutdown = GroupShutdown(grace: request.killGrace)
        let handler = interruption.onRequest { shutdown.stop(.interrupted) }
        defer { interruption.removeHandler(handler) }

        let started = Date()
        let execution: ExecutionResult<CapturedOutput, SequenceOutput, CombinedErrorOutput>
        do {
            execution = try await withThrowingTaskGroup(of: Void.self) { watchers in
                // Both watchers live until the shell has been reaped, even if it
                // closes its output early (`exec >/dev/null`) and runs on.
                if let timeout = request.timeout {
                    watchers.addTask {
                        try await Task.sleep(for: timeout)
                        shutdown.stop(.timedOut)
                    }
                }
                watchers.addTask { await shutdown.enforceGrace() }
                defer { watchers.cancelAll() }
                return try await Subprocess.run(
                    configuration, input: .none, output: .sequence, error: .combinedWithOutput
                ) { execution in
                    shutdown.attach(ProcessGroup(id: execution.processIdentifier.value))
                    var captured = CapturedOutput(cap: request.outputCap)
                    // Ends when every writer has closed the pipe, or when the shell
                    // exits: swift-subprocess then stops waiting for an end of file
                    // that a background process holding the pipe would never send.
                    for try await buffer in execution.standardOutput {
                        let chunk = buffer.withUnsafeBytes { Array($0) }
                        onOutput(chunk)
                        captured.append(chunk)
                    }
                    return captured
                }
            }
        } catch {
            await shutdown.finish()
            throw StepProcessError(error, program: program, workingDirectory: request.workingDirectory)
        }
        await shutdown.finish()
        return StepResult(
            termination: StepTermination(execution.terminationStatus),
            timedOut: shutdown.timedOut,
            interrupted: shutdown.interrupted,
            output: execution.closureResult,
            started: started,
            ended: Date()
        )
    }

    private static func configuration(for request: StepRequest) throws(StepProcessError) -> Configuration {
        var overrides: [Environment.Key: String?] = [:]
        for (name, value) in request.environment {
            guard let key = Environment.Key(rawValue: name) else {
                throw .cannotRun(program: request.executable, reason: "'\(name)' is not a variable name")
            }
            overrides[key] = value
        }
        var options = PlatformOptions()
        options.createSession = true
        // Used by swift-subprocess only if the calling task is cancelled mid-step:
        // the same TERM, grace, KILL, to the whole group.
        options.teardownSequence = [
            .send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: request.killGrace)
        ]
        let executable: Executable =
            request.executable.contains("/") ? .path(.init(request.executable)) : .name(request.executable)
        return Configuration(
            executable: executable,
            arguments: Arguments(request.arguments),
            environment: .inherit.updating(overrides),
            workingDirectory: request.workingDirectory.map { .init($0) },
            platformOptions: options
        )
    }
}
