import Foundation

/// Finds the runbooks for an alert name or a log line: those whose `alerts` name it
/// exactly, then those with a `patterns` entry that matches it. Patterns are compiled
/// once; one that cannot be compiled (which `bad-pattern` reports) is skipped. No
/// runbook can make `match` fail or hang: a search that runs over its budget is
/// abandoned and its pattern not tried again, and once all searches together have
/// taken `totalBudget`, no more patterns are tried at all. Each is noted.
public struct RunbookMatcher: Sendable {
    /// Something the user should know: a skipped or abandoned pattern.
    public struct Note: Sendable, Hashable, CustomStringConvertible {
        public var runbook: String
        public var pattern: String
        public var problem: String

        public var description: String { "pattern '\(pattern)' of runbook \(runbook) \(problem)" }
    }

    private let candidates: [MatchCandidate]
    private let byAlert: [String: [Int]]
    private let patterns: [(candidate: Int, pattern: LogPattern)]
    private let budget: Double
    private let totalBudget: Double
    /// Patterns skipped because they do not compile.
    public let skipped: [Note]
    /// Patterns abandoned once, by their index in `patterns`: never tried again.
    private var abandoned: Set<Int> = []
    /// Seconds all pattern searches have taken so far.
    private var searching: Double = 0
    private var exhausted = false

    /// - Parameters:
    ///   - budget: seconds one pattern may search one text.
    ///   - totalBudget: seconds all pattern searches of this matcher may take together.
    public init(candidates: [MatchCandidate], budget: Double = LogPattern.defaultBudget, totalBudget: Double = 5) {
        self.candidates = candidates
        self.budget = budget
        self.totalBudget = totalBudget
        var byAlert: [String: [Int]] = [:]
        var patterns: [(Int, LogPattern)] = []
        var skipped: [Note] = []
        for (index, candidate) in candidates.enumerated() {
            for alert in Set(candidate.alerts) { byAlert[alert, default: []].append(index) }
            for source in candidate.patterns {
                do {
                    patterns.append((index, try LogPattern(source)))
                } catch {
                    skipped.append(Note(runbook: candidate.id, pattern: source, problem: "was skipped: \(error)"))
                }
            }
        }
        self.byAlert = byAlert
        self.patterns = patterns
        self.skipped = skipped
    }

    /// The runbooks for `name` (matched against `alerts` and `patterns`) and `texts`
    /// (against `patterns` only), each runbook once, alert matches first; and notes on
    /// searches abandoned.
    public mutating func match(name: String, texts: [String] = []) -> (matches: [RunbookMatch], notes: [Note]) {
        var matches: [RunbookMatch] = []
        var found: Set<Int> = []
        for index in byAlert[name] ?? [] where found.insert(index).inserted {
            matches.append(RunbookMatch(runbook: candidates[index], reason: .alert(name)))
        }
        var notes: [Note] = []
        let start = Date()
        defer { searching += Date().timeIntervalSince(start) }
        search: for (position, (index, pattern)) in patterns.enumerated() where !found.contains(index) && !abandoned.contains(position) {
            for text in [name] + texts {
                if exhausted { break search }
                if searching + Date().timeIntervalSince(start) > totalBudget {
                    exhausted = true
                    notes.append(Note(runbook: candidates[index].id, pattern: pattern.source,
                                      problem: "and the patterns after it were not tried: pattern searches took over \(Int(totalBudget)) s in all"))
                    break search
                }
                switch pattern.search(text, budget: budget) {
                case .match:
                    found.insert(index)
                    matches.append(RunbookMatch(runbook: candidates[index], reason: .pattern(pattern.source)))
                    continue search
                case .noMatch:
                    continue
                case .gaveUp:
                    abandoned.insert(position)
                    notes.append(Note(runbook: candidates[index].id, pattern: pattern.source,
                                      problem: "was abandoned after \(Int(budget * 1000)) ms on '\(text.prefix(80))': it backtracks catastrophically; simplify it"))
                    continue search
                }
            }
        }
        return (matches, notes)
    }
}
