import RunbookCore

extension RunDetail {
    /// `runbook runs show RUN --json`, keys in this order: `id`, `runbook`,
    /// `title`, `outcome`, `start`, `end`, `stepCount`, `completedSteps`,
    /// `user`, `host`, `path`, `commit`, `blob`, `source`, `variables` (an
    /// object, names sorted), `resumptions` (`[{at, user, host}]`, oldest
    /// first) and `attempts` (see `AttemptRecord.json`), in the order recorded.
    public var json: JSONValue {
        .object(run.jsonHeader + [
            ("completedSteps", .int(completedSteps.count)),
            ("user", .string(run.user)),
            ("host", .string(run.host)),
            ("path", .string(run.path)),
            ("commit", .string(run.commit)),
            ("blob", .string(run.blob)),
            ("source", .string(run.source)),
            ("variables", .object(run.variables.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("resumptions", .array(resumptions.map { resumption in
                .object([
                    ("at", .string(LogTimestamp.text(resumption.at))),
                    ("user", .string(resumption.user)),
                    ("host", .string(resumption.host)),
                ])
            })),
            ("attempts", .array(attempts.map(\.json))),
        ])
    }
}
