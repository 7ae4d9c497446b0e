/// The commands `runbook` treats as destructive: the `dangerous-command` lint rule flags
/// them and the executor refuses to run them without an explicit override.
///
/// Shell commands are recognised in command position only — after looking through
/// pipelines and lists, `$(...)`/backticks, `sh -c`, `ssh host CMD`, `eval`, `sudo`,
/// `env`, `xargs`, `timeout`, `kubectl exec --` and similar wrappers, here-documents and
/// `echo …` piped into a shell, with quotes respected — so an argument of `echo` or
/// `grep` is data, not a command.
///
/// Database statements are recognised in data, since they reach a database through many
/// clients (`psql -c`, `mysql -e`, a here-document, `echo … | psql`): `DROP DATABASE`,
/// `DROP SCHEMA`, `DROP TABLE`, `TRUNCATE TABLE`, `FLUSHALL`/`FLUSHDB` in any argument or
/// here-document (even `echo 'DROP TABLE t'`); the wordier `TRUNCATE t` and `DELETE FROM t`
/// without `WHERE` only in a here-document or in a pipeline with a database client. The
/// arguments of text-search programs (`grep`, `rg`, `git`, …) are never statements.
///
/// Entries are tried in order and the first match is reported; patterns from configuration
/// come after the built-in entries.
public struct Denylist: Sendable {
    /// The entries in the order they are tried; the first that matches is reported.
    public let entries: [DenylistEntry]

    /// The built-in entries only.
    public static let builtIn = Denylist(entries: DenylistEntry.builtIn)

    /// Built-in entries plus extra case-sensitive regular expressions from config (`executor.deny`),
    /// matched against the whole command text. An invalid pattern throws DenylistError.invalidPattern(pattern, message).
    public init(extraPatterns: [String]) throws {
        var entries = DenylistEntry.builtIn
        for pattern in extraPatterns {
            entries.append(try DenylistEntry(pattern: pattern))
        }
        self.init(entries: entries)
    }

    /// For each program some entries are limited to, the indices of those entries.
    private let entriesByProgram: [String: [Int]]
    private let memo = DenylistMemo()

    init(entries: [DenylistEntry]) {
        self.entries = entries
        var index: [String: [Int]] = [:]
        for (position, entry) in entries.enumerated() {
            for program in entry.programs ?? [] { index[program, default: []].append(position) }
        }
        entriesByProgram = index
    }

    /// The first entry the command matches, or nil. `command` is ONE parsed shell command as a runbook step holds it:
    /// a shell line with its backslash continuations joined (may contain pipes, &&, ;, $(...), quotes, a here-document body).
    public func match(_ command: String) -> DenylistMatch? {
        memo.answer(for: command) { analyse(command) }
    }

    private func analyse(_ command: String) -> DenylistMatch? {
        let analysis = ShellAnalysis(command)
        // Entries limited to some programs are tried only when the command runs one of them.
        var relevant = [Bool](repeating: false, count: entries.count)
        for invocation in analysis.invocations {
            for position in entriesByProgram[invocation.name] ?? [] { relevant[position] = true }
        }
        for (position, entry) in entries.enumerated() where entry.programs == nil || relevant[position] {
            if entry.matches(analysis, text: command) {
                return DenylistMatch(entryID: entry.id, reason: entry.reason)
            }
        }
        return nil
    }
}
