import Foundation

#if os(Linux)
/// Reads `/proc` to tell live processes from zombies, which `kill(pid, 0)` cannot.
enum ProcessTable {
    /// The state letter and process group of a process, from `/proc/PID/stat`.
    static func status(of pid: Int32) -> (state: Character, group: Int32)? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // "PID (COMMAND) STATE PPID PGRP ..."; COMMAND may hold spaces and parentheses,
        // so the fields are counted from the last ")".
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let state = fields[0].first, let group = Int32(fields[2]) else { return nil }
        return (state, group)
    }

    /// Running, sleeping or stopped: anything but a zombie (`Z`) or dead (`X`) entry.
    static func isLive(_ pid: Int32) -> Bool {
        status(of: pid).map { isLive(state: $0.state) } ?? false
    }

    /// Whether a live process belongs to `group`; true when `/proc` cannot be listed,
    /// so a caller never takes an unreadable table for an empty group.
    static func hasLiveMember(inGroup group: Int32) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        return entries.contains { entry in
            guard let pid = Int32(entry), let status = status(of: pid) else { return false }
            return status.group == group && isLive(state: status.state)
        }
    }

    private static func isLive(state: Character) -> Bool {
        state != "Z" && state != "X"
    }
}
#endif
