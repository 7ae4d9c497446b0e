@testable import RunbookCore
import Testing

@Suite struct ApprovedStatusScanTests {
    @Test(arguments: [
        ("---\nstatus: approved\n---\n# T\n", true),
        ("---\r\ntitle: x\r\nstatus: approved\r\n---\r\n", true),
        ("---\nstatus: \"approved\"\n---\n", true),
        ("---\nstatus: 'approved' # reviewed\n---\n", true),
        ("---\nstatus:approved\n---\n", true),
        ("---  \nstatus: approved   \n...\n", true),
        ("---\nstatus: draft\n---\n", false),
        ("---\nstatus: approved-ish\n---\n", false),
        ("---\nmeta:\n  status: approved\n---\n", false),
        ("---\ntitle: x\n---\nstatus: approved\n", false),
        ("status: approved\n", false),
        ("---\nstatus: draft\nstatus: approved\n---\n", false),
        ("---\nstatus: approved", true),
        ("", false),
    ])
    func readsTheFrontMatterStatus(content: String, approved: Bool) {
        let bytes = Array(content.utf8)
        #expect(bytes.withUnsafeBytes { ApprovedStatusScan.isApproved($0) } == approved)
    }
}
