/// A check of one runbook. One rule per file, each with examples (see `RuleDescription`).
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Whether the rule reads the tree's paths (`LintContext.treePaths`): a
    /// build that reuses a runbook checked in another tree runs these again.
    static var readsTreePaths: Bool { get }
    init()
    func check(_ runbook: Runbook, in context: LintContext) -> [Finding]
}

extension Rule {
    public static var readsTreePaths: Bool { false }
}

/// A check across all runbooks of a tree at once, such as duplicate ids.
public protocol CorpusRule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings by the path of the runbook they belong to.
    func check(_ runbooks: [RunbookSummary], in context: LintContext) -> [String: [Finding]]
}
