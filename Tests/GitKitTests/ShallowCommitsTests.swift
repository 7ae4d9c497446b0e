import GitKit
import Testing

@Suite struct ShallowCommitsTests {
    @Test func aDepthTwoCloneListsItsBoundary() throws {
        let fixture = try TemporaryGitRepository()
        for index in 1...4 {
            try fixture.write("a.md", "\(index)\n")
            try fixture.commit("commit \(index)", date: 1_700_000_000 + index)
        }
        let full = try Repository.discover(startingAt: fixture.path)
        #expect(try full.shallowCommits().isEmpty)

        let clone = fixture.root + "/shallow"
        try fixture.git("clone", "--quiet", "--depth", "2", "file://\(fixture.path)", clone, in: fixture.root)
        let shallow = try Repository.discover(startingAt: clone)
        let boundary = try #require(ObjectID(hex: try fixture.git("rev-parse", "HEAD~1")))
        #expect(shallow.isShallow)
        #expect(try shallow.shallowCommits() == [boundary])
    }
}
