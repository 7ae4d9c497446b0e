import Dispatch
import Foundation
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
        // Only the problems are kept: a lint of 10,000 runbooks need not hold their parses.
        let checked = try check(count: count, treePaths: treePaths, otherRunbooks: otherRunbooks, read: read) { _ in () }
        return LintReport(problems: checked.flatMap(\.problems), runbookCount: count)
    }

    /// Parses and checks like `lint`, and also keeps what `keep` takes from each
    /// readable runbook (the build keeps whole runbooks to render them).
    /// Results are in `read` order; an unreadable file has no kept value.
    public func check<Kept: Sendable>(
        count: Int, treePaths: Set<String>, otherRunbooks: [RunbookSummary],
        read: (Int) throws -> SourceFile, keep: @escaping @Sendable (Runbook) -> Kept
    ) rethrows -> [CheckedFile<Kept>] {
        var checked = try checkEach(count: count, treePaths: treePaths, read: read, reuse: { _ in nil }, keep: keep)
        addCorpusProblems(to: &checked, otherRunbooks: otherRunbooks, treePaths: treePaths)
        return checked
    }

    /// The first half of `check`: each file parsed and checked by itself, with
    /// every rule but those that compare runbooks with each other. `reuse` may
    /// answer for a file instead (a check cached for the same path, bytes and
    /// settings), and then only the rules that read the tree's paths run; it is
    /// asked on the checking threads, which run at `qos`.
    public func checkEach<Kept: Sendable>(
        count: Int, treePaths: Set<String>, qos: DispatchQoS.QoSClass = .default, read: (Int) throws -> SourceFile,
        reuse: @escaping @Sendable (SourceFile) -> ReusedCheck<Kept>?, keep: @escaping @Sendable (Runbook) -> Kept
    ) rethrows -> [CheckedFile<Kept>] {
        let context = LintContext(config: config, denylist: denylist, treePaths: treePaths)
        let rules = RuleCatalog.rules.compactMap { type -> (any Rule, String, Severity)? in
            guard let severity = config.severity(of: type.description.id, default: type.description.defaultSeverity) else {
                return nil
            }
            return (type.init(), type.description.id, severity)
        }
        // All a reused check runs again.
        let treeRules = rules.filter { type(of: $0.0).readsTreePaths }
        let results = Mutex([CheckedFile<Kept>?](repeating: nil, count: count))
        let group = DispatchGroup()
        // Files go to the other threads in batches: one task and one lock per
        // file cost more in hand-offs and contention than a small runbook takes to
        // check. A few files (a pre-commit lint) still go one by one, to every core.
        let batchSize = max(1, min(32, count / (4 * ProcessInfo.processInfo.activeProcessorCount)))
        do {
            for start in stride(from: 0, to: count, by: batchSize) {
                let files = try (start..<min(start + batchSize, count)).map(read)
                DispatchQueue.global(qos: qos).async(group: group) {
                    let outcomes = files.map { file in
                        guard let reused = reuse(file) else { return checkOne(file, rules: rules, context: context, keep: keep) }
                        return recheck(reused, path: file.path, treeRules: treeRules, context: context)
                    }
                    results.withLock { $0.replaceSubrange(start..<start + outcomes.count, with: outcomes) }
                }
            }
        } catch {
            group.wait()  // no check may outlive the call
            throw error
        }
        group.wait()
        return results.withLock { $0 }.compactMap { $0 }
    }

    /// The second half of `check`: the rules that compare runbooks (duplicate
    /// ids), over `checked` and `otherRunbooks`.
    public func addCorpusProblems<Kept>(
        to checked: inout [CheckedFile<Kept>], otherRunbooks: [RunbookSummary], treePaths: Set<String>
    ) {
        for (position, problems) in corpusProblems(of: checked, otherRunbooks: otherRunbooks, treePaths: treePaths) {
            checked[position].problems += problems
        }
    }

    /// What `addCorpusProblems` would add, by position in `checked`, for a
    /// caller that must keep `checked` as it is (the build saves it to its
    /// cache meanwhile, and changing it would copy all of it).
    public func corpusProblems<Kept>(
        of checked: [CheckedFile<Kept>], otherRunbooks: [RunbookSummary], treePaths: Set<String>
    ) -> [Int: [Problem]] {
        let context = LintContext(config: config, denylist: denylist, treePaths: treePaths)
        // By index: binding a checked file to a name copies every field of it.
        let summaries = checked.indices.compactMap { checked[$0].summary }
        var positions: [String: Int] = [:]
        for position in checked.indices { positions[checked[position].path] = position }
        var added: [Int: [Problem]] = [:]
        for type in RuleCatalog.corpusRules {
            let id = type.description.id
            guard let severity = config.severity(of: id, default: type.description.defaultSeverity) else { continue }
            for (path, findings) in type.init().check(summaries + otherRunbooks, in: context) {
                guard let position = positions[path] else { continue }
                added[position, default: []] += findings.map { problem($0, rule: id, severity: severity, path: path) }
            }
        }
        return added
    }

    /// The denylist matches of a runbook's command steps, by step name (the first
    /// dangerous command of each step), whether or not the step acknowledges them.
    public func dangerousSteps(of runbook: Runbook) -> [String: DenylistMatch] {
        var matches: [String: DenylistMatch] = [:]
        for step in runbook.steps where step.kind == .command {
            if let match = step.commands.lazy.compactMap({ denylist.match($0.text) }).first { matches[step.name] = match }
        }
        return matches
    }

    /// A reused check with the problems of the rules that read the tree's paths found again.
    private func recheck<Kept>(
        _ reused: ReusedCheck<Kept>, path: String, treeRules: [(any Rule, String, Severity)], context: LintContext
    ) -> CheckedFile<Kept> {
        let treeRuleIDs = treeRules.map(\.1)
        let problems = reused.problems.filter { !treeRuleIDs.contains($0.ruleID) } + treeRules.flatMap { rule, id, severity in
            rule.check(reused.runbook, in: context).map { problem($0, rule: id, severity: severity, path: path) }
        }
        return CheckedFile(path: path, problems: problems, summary: RunbookSummary(reused.runbook), kept: reused.kept)
    }

    private func checkOne<Kept>(
        _ file: SourceFile, rules: [(any Rule, String, Severity)], context: LintContext, keep: (Runbook) -> Kept
    ) -> CheckedFile<Kept> {
        var runbook = parser.parse(path: file.path, bytes: file.bytes)
        if let reason = file.unreadableReason { runbook.unreadableReason = reason }
        if runbook.unreadableReason != nil {
            // Nothing else can be said about a file that could not be read.
            let unreadable = rules.filter { $0.1 == UnreadableFileRule.description.id }
            return CheckedFile(path: file.path, problems: unreadable.flatMap { rule, id, severity in
                rule.check(runbook, in: context).map { problem($0, rule: id, severity: severity, path: file.path) }
            }, summary: nil, kept: nil)
        }
        let problems = rules.flatMap { rule, id, severity in
            rule.check(runbook, in: context).map { problem($0, rule: id, severity: severity, path: file.path) }
        }
        return CheckedFile(path: file.path, problems: problems, summary: RunbookSummary(runbook), kept: keep(runbook))
    }

    private func problem(_ finding: Finding, rule: String, severity: Severity, path: String) -> Problem {
        Problem(ruleID: rule, severity: severity, path: path, line: finding.line, column: finding.column, message: finding.message)
    }
}
