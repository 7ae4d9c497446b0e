import Synchronization

/// The runner's request to stop: set from any thread (the signal handler), seen by
/// the step that is running and by every step started afterwards.
///
/// A request ends the running step's process group (TERM, the kill grace, then
/// KILL); a second request while it is being ended sends KILL at once. A step
/// started after a request is not launched (`StepProcessError.interruptedBeforeLaunch`).
/// Once requested, it stays requested: the run is over.
public final class StepInterruption: Sendable {
    private struct State {
        var signal: Int32?
        var isRequested = false
        var handlers: [Int: @Sendable () -> Void] = [:]
        var nextHandlerID = 0
    }

    private let state = Mutex(State())

    public init() {}

    public var isRequested: Bool { state.withLock { $0.isRequested } }

    /// The first signal that asked to stop, if a signal did: the runner exits with
    /// 128 + this number (130 for SIGINT).
    public var signal: Int32? { state.withLock { $0.signal } }

    /// Asks the running step, if any, to stop. `signal` records why (nil: not a signal).
    public func request(signal: Int32? = nil) {
        let handlers = state.withLock { state in
            if !state.isRequested {
                state.isRequested = true
                state.signal = signal
            }
            return Array(state.handlers.values)
        }
        for handler in handlers { handler() }
    }

    /// Calls `handler` on every request until removed; at once if one was already made.
    func onRequest(_ handler: @escaping @Sendable () -> Void) -> Int {
        let (id, alreadyRequested) = state.withLock { state in
            let id = state.nextHandlerID
            state.nextHandlerID += 1
            state.handlers[id] = handler
            return (id, state.isRequested)
        }
        if alreadyRequested { handler() }
        return id
    }

    func removeHandler(_ id: Int) {
        _ = state.withLock { $0.handlers.removeValue(forKey: id) }
    }
}
