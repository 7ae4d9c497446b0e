import GitKit
import Testing

@Suite struct CommitWalkTests {
    private func gitLogOrder(_ fixture: TemporaryGitRepository) throws -> [String] {
        try fixture.git("log", "--format=%H").split(separator: "\n").map(String.init)
    }

    @Test func linearHistoryIsNewestFirst() throws {
        let fixture = try TemporaryGitRepository()
        for day in 1...5 {
            try fixture.write("a.md", "version \(day)\n")
            try fixture.commit("day \(day)", date: 1_700_000_000 + day * 86_400)
        }
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try walkOrder(repository, from: repository.resolveCommit("HEAD")) == gitLogOrder(fixture))
    }

    /// Two branches with interleaved dates, merged: git interleaves them by date.
    @Test func branchesInterleaveByCommitDate() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("a.md", "base\n")
        try fixture.commit("base", date: 1_700_000_000)
        try fixture.git("checkout", "--quiet", "-b", "side")
        for step in [2, 4, 6] {
            try fixture.write("side.md", "side \(step)\n")
            try fixture.commit("side \(step)", date: 1_700_000_000 + step * 100)
        }
        try fixture.git("checkout", "--quiet", "main")
        for step in [1, 3, 5] {
            try fixture.write("main.md", "main \(step)\n")
            try fixture.commit("main \(step)", date: 1_700_000_000 + step * 100)
        }
        try fixture.git(
            "merge", "--quiet", "--no-ff", "-m", "merge", "side",
            environment: ["GIT_AUTHOR_DATE": "@1700001000 +0000", "GIT_COMMITTER_DATE": "@1700001000 +0000"])
        let repository = try Repository.discover(startingAt: fixture.path)
        let order = try walkOrder(repository, from: repository.resolveCommit("HEAD"))
        #expect(order.count == 8)
        #expect(order == (try gitLogOrder(fixture)))
    }

    /// Clock skew: a side branch dated before the base it grew from, and
    /// equal dates everywhere else — the order is git's insertion order, not
    /// a topological one.
    @Test func clockSkewAndEqualDatesFollowGitsQueue() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("a.md", "base\n")
        try fixture.commit("base", date: 1_700_000_500)
        try fixture.git("checkout", "--quiet", "-b", "skewed")
        try fixture.write("b.md", "skewed 1\n")
        try fixture.commit("skewed 1", date: 1_600_000_000)
        try fixture.write("b.md", "skewed 2\n")
        try fixture.commit("skewed 2", date: 1_600_000_000)
        try fixture.git("checkout", "--quiet", "main")
        try fixture.write("c.md", "main 1\n")
        try fixture.commit("main 1", date: 1_700_000_500)
        try fixture.write("c.md", "main 2\n")
        try fixture.commit("main 2", date: 1_700_000_500)
        try fixture.git(
            "merge", "--quiet", "--no-ff", "-m", "merge", "skewed",
            environment: ["GIT_AUTHOR_DATE": "@1700000500 +0000", "GIT_COMMITTER_DATE": "@1700000500 +0000"])
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try walkOrder(repository, from: repository.resolveCommit("HEAD")) == gitLogOrder(fixture))
    }
}
