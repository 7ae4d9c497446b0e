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
/// monitor is installed. SIGHUP stays ignored if the runner was started with it
/// ignored: `nohup runbook run` must survive a closed terminal. SIGINT and SIGTERM
/// are always watched, even if ignored at start (as a background job's SIGINT
/// is): a step must never be left running unrecorded. Install one monitor per process.
///
/// On a signal, in this order: the interruption is requested, so a running step's
/// process group is ended (TERM, grace, KILL) and no new step starts; `onSignal`
/// is called on the monitor's own queue; the signal number is yielded to
/// `signals`. The runner observes either one, during a step or while it waits at a
/// prompt (where the prompt's read is not interrupted: `onSignal` is the place to
/// record the run as interrupted and exit with 128 + the signal number, 130 for
/// Ctrl-C). A second Ctrl-C while the step is being ended KILLs its group at once.
public final class InterruptMonitor: @unchecked Sendable {
    private typealias Handler = @convention(c) (Int32) -> Void

    // @unchecked: the dispatch sources are thread-safe objects, the arrays are set
    // once in `init`, and `cancel()` only calls into them.
    private let sources: [any DispatchSourceSignal]
    /// What each watched signal did before, given back by `cancel()`.
    private let previousHandlers: [(signal: Int32, handler: Handler?)]
    private let continuation: AsyncStream<Int32>.Continuation

    /// The signals caught: those asked for, less SIGHUP if `nohup` ignored it.
    var watchedSignals: [Int32] { previousHandlers.map(\.signal) }

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
        var previousHandlers: [(signal: Int32, handler: Handler?)] = []
        for signalNumber in signals {
            // Ignored, the signal no longer ends the runner; a dispatch source still
            // sees it arrive.
            let previous = signal(signalNumber, SIG_IGN)
            if signalNumber == SIGHUP && Self.isIgnore(previous) { continue }
            previousHandlers.append((signalNumber, previous))
        }
        self.previousHandlers = previousHandlers
        sources = previousHandlers.map { signalNumber, _ in
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

    /// Stops watching and gives the signals back what they did before.
    public func cancel() {
        for source in sources { source.cancel() }
        for (signalNumber, handler) in previousHandlers { signal(signalNumber, handler) }
        continuation.finish()
    }

    private static func isIgnore(_ handler: Handler?) -> Bool {
        // C function pointers have no `==`; SIG_IGN is a sentinel address.
        unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
