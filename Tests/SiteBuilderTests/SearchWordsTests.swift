import Testing
@testable import SiteBuilder

/// The search data's words: the byte-wise path for ASCII text gives what
/// lowercasing, splitting at `Character.isWhitespace` and keeping each word
/// once would, and other text takes that slower path.
@Suite struct SearchWordsTests {
    /// The meaning of `SearchWords.joined`, written the slow way.
    private static func expected(_ texts: [String]) -> String {
        var seen = Set<Substring>()
        let words = texts.joined(separator: " ").lowercased().split(whereSeparator: \.isWhitespace)
        return words.filter { seen.insert($0).inserted }.joined(separator: " ")
    }

    @Test("ASCII text splits, folds case and drops repeats as the Unicode path would", arguments: [
        ["kubectl -n payments get pods", "kubectl -n payments logs", "KUBECTL Get"],
        ["  leading and trailing  ", ""],
        ["tabs\there\tand\r\nwindows\rline\nends"],
        ["vertical\u{0B}tab and form\u{0C}feed"],
        [],
        ["one", "one", "One", "ONE"],
        ["a", "ab", "ba", "b a"],
    ])
    func ascii(texts: [String]) {
        #expect(SearchWords.joined(texts) == Self.expected(texts))
    }

    /// Thousands of distinct words, many alike, through the table's growth.
    @Test func manyWordsKeepTheirFirstOrder() {
        let texts = (0..<5_000).map { "w\($0 % 3_000) W\($0 % 7) step-\($0 % 1_000)" }
        #expect(SearchWords.joined(texts) == Self.expected(texts))
    }

    @Test("other whitespace (no-break space, ideographic space, line separator) still splits")
    func unicode() {
        let texts = ["Café\u{00A0}au\u{3000}lait\u{2028}noir", "CAFÉ noir"]
        #expect(SearchWords.joined(texts) == "café au lait noir")
    }
}
