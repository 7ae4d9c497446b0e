import GitKit
import Testing

@Suite struct TreeDiffTests {
    /// `git diff-tree -r --no-renames -z` between two revisions' trees (from
    /// the empty tree when `old` is nil), as TreeChanges.
    private func gitDiff(_ fixture: TemporaryGitRepository, _ old: String?, _ new: String) throws -> [TreeChange] {
        let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
        let output = try fixture.git("diff-tree", "-r", "--no-renames", "--raw", "--no-abbrev", "-z", old ?? emptyTree, new)
        var fields = output.split(separator: "\0", omittingEmptySubsequences: false).map(String.init).makeIterator()
        var changes: [TreeChange] = []
        while let header = fields.next(), header.hasPrefix(":"), let path = fields.next() {
            let parts = header.dropFirst().split(separator: " ")
            func side(_ mode: Substring, _ id: Substring) -> TreeChange.Side? {
                guard mode != "000000", let mode = UInt32(mode, radix: 8), let id = ObjectID(hex: String(id)) else { return nil }
                return TreeChange.Side(id: id, mode: mode)
            }
            changes.append(TreeChange(path: path, old: side(parts[0], parts[2]), new: side(parts[1], parts[3])))
        }
        return changes
    }

    private func tree(_ fixture: TemporaryGitRepository, _ revision: String) throws -> ObjectID {
        try #require(ObjectID(hex: try fixture.git("rev-parse", "\(revision)^{tree}")))
    }

    @Test func matchesGitDiffTree() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("README.md", "# Readme\n")
        try fixture.write("runbooks/a.md", "A\n")
        try fixture.write("runbooks/deep/er/b.md", "B\n")
        try fixture.write("runbooks/gone/c.md", "C\n")
        try fixture.write("runbooks/x", "a file that becomes a directory\n")
        try fixture.write("run.sh", "#!/bin/sh\n")
        try fixture.write("same/untouched.md", "same\n")
        try fixture.commit("before", date: 1_700_000_000)

        try fixture.write("runbooks/a.md", "A changed\n")
        try fixture.write("runbooks/deep/er/b2.md", "B2\n")
        try fixture.git("rm", "--quiet", "-r", "runbooks/gone", "runbooks/x")
        try fixture.write("runbooks/x/inside.md", "now a directory\n")
        try fixture.write("runbooks/a-b.md", "sorts between a.md and a/ in byte order\n")
        try fixture.write("ünïcødé/ß.md", "unicode\n")
        try fixture.symlink("link.md", to: "README.md")
        try fixture.write("run.sh", "#!/bin/sh\n", executable: true)
        try fixture.commit("after", date: 1_700_000_100)

        let repository = try Repository.discover(startingAt: fixture.path)
        let differ = TreeDiffer(repository: repository)
        let changes = try differ.changes(from: tree(fixture, "HEAD~1"), to: tree(fixture, "HEAD"))
        #expect(changes == (try gitDiff(fixture, "HEAD~1", "HEAD")))
        #expect(changes.contains { $0.path == "run.sh" && $0.old?.mode == 0o100644 && $0.new?.mode == 0o100755 })
        // And backwards, and from nothing (git's --root).
        #expect(try differ.changes(from: tree(fixture, "HEAD"), to: tree(fixture, "HEAD~1")) == gitDiff(fixture, "HEAD", "HEAD~1"))
        #expect(try differ.changes(from: nil, to: tree(fixture, "HEAD")) == gitDiff(fixture, nil, "HEAD"))
        #expect(try differ.changes(from: tree(fixture, "HEAD"), to: tree(fixture, "HEAD")).isEmpty)
    }

    @Test func aDeepTreeDoesNotExhaustTheStack() throws {
        let fixture = try TemporaryGitRepository()
        let deep = (1...300).map { "d\($0)" }.joined(separator: "/")
        try fixture.write("\(deep)/leaf.md", "deep\n")
        try fixture.commit("deep", date: 1_700_000_000)
        let repository = try Repository.discover(startingAt: fixture.path)
        let changes = try TreeDiffer(repository: repository).changes(from: nil, to: tree(fixture, "HEAD"))
        #expect(changes.map(\.path) == ["\(deep)/leaf.md"])
    }

    @Test func aSmallCacheGivesTheSameAnswers() throws {
        let fixture = try TemporaryGitRepository()
        for index in 0..<20 { try fixture.write("dir\(index)/file.md", "\(index)\n") }
        try fixture.commit("one", date: 1_700_000_000)
        for index in stride(from: 0, to: 20, by: 3) { try fixture.write("dir\(index)/file.md", "changed \(index)\n") }
        try fixture.commit("two", date: 1_700_000_100)
        let repository = try Repository.discover(startingAt: fixture.path)
        let tiny = TreeDiffer(repository: repository, cacheCapacity: 2)
        #expect(try tiny.changes(from: tree(fixture, "HEAD~1"), to: tree(fixture, "HEAD")) == gitDiff(fixture, "HEAD~1", "HEAD"))
    }
}
