import Foundation

/// What is known when a run begins: the row `RunLog.beginRun` writes.
public struct RunStart: Sendable, Hashable {
    public var runbookID: String
    public var title: String
    /// The runbook's path in its repository.
    public var path: String
    /// The commit the runbook was read from.
    public var commit: String
    /// The runbook file's blob id: `resume` compares it to refuse changed content.
    public var blob: String
    /// Where the runbook came from: the index file or URL, or `REPOSITORY@REV`.
    public var source: String
    public var user: String
    public var host: String
    /// How many steps the plan has, so listings can show "3/7".
    public var stepCount: Int
    /// The variables' values, by name. They are stored as given (the log file is
    /// private to its owner, mode 0600).
    public var variables: [String: String]
    public var start: Date

    public init(
        runbookID: String, title: String, path: String, commit: String, blob: String, source: String,
        user: String, host: String, stepCount: Int, variables: [String: String], start: Date
    ) {
        self.runbookID = runbookID
        self.title = title
        self.path = path
        self.commit = commit
        self.blob = blob
        self.source = source
        self.user = user
        self.host = host
        self.stepCount = stepCount
        self.variables = variables
        self.start = start
    }
}
