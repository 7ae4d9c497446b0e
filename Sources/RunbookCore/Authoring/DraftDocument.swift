/// A session written as a runbook draft: the configured sections, the session's
/// commands under Diagnosis and Mitigation, the files it edited, a note saying where
/// it all came from, status `draft`, and a `draft_hash` to notice later human edits.
public struct DraftDocument: Sendable {
    public var draft: SessionDraft
    public var title: String
    /// The history file as the user named it.
    public var source: String
    public var shell: HistoryShell
    public var host: String?

    public init(draft: SessionDraft, title: String, source: String, shell: HistoryShell, host: String?) {
        self.draft = draft
        self.title = title
        self.source = source
        self.shell = shell
        self.host = host
    }

    public func markdown(config: Config) -> String {
        let sections = config.sections
        let diagnosisSection = Self.section(in: sections, named: ["Diagnosis", "Investigation"])
        let mitigationSection = Self.section(in: sections, named: ["Mitigation", "Remediation", "Resolution"])
        var skeleton = RunbookSkeleton(
            frontMatter: [
                (key: "title", value: YAMLText.scalar(RunbookSkeleton.oneLine(title))),
                (key: "owner", value: ""),
                (key: "severity", value: ""),
                (key: "status", value: "draft"),
                (key: "tags", value: "[]"),
                (key: "alerts", value: "[]"),
                (key: "patterns", value: "[]"),
            ],
            title: title,
            note: note())
        let diagnosis = diagnosisBody()
        let mitigation = mitigationBody()
        if let name = diagnosisSection {
            skeleton.bodies[name] = diagnosis
            skeleton.commandCounts[name] = draft.diagnosis.count
        } else {
            skeleton.extraSections.append((name: "Diagnosis", body: diagnosis))
        }
        if let name = mitigationSection {
            skeleton.bodies[name] = mitigation
            skeleton.commandCounts[name] = draft.mitigation.count
        } else {
            skeleton.extraSections.append((name: "Mitigation", body: mitigation))
        }
        return DraftFingerprint.stamped(skeleton.render(sections))
    }

    /// The first of `names` the config knows as a section (directly or as an alias), as the config names it.
    private static func section(in requirements: SectionRequirements, named names: [String]) -> String? {
        for name in names {
            if let canonical = requirements.canonicalName(for: name),
               RunbookSkeleton.headings(requirements).contains(where: { $0.name == canonical }) {
                return canonical
            }
        }
        return nil
    }

    // MARK: Parts

    /// Where the draft came from and what was left out, as a quote a human deletes once done.
    private func note() -> String {
        var origin = "`\(Self.inlineCode(source))` (\(shell.rawValue)), session \(draft.sessionNumber) of \(draft.sessionCount)"
        if let range = timeRange() { origin += ": \(range)" } else { origin += ", which has no timestamps" }
        if let host, !host.isEmpty { origin += ", on \(RunbookSkeleton.oneLine(host))" }
        var lines = ["> Drafted by `runbook draft` from \(origin)."]
        var counts = "\(CountPhrase.of(draft.seen, "command")) seen: \(draft.kept) kept"
        if draft.editorSessions > 0 { counts += ", \(draft.editorSessions) opened an editor" }
        counts += ", \(draft.dropped) dropped (\(draft.noise) noise, \(CountPhrase.of(draft.repeats, "repeat")))."
        lines.append("> " + counts)
        if draft.redactions > 0 {
            lines.append("> \(draft.redactions == 1 ? "1 secret value was" : "\(draft.redactions) secret values were") redacted "
                + "and show\(draft.redactions == 1 ? "s" : "") as `\(SecretRedactor.marker)`: "
                + "put a variable or a secret store lookup in \(draft.redactions == 1 ? "its" : "their") place, never the value.")
        }
        lines.append("> TODO: check every command, finish each section, then delete this note.")
        return lines.joined(separator: "\n")
    }

    /// `2024-03-05 14:02–14:37 UTC`, or with both dates when the session crosses midnight.
    private func timeRange() -> String? {
        guard let start = draft.start, let end = draft.end else { return nil }
        if UTCTime.minute(start) == UTCTime.minute(end) { return "\(UTCTime.minute(start)) UTC" }
        if UTCTime.day(start) == UTCTime.day(end) {
            return "\(UTCTime.minute(start))–\(UTCTime.clock(end)) UTC"
        }
        return "\(UTCTime.minute(start)) – \(UTCTime.minute(end)) UTC"
    }

    private func diagnosisBody() -> String {
        guard !draft.diagnosis.isEmpty else {
            return "No command in the session only read. TODO: how to confirm the cause, and what to look for."
        }
        return (["Commands from the session that only read, in the order they were typed. "
            + "TODO: say what each one shows and what to look for."] + Self.blocks(draft.diagnosis))
            .joined(separator: "\n\n")
    }

    private func mitigationBody() -> String {
        var parts: [String] = []
        if draft.kept == 0 && draft.edits.isEmpty {
            parts.append("""
                No command survived: all \(CountPhrase.of(draft.seen, "command")) of the session were noise or repeats. \
                Was the fix made outside the shell (a console, a dashboard, a deploy pipeline)? \
                TODO: write down what was done, and where.
                """)
        } else if draft.mitigation.isEmpty {
            parts.append("No command in the session changed anything. TODO: how the impact was stopped.")
        } else {
            parts.append("Commands from the session that changed something, in the order they were typed. "
                + "TODO: say why each one helps and how to check it worked.")
            parts += Self.blocks(draft.mitigation)
        }
        if !draft.edits.isEmpty {
            parts.append("Files edited by hand during the session. TODO: say what changed in each, and why:")
            parts.append(draft.edits.map { "- `\(Self.inlineCode($0.path))` (\($0.tool))" }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// Each command in its own block (its own step), with where it ran as a comment
    /// when that is known and differs from the command before.
    private static func blocks(_ commands: [DraftCommand]) -> [String] {
        var previous: String?
        return commands.map { command in
            defer { previous = command.workingDirectory }
            guard let directory = command.workingDirectory, directory != previous else { return RunbookSkeleton.fence(command.text) }
            return RunbookSkeleton.fence("# in \(RunbookSkeleton.oneLine(directory))\n" + command.text)
        }
    }

    /// Text safe inside single backticks: a backtick would end the code span.
    private static func inlineCode(_ text: String) -> String {
        RunbookSkeleton.oneLine(text).replacing("`", with: "'")
    }
}
