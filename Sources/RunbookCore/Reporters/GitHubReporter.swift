/// GitHub Actions workflow commands: each problem becomes an annotation on the pull request.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        report.problems.map { problem in
            let command = problem.severity == .error ? "error" : "warning"
            let properties = "file=\(escapeProperty(problem.path)),line=\(problem.line),col=\(problem.column),title=\(escapeProperty(problem.ruleID))"
            return "::\(command) \(properties)::\(escapeData(problem.message))\n"
        }.joined()
    }

    /// Workflow command data: `%`, CR and LF must be encoded or the command breaks.
    private func escapeData(_ text: String) -> String {
        text.replacingAll([("%", "%25"), ("\r", "%0D"), ("\n", "%0A")])
    }

    /// Property values additionally encode `:` and `,`, which separate properties.
    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll([(":", "%3A"), (",", "%2C")])
    }
}

private extension String {
    func replacingAll(_ pairs: [(Character, String)]) -> String {
        var result = ""
        for character in self {
            if let replacement = pairs.first(where: { $0.0 == character })?.1 {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}
