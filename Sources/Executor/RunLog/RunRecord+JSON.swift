import RunbookCore

extension RunRecord {
    /// The members `runs --json` and `runs show --json` share, in this order:
    /// `id`, `runbook`, `title`, `outcome`, `start`, `end` (null while running),
    /// `stepCount`.
    var jsonHeader: [(String, JSONValue)] {
        [
            ("id", .int(Int(id))),
            ("runbook", .string(started.runbookID)),
            ("title", .string(started.title)),
            ("outcome", .string(outcome.rawValue)),
            ("start", .string(LogTimestamp.text(started.start))),
            ("end", .optional(end.map(LogTimestamp.text))),
            ("stepCount", .int(started.stepCount)),
        ]
    }
}
