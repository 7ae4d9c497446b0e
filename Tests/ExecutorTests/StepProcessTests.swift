import Foundation
import Testing
@testable import Executor

/// Real processes, real signals. Outcomes only: every limit here is short, and no
/// test asserts how long anything took.
@Suite struct StepProcessTests {
    private let bash = ShellInvocation(shell: "bash")

    private func run(
        _ script: String,
        environment: [String: String] = [:],
        timeout: Duration? = nil,
        grace: Duration = .seconds(1),
        cap: Int = StepRequest.defaultOutputCap,
        interruption: StepInterruption = StepInterruption(),
        onOutput: @escaping @Sendable ([UInt8]) -> Void = { _ in }
    ) async throws -> StepResult {
        let request = StepRequest(
            script: script, shell: bash, environment: environment,
            timeout: timeout, killGrace: grace, outputCap: cap
        )
        return try await StepProcess.run(request, interruption: interruption, onOutput: onOutput)
    }

    private func text(_ result: StepResult) -> String {
        String(decoding: result.output.bytes, as: UTF8.self)
    }

    private func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("step-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func pid(in file: URL) throws -> Int32 {
        let text = try String(contentsOf: file, encoding: .utf8)
        return try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// `kill(pid, 0)` also succeeds for a zombie, and where PID 1 does not reap
    /// orphans (this container) a killed orphan stays one; dead is dead either way.
    private func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 && ProcessTable.isLive(pid)
    }

    @Test func exitCodesAreReported() async throws {
        let success = try await run("echo hello")
        #expect(success.termination == .exited(0))
        #expect(success.succeeded)
        #expect(text(success) == "hello\n")
        #expect(success.started <= success.ended)

        let failure = try await run("exit 3")
        #expect(failure.termination == .exited(3))
        #expect(failure.termination.exitCode == 3 && failure.termination.signal == nil)
        #expect(!failure.succeeded)
        #expect(!failure.timedOut && !failure.interrupted)
    }

    @Test func pipefailMakesAFailingPipelineFail() async throws {
        let result = try await run("false | true\necho not reached")
        #expect(result.termination == .exited(1))
        #expect(text(result) == "")
    }

    @Test func stdoutAndStderrKeepTheirOrder() async throws {
        let chunks = LockedChunks()
        let result = try await run(
            "echo one; echo two >&2; echo three; echo four >&2; printf five >&2",
            onOutput: { chunks.append($0) }
        )
        #expect(text(result) == "one\ntwo\nthree\nfour\nfive")
        #expect(chunks.joined == result.output.bytes)
    }

    @Test func variablesAreInTheEnvironmentNotTheCommandText() async throws {
        let directory = try scratchDirectory()
        let marker = directory.appendingPathComponent("substituted").path
        let value = "$(touch \(marker)) `touch \(marker)` $HOME ; echo injected"
        let result = try await run(
            #"printf '%s\n' "$TARGET"; printf '%s\n' "${PATH:+inherited}""#,
            environment: ["TARGET": value]
        )
        #expect(text(result) == "\(value)\ninherited\n")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func stdinIsEmpty() async throws {
        let result = try await run("cat; echo after")
        #expect(result.termination == .exited(0))
        #expect(text(result) == "after\n")
    }

    @Test func capKeepsHeadAndTail() async throws {
        let result = try await run("printf 0123456789; printf abcdefghij", cap: 10)
        #expect(result.output.head == Array("01234".utf8))
        #expect(result.output.tail == Array("fghij".utf8))
        #expect(result.output.totalBytes == 20)
        #expect(result.output.omittedBytes == 10)
        #expect(result.output.isTruncated)

        let fits = try await run("printf 0123456789", cap: 10)
        #expect(fits.output.bytes == Array("0123456789".utf8))
        #expect(!fits.output.isTruncated)
        #expect(fits.output.omittedBytes == 0)
    }

    @Test func capHoldsOverManySmallChunks() {
        var output = CapturedOutput(cap: 7)
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
        for byte in bytes { output.append([byte]) }
        #expect(output.head == Array(bytes.prefix(4)))
        #expect(output.tail == Array(bytes.suffix(3)))
        #expect(output.totalBytes == bytes.count)
        #expect(output.omittedBytes == bytes.count - 7)

        var nothing = CapturedOutput(cap: 0)
        nothing.append([1, 2, 3])
        #expect(nothing.bytes.isEmpty && nothing.isTruncated && nothing.omittedBytes == 3)
    }

