import Foundation

/// One entry of a runbook's `patterns`: a regular expression searched in alert names
/// and log lines by `runbook match`. The syntax is ICU's, through NSRegularExpression
/// (as for `executor.deny`), case-sensitive unless the pattern starts with `(?i)`.
///
/// A backtracking engine can take exponential time on a hostile pattern such as
/// `(a+)+$`, and runbooks are untrusted input, so every search is bounded twice: the
/// text is cut to `maximumTextLength`, and a search that runs longer than its time
/// budget is abandoned (`gaveUp`), through NSRegularExpression's progress reports.
public struct LogPattern: Sendable {
    public let source: String
    private let expression: NSRegularExpression

    /// Texts are searched up to this many UTF-16 code units; the rest is ignored.
    public static let maximumTextLength = 16_384
    /// How long one search may run before it is abandoned.
    public static let defaultBudget: TimeInterval = 0.1

    public enum Outcome: Sendable, Equatable {
        case match
        case noMatch
        /// The search ran over its budget: the pattern backtracks catastrophically on this text.
        case gaveUp
    }

    /// Compiles `source`; throws a description of what is wrong for an invalid or empty pattern.
    public init(_ source: String) throws(AuthoringError) {
        guard !source.isEmpty else { throw AuthoringError("an empty pattern would match every text") }
        self.source = source
        do {
            expression = try NSRegularExpression(pattern: source)
        } catch {
            throw AuthoringError(DenylistEntry.problem(in: source))
        }
    }

    public func search(_ text: String, budget: TimeInterval = defaultBudget) -> Outcome {
        let length = min(text.utf16.count, Self.maximumTextLength)
        let deadline = Date(timeIntervalSinceNow: budget)
        var outcome = Outcome.noMatch
        expression.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: length)) { match, _, stop in
            if match != nil {
                outcome = .match
                stop.pointee = true
            } else if Date() > deadline {
                outcome = .gaveUp
                stop.pointee = true
            }
        }
        return outcome
    }
}
