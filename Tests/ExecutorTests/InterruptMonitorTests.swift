import Foundation
import Testing
@testable import Executor

/// Sends real signals to this test process, so one test does it all, in one place.
@Suite struct InterruptMonitorTests {
    @Test(.timeLimit(.minutes(1)))
    func ctrlCStopsTheRunningStepAndIsReported() async throws {
        let interruption = StepInterruption()
        let callbacks = LockedChunks()
        let monitor = await InterruptMonitor.install(stopping: interruption) { signal in
            callbacks.append([UInt8(signal)])
        }
        defer { monitor.cancel() }

        // The runner now ignores SIGINT, SIGTERM and SIGHUP; a step must still start
        // with them at their default action (ignored on entry, a shell could not
        // even trap them). SigIgn is a hex mask, bit n - 1 for signal n.
        let dispositions = try await StepProcess.run(
            StepRequest(executable: "sed", arguments: ["-n", "s/^SigIgn:[[:space:]]*//p", "/proc/self/status"])
        )
        let ignored = try #require(UInt64(String(decoding: dispositions.output.bytes, as: UTF8.self).dropLast(), radix: 16))
        for signal in InterruptMonitor.defaultSignals {
            #expect(ignored & (1 << (signal - 1)) == 0, "signal \(signal) ignored in the step")
        }

        // Ctrl-C, as the terminal would send it to the runner, once the step runs.
        let request = StepRequest(script: "echo ready; sleep 1000", shell: ShellInvocation(shell: "bash"), killGrace: .seconds(1))
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
}
