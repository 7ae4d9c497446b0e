import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches the signals that ask the runner to stop and turns them into a
/// `StepInterruption` request plus an event the runner observes.
///
/// Watched by default: SIGINT (Ctrl-C), SIGTERM (a supervisor, CI or `kill`
/// stopping the runner) and SIGHUP (the terminal went away). All three must stop
/// the current step: it runs in a session of its own, so none of them reaches it
/// directly, and a runner that simply died would leave it running unrecorded.
/// Their default action (ending the runner on the spot) is replaced while the
/// monitor is installed.
///
/// On a signal, in this order: the interruption is requested, so a running step's
/// process group is ended (TERM, grace, KILL) and no new step starts; `onSignal`
/// is called on the monitor's own queue; the signal number is yielded to
/// `signals`. The runner observes either one, during a step or while it waits at a
/// prompt (where the prompt's read is not interrupted: `onSignal` is the place to
/// record the run as interrupted and exit with 128 + the signal number, 130 for
/// Ctrl-C). A second Ctrl-C while the step is being ended KILLs its group at once.
public final class InterruptMonitor: @unchecked Sendable {
    // @unchecked: the dispatch sources are thread-safe objects, the array is set once
    // in `init`, and `cancel()` only calls into them.
    private let sources: [any DispatchSourceSignal]
    private let continuation: AsyncStream<Int32>.Continuation

    /// Every signal caught, in order; finishes when the monitor is cancelled.
    public let signals: AsyncStream<Int32>

    public static let defaultSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers and returns once the system delivers the signals to
    /// them: a signal that arrives after this returns is never lost.
    public static func install(
        for signals: [Int32] = defaultSignals,
        stopping interruption: StepInterruption,
        onSignal: @escaping @Sendable (Int32) -> Void = { _ in }
    ) async -> InterruptMonitor {
        let monitor = InterruptMonitor(signals: signals, interruption: interruption, onSignal: onSignal)
        for source in monitor.sources {
            await withCheckedContinuation { (registered: CheckedContinuation<Void, Never>) in
                source.setRegistrationHandler { registered.resume() }
                source.resume()
            }
        }
        return monitor
    }

    private init(signals: [Int32], interruption: StepInterruption, onSignal: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "runbook.interrupt-monitor")
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.signals = stream
        self.continuation = continuation
        sources = signals.map { signalNumber in
            // Ignored, the signal no longer ends the runner; the dispatch source still
            // sees it arrive.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                // Two presses can arrive as one event; each counts (the second KILLs).
                for _ in 0..<max(1, source.data) {
                    interruption.request(signal: signalNumber)
                    onSignal(signalNumber)
                    continuation.yield(signalNumber)
                }
            }
            return source
        }
    }

    /// Stops watching and gives the signals their default action back.
    public func cancel() {
        for source in sources where !source.isCancelled {
            source.cancel()
            signal(Int32(source.handle), SIG_DFL)
        }
        continuation.finish()
    }
}
