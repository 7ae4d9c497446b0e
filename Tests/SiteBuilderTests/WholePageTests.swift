import Foundation
import Testing
@testable import SiteBuilder

/// One runbook page compared whole with the expected HTML in
/// `ExpectedRunbookPage.swift` (Swift rather than an `.html` file, which SwiftPM
/// would warn about as an undeclared resource). After a deliberate change to the
/// page, re-record it explicitly:
///
///     RUNBOOK_RECORD=1 swift test --filter WholePageTests
@Suite struct WholePageTests {
    static let expectedFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("ExpectedRunbookPage.swift")

    @Test func runbookPageMatchesTheRecordedOne() throws {
        let page = try #require(try TestCatalog.render(TestCatalog.standard)["runbooks/etcd/no-leader/index.html"])
        if ProcessInfo.processInfo.environment["RUNBOOK_RECORD"] == "1" {
            try Self.record(page)
            return
        }
        guard page != ExpectedRunbookPage.html else { return }
        let actual = page.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = ExpectedRunbookPage.html.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, expected.count)
        Issue.record("""
            the page differs from ExpectedRunbookPage.swift from line \(line + 1):
              expected: \(line < expected.count ? String(expected[line]) : "(end)")
              actual:   \(line < actual.count ? String(actual[line]) : "(end)")
            if the change is intended, re-record with RUNBOOK_RECORD=1
            """)
    }

    private static func record(_ page: String) throws {
        var hashes = "#"
        while page.contains("\"\"\"" + hashes) || page.contains("\\" + hashes) { hashes += "#" }
        let source = """
            // Recorded by WholePageTests with RUNBOOK_RECORD=1; do not edit by hand.

            enum ExpectedRunbookPage {
                static let html = \(hashes)\"\"\"
            \(page)
            \"\"\"\(hashes)
            }

            """
        try Data(source.utf8).write(to: expectedFile)
    }
}
