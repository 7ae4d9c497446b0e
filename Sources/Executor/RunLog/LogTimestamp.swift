import Foundation
import GRDB

/// How the run log writes times: ISO 8601 in UTC with milliseconds
/// (`2025-03-01T09:30:00.250Z`), text that sorts in time order and reads well
/// in `sqlite3`. The same text appears in `--json` output.
enum LogTimestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func text(_ date: Date) -> String { date.formatted(style) }

    /// To the second, for people: `2025-03-01T09:30:00Z`.
    static func short(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }

    /// The time in a row's column, which must hold one.
    static func decode(_ row: Row, _ column: String, log: String) throws -> Date {
        guard let date = try decodeIfPresent(row, column, log: log) else {
            throw RunLogError.unreadable(path: log, detail: "\(column) is empty")
        }
        return date
    }

    /// The time in a row's column, or nil for NULL.
    static func decodeIfPresent(_ row: Row, _ column: String, log: String) throws -> Date? {
        guard let text: String = try row.decode(forColumn: column) else { return nil }
        guard let date = try? style.parse(text) else {
            throw RunLogError.unreadable(path: log, detail: "\(column) '\(text)' is not an ISO 8601 time")
        }
        return date
    }
}
