import Foundation

/// How long something took, as `runs show` prints it: `340ms`, `2.1s`, `5m 54s`, `2h 05m`.
enum ElapsedTime {
    static func text(from start: Date, to end: Date) -> String {
        let seconds = max(end.timeIntervalSince(start), 0)
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 {
            let tenths = Int((seconds * 10).rounded())
            return tenths < 600 ? "\(tenths / 10).\(tenths % 10)s" : "1m 00s"
        }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60)m \(twoDigits(whole % 60))s" }
        return "\(whole / 3600)h \(twoDigits(whole % 3600 / 60))m"
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
