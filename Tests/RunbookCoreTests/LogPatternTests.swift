import Testing
@testable import RunbookCore

@Suite("Runbook patterns: valid, invalid, and hostile")
struct LogPatternTests {
    @Test("a pattern matches anywhere in the text, case-sensitively unless it says (?i)")
    func matching() throws {
        let pattern = try LogPattern("etcdserver: no leader")
        #expect(pattern.search("2024-03-05 etcdserver: no leader elected") == .match)
        #expect(pattern.search("ETCDSERVER: NO LEADER") == .noMatch)
        #expect(try LogPattern("(?i)etcdserver: no leader").search("ETCDSERVER: NO LEADER") == .match)
    }

    @Test("invalid and empty patterns are refused with what is wrong", arguments: ["took too long \\([", "(disk", "", "a{2,1}"])
    func invalid(_ source: String) {
        #expect(throws: AuthoringError.self) { try LogPattern(source) }
    }

    @Test("catastrophic backtracking is cut off rather than hanging")
    func pathological() throws {
        let pattern = try LogPattern("(a+)+$")
        let hostile = String(repeating: "a", count: 64) + "b"
        // Without the budget this search would run for longer than the universe has existed.
        #expect(pattern.search(hostile, budget: 0.05) == .gaveUp)
        #expect(pattern.search("aaaa") == .match)
    }

    @Test("texts are searched up to the length limit only")
    func bounded() throws {
        let pattern = try LogPattern("needle")
        let text = String(repeating: "x", count: LogPattern.maximumTextLength) + "needle"
        #expect(pattern.search(text) == .noMatch)
        #expect(pattern.search("needle" + text) == .match)
    }
}
