#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ends a step's process group the one way the runner ends processes: TERM (with
/// CONT, so a stopped process sees it), then KILL once the grace period has passed.
///
/// Three things start it: the step's timeout, an interruption, and the shell
/// exiting while processes it started still run. A step owns the processes it
/// starts: a background job (`server &`) does not outlive its step, so the run's
/// output can end and nothing keeps running unrecorded. Processes that leave the
/// group themselves (`setsid`) are beyond reach.
///
/// After `finish()` no signal is sent, so nothing is ever aimed at a group id
/// that a later, unrelated process might have taken.
final class GroupShutdown: Sendable {
    enum Reason: Sendable {
        case timedOut, interrupted
    }

    private struct State {
        var group: ProcessGroup?
        var timedOut = false
        var interrupted = false
        /// A stop was asked for before the group was known.
        var stopPending = false
        var termSentAt: ContinuousClock.Instant?
        var finished = false
    }

    let grace: Duration
    private let state = Mutex(State())
    private let termSent: AsyncStream<Void>
    private let termSentContinuation: AsyncStream<Void>.Continuation

    init(grace: Duration) {
        self.grace = grace
        (termSent, termSentContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    var timedOut: Bool { state.withLock { $0.timedOut } }
    var interrupted: Bool { state.withLock { $0.interrupted } }

    /// The shell has started: its pid is the group's id.
    func attach(_ group: ProcessGroup) {
        state.withLock { state in
            state.group = group
            if state.stopPending { sendTerm(&state) }
        }
    }

    /// Ends the group: TERM now and KILL after the grace (see `enforceGrace`); asked
    /// again while that is under way, KILL at once.
    func stop(_ reason: Reason) {
        state.withLock { state in
            guard !state.finished else { return }
            switch reason {
            case .timedOut: state.timedOut = true
            case .interrupted: state.interrupted = true
            }
            if state.termSentAt != nil {
                sendKill(&state)
            } else if state.group == nil {
                state.stopPending = true
            } else {
                sendTerm(&state)
            }
        }
    }

    /// While the shell runs: waits for the first TERM, then the grace, then KILLs.
    /// Returns early when its task is cancelled (the shell has exited).
    func enforceGrace() async {
        for await _ in termSent { break }
        guard !Task.isCancelled else { return }
        try? await Task.sleep(for: grace)
        guard !Task.isCancelled else { return }
        state.withLock { sendKill(&$0) }
    }

    /// After the shell has been reaped: ends whatever it left running in its group
    /// (TERM, grace, KILL, counting the grace from a TERM already sent), waits a
    /// grace more for the KILLed to go, and sends nothing after that.
    func finish() async {
        defer { state.withLock { $0.finished = true } }
        guard let group = state.withLock({ $0.group }), group.hasLiveMembers else { return }
        let termSentAt = state.withLock { state in
            if state.termSentAt == nil { sendTerm(&state) }
            return state.termSentAt ?? .now
        }
        await group.waitUntilEmpty(before: termSentAt + grace)
        guard group.hasLiveMembers else { return }
        state.withLock { sendKill(&$0) }
        await group.waitUntilEmpty(before: .now + grace)
    }

    private func sendTerm(_ state: inout State) {
        guard let group = state.group, !state.finished else { return }
        group.send(SIGTERM)
        group.send(SIGCONT)
        state.termSentAt = .now
        termSentContinuation.yield()
    }

    private func sendKill(_ state: inout State) {
        guard let group = state.group, !state.finished else { return }
        group.send(SIGKILL)
    }
}
