import Foundation
import Testing
@testable import Executor

/// Changes this test process's signal dispositions and sends it real signals, so
/// the tests take turns.
@Suite(.serialized) struct InterruptMonitorTests {
    @Test(.timeLimit(.minutes(1)))
    func ctrlCStopsTheRunningStepAndIsReported() async throws {
        // Started as a background job, this process may have SIGINT ignored, which
        // the monitor would rightly keep; here it must be caught.
        let previous = signal(SIGINT, SIG_DFL)
        defer { signal(SIGINT, previous) }
        let interruption = StepInterruption()
        let callbacks = LockedChunks()
        // Only SIGINT: other tests' children started meanwhile by Foundation's Process
        // inherit what this process ignores.
        let monitor = await InterruptMonitor.install(for: [SIGINT], stopping: interruption) { signal in
            callbacks.append([UInt8(signal)])
        }
        defer { monitor.cancel() }

        // The runner now ignores SIGINT; a step must still start with it at its
        // default action (ignored on entry, a shell could not even trap it).
        // SigIgn is a hex mask, bit n - 1 for signal n.
        let dispositions = try await StepProcess.run(
            StepRequest(executable: "sed", arguments: ["-n", "s/^SigIgn:[[:space:]]*//p", "/proc/self/status"])
        )
        let mask = String(decoding: dispositions.output.bytes, as: UTF8.self).dropLast()
        let ignored = try #require(UInt64(mask, radix: 16))
        #expect(ignored & (1 << (SIGINT - 1)) == 0)

        // Ctrl-C, as the terminal would send it to the runner, once the step runs.
        let request = StepRequest(
            script: "echo ready; sleep 1000", shell: ShellInvocation(shell: "bash"), killGrace: .seconds(1)
        )
        let result = try await StepProcess.run(request, interruption: interruption) { _ in
            kill(getpid(), SIGINT)
        }
        #expect(result.interrupted)
        #expect(result.termination == .signaled(SIGTERM))
        #expect(interruption.signal == SIGINT)

        var signals = monitor.signals.makeAsyncIterator()
        #expect(await signals.next() == SIGINT)
        #expect(callbacks.joined.first == UInt8(SIGINT))
    }

    @Test func hangupIgnoredByNohupStaysIgnored() async {
        let previous = (hangup: signal(SIGHUP, SIG_IGN), interrupt: signal(SIGINT, SIG_IGN))
        defer {
            signal(SIGHUP, previous.hangup)
            signal(SIGINT, previous.interrupt)
        }
        let monitor = await InterruptMonitor.install(for: [SIGINT, SIGHUP], stopping: StepInterruption())
        #expect(monitor.watchedSignals == [SIGINT])
        monitor.cancel()
        let afterCancel = signal(SIGHUP, SIG_IGN)
        #expect(unsafeBitCast(afterCancel, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self))
    }
}
