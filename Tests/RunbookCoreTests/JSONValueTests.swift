import Foundation
@testable import RunbookCore
import Testing

@Suite struct JSONValueTests {
    @Test(arguments: [
        "plain", "quote \" and \\ backslash", "lines\nand\ttabs\r", "\u{0}\u{1F}\u{7F}", "C1 \u{80}\u{9F} end",
        "separators \u{2028}\u{2029}", "é ü 日本 🚒", "</script><script>alert(1)</script>", "",
    ])
    func stringsAreQuotedAsTheReportersQuoteThem(_ text: String) throws {
        let rendered = String(decoding: JSONValue.string(text).rendered(), as: UTF8.self)
        #expect(rendered == JSONText.quote(text) + "\n")
        let decoded = try JSONSerialization.jsonObject(with: Data(rendered.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    @Test func escapesAreExactAndRunsBetweenThemCopiedWhole() {
        #expect(JSONText.quote("a\"b\\c\nd\u{1}é\u{2028}x\u{85}<&>") == #""a\"b\\c\nd\u0001é\u2028x\u0085<&>""#)
    }

    /// The search data's literals: a page loads them as a script, so none may hold `<`, `>` or `&`.
    @Test(arguments: [
        "plain", "quote \" and \\ backslash", "lines\nand\ttabs\r", "\u{0}\u{1F}\u{7F}", "C1 \u{80}\u{9F} end",
        "separators \u{2028}\u{2029}", "é ü 日本 🚒", "</script><script>alert(1)</script>", "", "&amp; <!-- a > b",
    ])
    func literalsForHTMLHoldNoMarkup(_ text: String) throws {
        var bytes: [UInt8] = []
        JSONText.append(text, to: &bytes, forHTML: true)
        #expect(!bytes.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") })
        let decoded = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    @Test(arguments: [0, 7, -7, 10, 1_704_067_200, Int.max, Int.min])
    func numbersAreTheirDecimalDigits(_ value: Int) {
        #expect(JSONValue.int(value).rendered() == Array("\(value)\n".utf8))
    }

    @Test func valuesBelowThePrettyDepthAreCompact() {
        let value = JSONValue.object([("list", .array([.object([("a", .int(1)), ("b", .array([.null]))])]))])
        #expect(String(decoding: value.rendered(prettyDepth: 2), as: UTF8.self) == """
            {
              "list": [
                {"a":1,"b":[null]}
              ]
            }

            """)
    }

    @Test func nestedValuesArePrettyPrintedInOrder() {
        let value = JSONValue.object([
            ("b", .array([.int(1), .bool(true), .null])), ("a", .object([])), ("c", .array([])), ("d", .string("x")),
        ])
        #expect(String(decoding: value.rendered(), as: UTF8.self) == """
            {
              "b": [
                1,
                true,
                null
              ],
              "a": {},
              "c": [],
              "d": "x"
            }

            """)
    }
}
