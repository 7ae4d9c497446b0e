/// Why the run log could not be opened, read or written. Each message names
/// the file and says what to do.
public enum RunLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder or file could not be created.
    case cannotCreate(path: String, reason: String)
    /// The file exists but is not a SQLite database.
    case notADatabase(path: String)
    /// A SQLite database, but not one this tool wrote.
    case notARunLog(path: String)
    /// Written by a newer version of the tool, with tables this one does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// A value in the file this version cannot read (edited by hand, or damaged).
    case unreadable(path: String, detail: String)
    /// `finishAttempt`, `recordDecision`, `finishRun` or `markResumed` named a run
    /// or attempt the log does not hold.
    case unknownRow(path: String, detail: String)
    /// SQLite reported an error (busy past the timeout, disk full, damaged file...).
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason):
            "cannot create the run log \(path): \(reason); give a writable file with --log"
        case let .notADatabase(path):
            "\(path) is not a SQLite database, so it cannot be the run log; move it aside, or give another file with --log"
        case let .notARunLog(path):
            "\(path) is a SQLite database but not a runbook run log; give another file with --log"
        case let .newerSchema(path, unknown):
            "the run log \(path) was written by a newer version of runbook (schema \(unknown.joined(separator: ", ")) is "
                + "unknown to this one); upgrade runbook, or give another file with --log"
        case let .unreadable(path, detail):
            "cannot read the run log \(path): \(detail)"
        case let .unknownRow(path, detail):
            "the run log \(path) has no \(detail)"
        case let .database(path, message):
            "run log \(path): \(message)"
        }
    }
}
