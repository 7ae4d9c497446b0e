import Testing
@testable import SiteBuilder

/// The search data's words: the byte-wise split of ASCII text agrees with
/// splitting at `Character.isWhitespace`, and other text takes that slower path.
@Suite struct SearchWordsTests {
    @Test("ASCII text splits as Character.isWhitespace would", arguments: [
        "kubectl -n payments get pods",
        "  leading and trailing  ",
        "tabs\there\tand\r\nwindows\rline\nends",
        "vertical\u{0B}tab and form\u{0C}feed",
        "",
        "one",
    ])
    func ascii(text: String) {
        #expect(SiteRendering.words(of: text) == text.split(whereSeparator: \.isWhitespace))
    }

    @Test("other whitespace (no-break space, ideographic space, line separator) still splits")
    func unicode() {
        let text = "café\u{00A0}au\u{3000}lait\u{2028}noir"
        #expect(SiteRendering.words(of: text) == ["café", "au", "lait", "noir"])
    }
}
