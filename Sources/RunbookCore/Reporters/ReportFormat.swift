/// The output formats of `runbook lint --format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message [rule-id]`, the compiler form editors and CI problem matchers read.
    case text
    /// A JSON array of problems.
    case json
    /// SARIF 2.1.0, for code scanning.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…`), shown as annotations.
    case github

    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter(rules: RuleCatalog.descriptions)
        case .github: GitHubReporter()
        }
    }
}
