/// What a rule is: its stable id, what it checks, and examples of both outcomes.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id used in output and in config (`rules: {id: off}`).
    public var id: String
    public var summary: String
    public var defaultSeverity: Severity
    /// Runbooks the rule reports, each with the positions it must report.
    public var triggering: [RuleExample]
    /// Runbooks the rule must not report.
    public var nonTriggering: [RuleExample]
}
