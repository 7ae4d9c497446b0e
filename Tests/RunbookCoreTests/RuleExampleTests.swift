import Testing
@testable import RunbookCore

/// One example of one rule, as a test argument.
struct CatalogExample: Sendable, CustomTestStringConvertible {
    var ruleID: String
    var defaultSeverity: Severity
    var triggering: Bool
    var index: Int
    var example: RuleExample

    var testDescription: String { "\(ruleID) \(triggering ? "triggering" : "non-triggering") #\(index + 1)" }

    static let all: [CatalogExample] = RuleCatalog.descriptions.flatMap { description in
        description.triggering.enumerated().map {
            CatalogExample(ruleID: description.id, defaultSeverity: description.defaultSeverity, triggering: true, index: $0.offset, example: $0.element)
        } + description.nonTriggering.enumerated().map {
            CatalogExample(ruleID: description.id, defaultSeverity: description.defaultSeverity, triggering: false, index: $0.offset, example: $0.element)
        }
    }

    static let triggeringOnly = all.filter(\.triggering)

    /// Lints the example the way the tool would lint its repository, and returns the
    /// problems of this rule in the example's file.
    func problems(overriding rules: String? = nil) throws -> [Problem] {
        var config = try ConfigParser(path: "runbook.yml").parse(example.config ?? "")
        if let rules {
            config.rules.merge(try ConfigParser(path: "runbook.yml").parse(rules).rules) { $1 }
        }
        #expect(config.isRunbook(example.path), "\(example.path) is not a runbook under the example's config")
        let all = [example.path: example.markdown].merging(example.otherFiles) { first, _ in first }
        let linted = all.filter { $0.key == example.path || ($0.key.hasSuffix(".md") && config.isRunbook($0.key)) }
            .sorted { $0.key < $1.key }
            .map { SourceFile(path: $0.key, bytes: Array($0.value.utf8)) }
        let report = try Linter(config: config).lint(linted, treePaths: Set(all.keys))
        return report.problems.filter { $0.ruleID == ruleID && $0.path == example.path }
    }
}

/// "line:col" positions, in position order.
private func positions(_ problems: [Problem]) -> [String] {
    problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map { "\($0.line):\($0.column)" }
}

private func sortedPositions(_ positions: [String]) -> [String] {
    positions.sorted { lhs, rhs in
        let left = lhs.split(separator: ":").compactMap { Int($0) }
        let right = rhs.split(separator: ":").compactMap { Int($0) }
        return left.lexicographicallyPrecedes(right)
    }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test("Each example reports exactly the positions it lists", arguments: CatalogExample.all)
    func example(_ example: CatalogExample) throws {
        let problems = try example.problems()
        #expect(positions(problems) == sortedPositions(example.example.expected), "\(problems.map(\.message))")
        for problem in problems {
            #expect(problem.severity == example.defaultSeverity)
            #expect(!problem.message.isEmpty)
        }
    }

    @Test("Every rule documents itself with both kinds of example")
    func catalogIsComplete() {
        let descriptions = RuleCatalog.descriptions
        #expect(Set(descriptions.map(\.id)).count == descriptions.count, "rule ids must be unique")
        for description in descriptions {
            #expect(description.id.wholeMatch(of: /[a-z]+(-[a-z]+)*/) != nil, "\(description.id) is not kebab-case")
            #expect(!description.summary.isEmpty)
            #expect(!description.triggering.isEmpty, "\(description.id) has no triggering example")
            #expect(!description.nonTriggering.isEmpty, "\(description.id) has no non-triggering example")
            for example in description.triggering {
                #expect(!example.expected.isEmpty, "a triggering example of \(description.id) lists no positions")
            }
            for example in description.nonTriggering {
                #expect(example.expected.isEmpty, "a non-triggering example of \(description.id) lists positions")
            }
        }
    }

    @Test("Turning a rule off in config silences it", arguments: CatalogExample.triggeringOnly)
    func ruleCanBeTurnedOff(_ example: CatalogExample) throws {
        #expect(try example.problems(overriding: "rules: {\(example.ruleID): off}").isEmpty)
    }

    @Test("Config changes a rule's severity", arguments: CatalogExample.triggeringOnly)
    func severityCanBeChanged(_ example: CatalogExample) throws {
        let other: Severity = example.defaultSeverity == .error ? .warning : .error
        let problems = try example.problems(overriding: "rules: {\(example.ruleID): \(other.rawValue)}")
        #expect(positions(problems) == sortedPositions(example.example.expected))
        #expect(problems.allSatisfy { $0.severity == other })
    }
}
