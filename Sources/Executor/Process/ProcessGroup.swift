import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process group a step's shell leads (its session, too): the shell and
/// everything it started that did not move to a group of its own.
///
/// Signals go through `kill(-pgid, …)` here rather than swift-subprocess's
/// `Execution.send(signal:toProcessGroup:)`, because an `Execution` is valid only
/// inside the `run` body, and the group must also be signalled from the interrupt
/// handler's thread and after the shell has been reaped, when leftover children
/// still hold the group (the kernel keeps a group id from being reused while any
/// member lives). swift-subprocess also has no way to ask whether a group has members.
struct ProcessGroup: Sendable, Hashable {
    let id: pid_t

    func send(_ signal: Int32) {
        // ESRCH (the group is already gone) is the only expected failure, and it means
        // there is nothing left to signal.
        _ = kill(-id, signal)
    }

    /// Whether any process of the group is still running. A zombie is not: it is
    /// dead, only not yet reaped, and where PID 1 does not reap orphans (some
    /// containers) it never will be.
    var hasLiveMembers: Bool {
        guard kill(-id, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        return ProcessTable.hasLiveMember(inGroup: id)
        #else
        return true
        #endif
    }

    /// Waits until the group has no live member or `deadline` passes.
    func waitUntilEmpty(before deadline: ContinuousClock.Instant) async {
        // Nothing announces that a group emptied (its members are not our children
        // once the shell is gone), so look again every few milliseconds.
        while hasLiveMembers && ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(25))
            } catch {
                return
            }
        }
    }
}
