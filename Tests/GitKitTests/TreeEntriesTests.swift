import Testing
import GitKit

/// Shorthand for expected entries; ids are what `git hash-object` gives.
func entry(_ path: String, _ hex: String, _ kind: TreeEntry.Kind = .file) -> TreeEntry {
    TreeEntry(path: path, id: ObjectID(hex: hex)!, kind: kind)
}

@Suite struct TreeEntriesTests {
    /// A tree with every kind of entry, names that sort differently in byte
    /// order and in tree order, and near-miss prefixes ("runbooksX", "runbooks.md").
    private struct Fixture {
        let fixture: TemporaryGitRepository
        let repository: Repository
        let head: ObjectID

        static let submoduleCommit = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

        init() throws {
            fixture = try TemporaryGitRepository()
            try fixture.write("README.md", "# Readme\n")
            try fixture.write("runbooks.md", "# Not a folder\n")
            try fixture.write("runbooks/a.md", "# A\n")
            try fixture.write("runbooks/a b.md", "# A B\n")
            try fixture.write("runbooks/a/x.md", "# X\n")
            try fixture.write("runbooks/sub dir/ünïcødé ß.md", "# Unicode\n")
            try fixture.write("runbooks/run.sh", "#!/bin/sh\necho hi\n", executable: true)
            try fixture.symlink("runbooks/link.md", to: "a.md")
            try fixture.write("runbooksX/b.md", "# B\n")
            try fixture.git("add", "--all")
            // A gitlink without a checkout, as a submodule appears in a tree.
            try fixture.git("update-index", "--add", "--cacheinfo", "160000,\(Self.submoduleCommit),runbooks/vendor")
            try fixture.git("commit", "--quiet", "-m", "fixture")
            repository = try Repository.discover(startingAt: fixture.path)
            head = try repository.resolveCommit("HEAD")
        }
    }

    private static let runbooks: [TreeEntry] = [
        entry("runbooks/a b.md", "a0956ca783dae8309213581f913a142a07ebaea7"),
        entry("runbooks/a.md", "7f3b95d297183eca8f6cf38ceaa253bee8c2d7cd"),
        entry("runbooks/a/x.md", "09776f60102ecdeab44f6ff433a73289f04d5c6a"),
        entry("runbooks/link.md", "e77de8562fa61286381cc40e34a75024c20e17eb", .symlink),
        entry("runbooks/run.sh", "4163036efa65bd4a469e752267498f01ea36a55c", .executable),
        entry("runbooks/sub dir/ünïcødé ß.md", "7f28fc1704decb7bcd60fc50f0564643c2f4f9e1"),
        entry("runbooks/vendor", Fixture.submoduleCommit, .submodule),
    ]

    @Test func listsEverythingUnderAPrefixInByteOrder() throws {
        let tree = try Fixture()
        #expect(try tree.repository.treeEntries(commit: tree.head, under: "runbooks") == Self.runbooks)
    }

    @Test func listsTheWholeTree() throws {
        let tree = try Fixture()
        let expected = [entry("README.md", "f3954314c1026028e77ea3a765aadefa67b45195"),
                        entry("runbooks.md", "c5213d9c5edc588e9735fd052104ca3dbb8705d4")]
            + Self.runbooks
            + [entry("runbooksX/b.md", "399d8833f40aa9393618e2c0280445239dfbe935")]
        #expect(try tree.repository.treeEntries(commit: tree.head, under: "") == expected)
        #expect(try tree.repository.treeEntries(commit: tree.head, under: "/") == expected)
        #expect(try tree.repository.treeEntries(commit: tree.head, under: ".") == expected)
    }

    @Test func normalisesSlashesInThePrefix() throws {
        let tree = try Fixture()
        for prefix in ["runbooks/", "/runbooks", "./runbooks/"] {
            #expect(try tree.repository.treeEntries(commit: tree.head, under: prefix) == Self.runbooks)
        }
    }

    @Test func matchesNestedFoldersWithSpacesAndNonASCIINames() throws {
        let tree = try Fixture()
        #expect(try tree.repository.treeEntries(commit: tree.head, under: "runbooks/sub dir") == [
            entry("runbooks/sub dir/ünïcødé ß.md", "7f28fc1704decb7bcd60fc50f0564643c2f4f9e1"),
        ])
        #expect(try tree.repository.treeEntries(commit: tree.head, under: "runbooks/a") == [
            entry("runbooks/a/x.md", "09776f60102ecdeab44f6ff433a73289f04d5c6a"),
        ])
    }

    @Test(arguments: ["missing", "runbooks/a.md", "runbooks/vendor", "runbook", "runbooks/sub", "runbooks\u{0}"])
    func givesNothingForAPrefixThatIsNotAFolder(_ prefix: String) throws {
        let tree = try Fixture()
        #expect(try tree.repository.treeEntries(commit: tree.head, under: prefix) == [])
    }

    @Test func readsAnOlderCommit() throws {
        let tree = try Fixture()
        try tree.fixture.git("rm", "--quiet", "-r", "runbooks")
        try tree.fixture.git("commit", "--quiet", "-m", "remove runbooks")
        let newHead = try tree.repository.resolveCommit("HEAD")
        #expect(try tree.repository.treeEntries(commit: newHead, under: "runbooks") == [])
        #expect(try tree.repository.treeEntries(commit: tree.head, under: "runbooks") == Self.runbooks)
    }

    @Test func reportsAnIdThatIsNotACommit() throws {
        let tree = try Fixture()
        let blob = try #require(ObjectID(hex: "7f3b95d297183eca8f6cf38ceaa253bee8c2d7cd"))
        let error = try #require(throws: GitError.self) { try tree.repository.treeEntries(commit: blob, under: "") }
        #expect(error.function == "git_commit_lookup")
        #expect(error.description.hasPrefix("cannot read commit 7f3b95d297183eca8f6cf38ceaa253bee8c2d7cd: "))
    }

    /// 10,000 files in 100 folders, built with plumbing so the test stays fast.
    @Test func walksALargeTree() throws {
        let fixture = try TemporaryGitRepository()
        let blob = try fixture.blobID(of: "# Runbook\n", write: true)
        var lines = ""
        for folder in 0..<100 {
            for file in 0..<100 {
                lines += "100644 \(blob)\trunbooks/team-\(folder)/runbook-\(file).md\n"
            }
        }
        try fixture.git("update-index", "--index-info", input: lines)
        let tree = try fixture.git("write-tree")
        let commitHex = try fixture.git("commit-tree", tree, "-m", "large", input: "")
        let repository = try Repository.discover(startingAt: fixture.path)
        let commit = try #require(ObjectID(hex: commitHex))

        let clock = ContinuousClock()
        var entries: [TreeEntry] = []
        let elapsed = try clock.measure {
            entries = try repository.treeEntries(commit: commit, under: "runbooks")
        }
        #expect(entries.count == 10_000)
        #expect(entries.first?.path == "runbooks/team-0/runbook-0.md")
        #expect(entries.last?.path == "runbooks/team-99/runbook-99.md")
        #expect(entries.allSatisfy { $0.id.hex == blob && $0.kind == .file })
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })
        // Generous bound: catches per-entry lookups, not machine noise.
        #expect(elapsed < .seconds(5))
        #expect(try repository.indexEntries(under: "runbooks/team-42").count == 100)
    }
}
