import GitKit
import RunbookCore
import Testing

@Suite struct LineageApprovalTests {
    static let start = 1_700_000_000

    static func runbook(status: String, body: String = "Body.") -> String {
        "---\ntitle: Disk full\nstatus: \(status)\nowner: team-storage\n---\n# Disk full\n\n\(body)\n"
    }

    private func approval(_ fixture: GitFixture, _ path: String = "a.md") throws -> Approval? {
        try LineageReaderTests.readAndCompare(fixture, [path]).lineages[path]?.approval
    }

    @Test func createdApprovedIsApprovedByItsAuthor() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.runbook(status: "approved"))
        let created = try fixture.commit("Add a", date: Self.start, author: ("Grace Hopper", "grace@example.com"))
        try fixture.write("a.md", Self.runbook(status: "approved", body: "Edited."))
        try fixture.commit("Edit a", date: Self.start + 100)
        let approval = try #require(try approval(fixture))
        #expect(approval.commit.hex == created)
        #expect(approval.approvers == ["Grace Hopper"])
        #expect(!approval.fromTrailers)
        #expect(approval.author.name == "Grace Hopper")
    }

    @Test func trailersNameTheApprovers() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.runbook(status: "draft"))
        try fixture.commit("Add a", date: Self.start)
        try fixture.write("a.md", Self.runbook(status: "approved"))
        let approved = try fixture.commit(
            "Approve a\n\nApproved-by: Jane Doe <jane@example.com>\nSigned-off-by: Ada Lovelace <ada@example.com>\nreviewed-by: Bob Builder <bob@example.com>",
            date: Self.start + 100)
        try fixture.write("a.md", Self.runbook(status: "approved", body: "Later edit."))
        try fixture.commit("Edit a", date: Self.start + 200)
        let approval = try #require(try approval(fixture))
        #expect(approval.commit.hex == approved)
        #expect(approval.approvers == ["Jane Doe", "Bob Builder"])
        #expect(approval.fromTrailers)
    }

    @Test func theLatestApprovalCounts() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.runbook(status: "approved"))
        try fixture.commit("Add approved", date: Self.start)
        try fixture.write("a.md", Self.runbook(status: "draft"))
        try fixture.commit("Back to draft", date: Self.start + 100)
        try fixture.write("a.md", Self.runbook(status: "'approved' # again"))
        let again = try fixture.commit("Approve again", date: Self.start + 200)
        #expect(try approval(fixture)?.commit.hex == again)
    }

    @Test func aRunbookThatIsNotApprovedNowHasNoApproval() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.runbook(status: "approved"))
        try fixture.commit("Add approved", date: Self.start)
        try fixture.write("a.md", Self.runbook(status: "deprecated"))
        try fixture.commit("Deprecate", date: Self.start + 100)
        #expect(try approval(fixture) == nil)
    }

    /// A rename keeps the approval: the version before it, at the old path,
    /// was approved already.
    @Test func anApprovalSurvivesARename() throws {
        let fixture = try GitFixture()
        try fixture.write("old.md", Self.runbook(status: "\"approved\"", body: String(repeating: "Steps to follow.\n", count: 20)))
        let approved = try fixture.commit("Add approved", date: Self.start)
        try fixture.remove("old.md")
        try fixture.write("new.md", Self.runbook(status: "approved", body: String(repeating: "Steps to follow.\n", count: 20) + "More.\n"))
        try fixture.commit("Rename with an edit", date: Self.start + 100)
        #expect(try approval(fixture, "new.md")?.commit.hex == approved)
    }
}
