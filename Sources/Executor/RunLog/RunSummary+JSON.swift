import RunbookCore

extension RunSummary {
    /// One element of `runbook runs --json` (an array, newest first), keys in
    /// this order: `id`, `runbook`, `title`, `outcome`, `start`, `end`,
    /// `stepCount`, `completedSteps`, `resumeCount`, `user`, `host`. Times are
    /// ISO 8601 UTC with milliseconds.
    public var json: JSONValue {
        .object(run.jsonHeader + [
            ("completedSteps", .int(completedStepCount)),
            ("resumeCount", .int(resumeCount)),
            ("user", .string(run.user)),
            ("host", .string(run.host)),
        ])
    }
}
