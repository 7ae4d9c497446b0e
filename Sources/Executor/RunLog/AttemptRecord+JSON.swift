import RunbookCore

extension AttemptRecord {
    /// One attempt in `runs show --json`, keys in this order: `id`, `step`,
    /// `stepIndex` (0-based), `attempt` (1-based), `kind`, `command`,
    /// `decision`, `note`, `start`, `end`, `exitCode`, `signal`, `timedOut`,
    /// `output`. `output` is null when nothing ran or the command has no end;
    /// otherwise `{text, keptBytes, totalBytes, cap, truncated}`, where `text`
    /// is the kept bytes as UTF-8 (invalid sequences replaced).
    public var json: JSONValue {
        .object([
            ("id", .int(Int(id))),
            ("step", .string(step.name)),
            ("stepIndex", .int(step.index)),
            ("attempt", .int(number)),
            ("kind", .string(step.kind.rawValue)),
            ("command", .string(step.command)),
            ("decision", .string(decision.rawValue)),
            ("note", .optional(note)),
            ("start", .string(LogTimestamp.text(start))),
            ("end", .optional(end.map(LogTimestamp.text))),
            ("exitCode", exitCode.map { .int(Int($0)) } ?? .null),
            ("signal", signal.map { .int(Int($0)) } ?? .null),
            ("timedOut", .bool(timedOut)),
            ("output", output.map { output in
                .object([
                    ("text", .string(output.text)),
                    ("keptBytes", .int(output.bytes.count)),
                    ("totalBytes", .int(output.totalBytes)),
                    ("cap", .int(output.cap)),
                    ("truncated", .bool(output.truncated)),
                ])
            } ?? .null),
        ])
    }
}