    @Test func timeoutKillsAChildIgnoringTermAndItsChild() async throws {
        let directory = try scratchDirectory().path
        // The step shell waits for a child that ignores TERM, whose own child
        // (inheriting the ignored TERM) sleeps: only KILL ends them.
        let script = """
            bash -c 'trap "" TERM; echo $$ > "$DIR/child"; sleep 1000 & echo $! > "$DIR/grandchild"; wait'
            echo not reached
            """
        let result = try await run(script, environment: ["DIR": directory], timeout: .seconds(1))
        #expect(result.timedOut)
        #expect(!result.interrupted)
        #expect(result.termination == .signaled(SIGTERM))
        #expect(result.termination.signal == SIGTERM && result.termination.exitCode == nil)
        #expect(!result.succeeded)
        let child = try pid(in: URL(fileURLWithPath: directory).appendingPathComponent("child"))
        let grandchild = try pid(in: URL(fileURLWithPath: directory).appendingPathComponent("grandchild"))
        #expect(!isRunning(child))
        #expect(!isRunning(grandchild))
    }

    @Test func closingOutputEarlyDoesNotEscapeTheTimeout() async throws {
        let result = try await run("exec >/dev/null 2>&1; sleep 1000", timeout: .seconds(1))
        #expect(result.timedOut)
        #expect(result.termination == .signaled(SIGTERM))
    }

    @Test func backgroundProcessLeftByTheShellIsEnded() async throws {
        let directory = try scratchDirectory().path
        let result = try await run(
            #"sleep 1000 & echo $! > "$DIR/background"; echo started"#,
            environment: ["DIR": directory]
        )
        #expect(result.termination == .exited(0))
        #expect(result.succeeded)
        #expect(text(result) == "started\n")
        let background = try pid(in: URL(fileURLWithPath: directory).appendingPathComponent("background"))
        #expect(!isRunning(background))
    }

    @Test func interruptionFromAnotherTaskStopsTheGroup() async throws {
        let directory = try scratchDirectory().path
        let interruption = StepInterruption()
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let interrupter = Task {
            for await _ in started { break }
            interruption.request(signal: SIGINT)
        }
        let result = try await run(
            #"sleep 1000 & echo $! > "$DIR/sleeper"; echo ready; wait"#,
            environment: ["DIR": directory],
            interruption: interruption,
            onOutput: { _ in startedContinuation.yield() }
        )
        await interrupter.value
        #expect(result.interrupted)
        #expect(!result.timedOut)
        #expect(result.termination == .signaled(SIGTERM))
        #expect(interruption.signal == SIGINT)
        #expect(!isRunning(try pid(in: URL(fileURLWithPath: directory).appendingPathComponent("sleeper"))))
    }

    @Test(.timeLimit(.minutes(1)))
    func secondInterruptionKillsAtOnce() async throws {
        let interruption = StepInterruption()
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let interrupter = Task {
            for await _ in started { break }
            interruption.request()
            interruption.request()
        }
        // With an hour's grace, only the second request can end a shell ignoring TERM.
        let result = try await run(
            #"trap "" TERM; echo ready; sleep 1000; echo not reached"#,
            grace: .seconds(3600),
            interruption: interruption,
            onOutput: { _ in startedContinuation.yield() }
        )
        await interrupter.value
        #expect(result.interrupted)
        #expect(result.termination == .signaled(SIGKILL))
    }

    @Test func interruptedRunnerStartsNoStep() async throws {
        let interruption = StepInterruption()
        interruption.request()
        let error = await #expect(throws: StepProcessError.self) {
            try await run("echo never", interruption: interruption)
        }
        #expect(error == .interruptedBeforeLaunch(program: "bash"))
    }

    @Test func missingProgramIsAnErrorNamingIt() async throws {
        let request = StepRequest(executable: "no-such-shell-for-runbook", arguments: ["-c", "true"])
        let error = await #expect(throws: StepProcessError.self) {
            try await StepProcess.run(request)
        }
        #expect(error == .programNotFound(program: "no-such-shell-for-runbook"))
        #expect(error?.description.contains("'no-such-shell-for-runbook'") == true)
    }

    @Test func programThatIsNotExecutableIsAnError() async throws {
        let file = try scratchDirectory().appendingPathComponent("shell").path
        try Data("#!/bin/sh\n".utf8).write(to: URL(fileURLWithPath: file))
        let error = await #expect(throws: StepProcessError.self) {
            try await StepProcess.run(StepRequest(executable: file, arguments: []))
        }
        #expect(error == .programNotFound(program: file))
    }

    @Test func missingWorkingDirectoryIsAnError() async throws {
        let directory = try scratchDirectory().appendingPathComponent("gone").path
        let request = StepRequest(executable: "bash", arguments: ["-c", "true"], workingDirectory: directory)
        let error = await #expect(throws: StepProcessError.self) {
            try await StepProcess.run(request)
        }
        #expect(error == .unusableWorkingDirectory(program: "bash", directory: directory))
    }

    @Test func workingDirectoryIsUsed() async throws {
        let directory = try scratchDirectory()
        let request = StepRequest(executable: "pwd", arguments: [], workingDirectory: directory.path)
        let result = try await StepProcess.run(request)
        #expect(String(decoding: result.output.bytes, as: UTF8.self) == directory.resolvingSymlinksInPath().path + "\n")
    }
}
