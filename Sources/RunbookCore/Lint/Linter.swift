import Dispatch
import Synchronization

/// Parses and checks runbooks with every enabled rule, using all cores.
public struct Linter: Sendable {
    public let config: Config
    private let parser: RunbookParser
    private let denylist: Denylist

    public init(config: Config) throws {
        self.config = config
        parser = RunbookParser(config: config)
        denylist = try Denylist(extraPatterns: config.executor.deny)
    }

    /// Lints `files`. `treePaths` lists every path of the tree they belong to (for
    /// link checks); `otherRunbooks` are runbooks of the same tree that are not
    /// being linted but whose ids still count for duplicate checks.
    public func lint(_ files: [SourceFile], treePaths: Set<String>, otherRunbooks: [RunbookSummary] = []) -> LintReport {
        lint(count: files.count, treePaths: treePaths, otherRunbooks: otherRunbooks) { files[$0] }
    }

    /// Lints `count` files that `read` supplies one at a time, on the calling
    /// thread, while other threads parse and check the ones already read: reading
    /// from Git is serial (a libgit2 handle serves one thread), checking is not.
    public func lint(
        count: Int, treePaths: Set<String>, otherRunbooks: [RunbookSummary], read: (Int) throws -> SourceFile
    ) rethrows -> LintReport {
        let context = LintContext(config: config, denylist: denylist, treePaths: treePaths)
        let rules = RuleCatalog.rules.compactMap { type -> (any Rule, String, Severity)? in
            guard let severity = config.severity(of: type.description.id, default: type.description.defaultSeverity) else {
                return nil
            }
            return (type.init(), type.description.id, severity)
        }
        let results = Mutex([(problems: [Problem], summary: RunbookSummary?)](repeating: ([], nil), count: count))
        let group = DispatchGroup()
        do {
            for index in 0..<count {
                let file = try read(index)
                DispatchQueue.global().async(group: group) {
                    let outcome = lintOne(file, rules: rules, context: context)
                    results.withLock { $0[index] = outcome }
                }
            }
        } catch {
            group.wait()  // no check may outlive the call
            throw error
        }
        group.wait()
        let perFile = results.withLock { $0 }
        var problems = perFile.flatMap(\.problems)
        let summaries = perFile.compactMap(\.summary)
        let lintedPaths = Set(summaries.map(\.path))
        for type in RuleCatalog.corpusRules {
            let id = type.description.id
            guard let severity = config.severity(of: id, default: type.description.defaultSeverity) else { continue }
            for (path, findings) in type.init().check(summaries + otherRunbooks, in: context) where lintedPaths.contains(path) {
                problems += findings.map { problem($0, rule: id, severity: severity, path: path) }
            }
        }
        return LintReport(problems: problems, runbookCount: count)
    }

    private func lintOne(
        _ file: SourceFile, rules: [(any Rule, String, Severity)], context: LintContext
    ) -> (problems: [Problem], summary: RunbookSummary?) {
        var runbook = parser.parse(path: file.path, bytes: file.bytes)
        if let reason = file.unreadableReason { runbook.unreadableReason = reason }
        if runbook.unreadableReason != nil {
            // Nothing else can be said about a file that could not be read.
            let unreadable = rules.filter { $0.1 == UnreadableFileRule.description.id }
            return (unreadable.flatMap { rule, id, severity in
                rule.check(runbook, in: context).map { problem($0, rule: id, severity: severity, path: file.path) }
            }, nil)
        }
        let problems = rules.flatMap { rule, id, severity in
            rule.check(runbook, in: context).map { problem($0, rule: id, severity: severity, path: file.path) }
        }
        return (problems, RunbookSummary(runbook))
    }

    private func problem(_ finding: Finding, rule: String, severity: Severity, path: String) -> Problem {
        Problem(ruleID: rule, severity: severity, path: path, line: finding.line, column: finding.column, message: finding.message)
    }
}
