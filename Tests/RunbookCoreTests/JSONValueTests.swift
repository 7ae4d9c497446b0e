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
