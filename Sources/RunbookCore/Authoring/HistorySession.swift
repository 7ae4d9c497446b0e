/// Commands typed close together: a pause longer than the gap starts a new session.
public struct HistorySession: Sendable, Hashable {
    /// 1 for the oldest session of the history.
    public var number: Int
    public var entries: [HistoryEntry]

    public init(number: Int, entries: [HistoryEntry]) {
        self.number = number
        self.entries = entries
    }

    /// When the first and last timed command were typed; nil without timestamps.
    public var start: Int? { entries.lazy.compactMap(\.time).first }
    public var end: Int? { entries.lazy.reversed().compactMap(\.time).first }

    /// Splits commands into sessions wherever more than `gap` seconds pass between two
    /// timed commands. Shells that write history on exit (bash's `histappend`) leave
    /// their terminals' commands in blocks out of time order, so timed commands are
    /// first put back in the order they were typed; untimed ones (written before
    /// `HISTTIMEFORMAT` was set) come first. A history without timestamps is one session.
    public static func split(_ entries: [HistoryEntry], gap: Int) -> [HistorySession] {
        let ordered = isInTimeOrder(entries) ? entries : stableSortedByTime(entries)
        var sessions: [HistorySession] = []
        var current: [HistoryEntry] = []
        var lastTime: Int?
        for entry in ordered {
            if let time = entry.time, let previous = lastTime, time - previous > gap, !current.isEmpty {
                sessions.append(HistorySession(number: sessions.count + 1, entries: current))
                current = []
            }
            current.append(entry)
            if let time = entry.time { lastTime = time }
        }
        if !current.isEmpty { sessions.append(HistorySession(number: sessions.count + 1, entries: current)) }
        return sessions
    }

    private static func isInTimeOrder(_ entries: [HistoryEntry]) -> Bool {
        var previous = Int.min
        for entry in entries {
            let time = entry.time ?? Int.min
            if time < previous { return false }
            previous = time
        }
        return true
    }

    private static func stableSortedByTime(_ entries: [HistoryEntry]) -> [HistoryEntry] {
        entries.enumerated()
            .sorted { ($0.element.time ?? Int.min, $0.offset) < ($1.element.time ?? Int.min, $1.offset) }
            .map(\.element)
    }
}
