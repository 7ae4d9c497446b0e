import Foundation
import GitKit
import Testing

@Suite struct MailmapTests {
    /// Authors as `git log --format='%aN <%aE>'` maps them, for a committed
    /// `.mailmap` with all four entry forms.
    @Test func resolvesAsGitLogDoes() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write(".mailmap", """
            Ada Lovelace <ada@example.com>
            <grace@example.com> <ghopper@old.example>
            Alan Turing <alan@example.com> <at@old.example>
            Edsger Dijkstra <ewd@example.com> Edsger <ewd@old.example>

            """)
        try fixture.commit("mailmap", date: 1_700_000_000, author: "ada <ada@example.com>")
        for (index, author) in ["Grace <ghopper@old.example>", "A. Turing <at@old.example>", "Edsger <ewd@old.example>",
                                "E. W. D. <ewd@old.example>", "Nobody <nobody@example.com>"].enumerated() {
            try fixture.write("a.md", "\(index)\n")
            try fixture.commit("change \(index)", date: 1_700_000_100 + index, author: author)
        }
        let repository = try Repository.discover(startingAt: fixture.path)
        let head = try repository.resolveCommit("HEAD")
        let mailmap = try Mailmap(repository: repository, commit: head)
        let expected = try fixture.git("log", "--format=%aN <%aE>").split(separator: "\n").map(String.init)
        let recorded = try fixture.git("log", "--format=%an%x00%ae").split(separator: "\n").map { line in
            let parts = line.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
            return Signature(name: parts[0], email: parts[1], time: 0, offsetMinutes: 0)
        }
        let resolved = recorded.map { mailmap.resolve($0) }.map { "\($0.name) <\($0.email)>" }
        #expect(resolved == expected)
        #expect(resolved.contains("Edsger Dijkstra <ewd@example.com>"))
        // git drops a name's trailing "." when committing; the entry names "Edsger" only.
        #expect(resolved.contains("E. W. D <ewd@old.example>"))
    }

    /// A bare repository (where git reads `HEAD:.mailmap`) and `mailmap.file`.
    @Test func readsTheCommittedFileInABareRepositoryAndTheConfiguredFile() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write(".mailmap", "Ada Lovelace <ada@example.com> <countess@old.example>\n")
        try fixture.commit("mailmap", date: 1_700_000_000, author: "Countess <countess@old.example>")
        try fixture.git("clone", "--quiet", "--bare", fixture.path, fixture.root + "/bare.git", in: fixture.root)
        try Data("Grace Hopper <grace@example.com> <countess@old.example>\n".utf8)
            .write(to: URL(fileURLWithPath: fixture.root + "/extra.mailmap"))

        let bare = try Repository.discover(startingAt: fixture.root + "/bare.git")
        let countess = Signature(name: "Countess", email: "countess@old.example", time: 0, offsetMinutes: 0)
        let committed = try Mailmap(repository: bare, commit: bare.resolveCommit("HEAD")).resolve(countess)
        #expect(committed.name == "Ada Lovelace")
        #expect(try fixture.git("log", "--format=%aN", in: fixture.root + "/bare.git") == "Ada Lovelace")

        try fixture.git("config", "mailmap.file", fixture.root + "/extra.mailmap", in: fixture.root + "/bare.git")
        let configured = try Repository.discover(startingAt: fixture.root + "/bare.git")
        let overridden = try Mailmap(repository: configured, commit: configured.resolveCommit("HEAD")).resolve(countess)
        #expect(overridden.name == (try fixture.git("log", "--format=%aN", in: fixture.root + "/bare.git")))
        #expect(overridden.name == "Grace Hopper")
    }
}
