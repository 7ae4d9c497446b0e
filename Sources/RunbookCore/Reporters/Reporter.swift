/// Renders a lint report for people or machines.
public protocol Reporter: Sendable {
    /// The whole output, ending in a newline when not empty.
    func render(_ report: LintReport) -> String
}
