import Foundation

/// One kind of dangerous command the denylist recognises: a stable id, the reason
/// shown to the operator, and how it is recognised.
public struct DenylistEntry: Sendable {
    /// Stable kebab-case id, e.g. `rm-root`; `custom` for patterns from configuration.
    public let id: String
    /// Human text completing "this command …".
    public let reason: String
    /// The programs the entry is about, when it is only about some (`rm`, `dd`); nil when any command may match.
    /// Lets the denylist skip entries for programs a command does not run.
    let programs: Set<String>?
    let matcher: Matcher

    enum Matcher: Sendable {
        /// A test over the analysed command (invocations, shell code, data texts).
        case analysis(@Sendable (ShellAnalysis) -> Bool)
        /// A regular expression searched in the whole command text.
        case pattern(NSRegularExpression)
    }

    init(id: String, reason: String, programs: Set<String>? = nil, matcher: Matcher) {
        self.id = id
        self.reason = reason
        self.programs = programs
        self.matcher = matcher
    }

    /// An entry that matches when any program the command runs (of `programs`, if given) satisfies `test`.
    init(id: String, reason: String, programs: Set<String>? = nil,
         invocation test: @escaping @Sendable (ShellAnalysis.Invocation) -> Bool) {
        if let programs {
            self.init(id: id, reason: reason, programs: programs, matcher: .analysis { analysis in
                analysis.invocations.contains { programs.contains($0.name) && test($0) }
            })
        } else {
            self.init(id: id, reason: reason, matcher: .analysis { $0.invocations.contains(where: test) })
        }
    }

    /// An entry for a case-sensitive regular expression from `executor.deny`, matched anywhere in the command text.
    init(pattern: String) throws(DenylistError) {
        guard !pattern.isEmpty else {
            throw .invalidPattern(pattern, "an empty pattern would match every command")
        }
        let expression: NSRegularExpression
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            throw .invalidPattern(pattern, Self.problem(in: pattern))
        }
        self.init(id: "custom", reason: "matches the deny pattern '\(pattern)' from the configuration (executor.deny)",
                  matcher: .pattern(expression))
    }

    func matches(_ analysis: ShellAnalysis, text: String) -> Bool {
        switch matcher {
        case let .analysis(test):
            return test(analysis)
        case let .pattern(expression):
            return expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
    }

    /// Foundation on Linux gives no detail for an invalid pattern; Swift's own regex parser
    /// (only used here, on the error path) says what is wrong in most cases.
    static func problem(in pattern: String) -> String {
        do {
            _ = try Regex(pattern)
        } catch {
            return "not a valid regular expression: \(error)"
        }
        return "not a valid regular expression"
    }
}
