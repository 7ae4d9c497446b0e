/// What `runbook new` writes: a runbook with the configured sections, each with a
/// prompt a human replaces, status `draft`, and front matter from the flags.
public struct NewRunbook: Sendable {
    public var title: String
    public var owner: String?
    public var severity: String?
    public var alerts: [String]

    public init(title: String, owner: String? = nil, severity: String? = nil, alerts: [String] = []) {
        self.title = title
        self.owner = owner
        self.severity = severity
        self.alerts = alerts
    }

    public func markdown(config: Config) -> String {
        let skeleton = RunbookSkeleton(
            frontMatter: [
                ("title", YAMLText.scalar(RunbookSkeleton.oneLine(title))),
                ("owner", owner.map(YAMLText.scalar) ?? ""),
                ("severity", severity.map(YAMLText.scalar) ?? ""),
                ("status", "draft"),
                ("tags", "[]"),
                ("alerts", YAMLText.list(alerts)),
                ("patterns", "[]"),
            ].map { (key: $0.0, value: $0.1) },
            title: title)
        return skeleton.render(config.sections)
    }
}
