import Foundation
import GitKit

extension TemporaryGitRepository {
    /// Stages everything and commits with author and committer dates at
    /// `date` (seconds since 1970): walk order depends on commit dates.
    @discardableResult
    func commit(_ message: String, date: Int, author: String = "Ada Lovelace <ada@example.com>") throws -> String {
        try git("add", "--all")
        let name = String(author.prefix { $0 != "<" }.dropLast())
        let email = String(author.drop { $0 != "<" }.dropFirst().dropLast())
        try git(
            "commit", "--quiet", "--allow-empty", "-m", message,
            environment: [
                "GIT_AUTHOR_DATE": "@\(date) +0000", "GIT_COMMITTER_DATE": "@\(date) +0000",
                "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
            ])
        return try git("rev-parse", "HEAD")
    }

    /// `git log --follow --format=%H -- path` at `revision`.
    func followLog(_ path: String, at revision: String = "HEAD") throws -> [String] {
        try git("log", "--follow", "--format=%H", revision, "--", path).split(separator: "\n").map(String.init)
    }

    /// Lines of numbered text, so that files can be made a chosen percentage alike.
    static func lines(_ range: ClosedRange<Int>, _ word: String = "line") -> String {
        range.map { "\(word) \($0) of the runbook text here\n" }.joined()
    }
}

/// Walks history with `CommitWalk` as a caller drives it, for comparison with `git log`.
func walkOrder(_ repository: Repository, from start: ObjectID) throws -> [String] {
    var walk = CommitWalk()
    walk.enqueue(start, date: try repository.commitInfo(start).date)
    var order: [String] = []
    while let id = walk.next() {
        order.append(id.hex)
        for parent in try repository.commitInfo(id).parents {
            walk.enqueue(parent, date: try repository.commitInfo(parent).date)
        }
    }
    return order
}
