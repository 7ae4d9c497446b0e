import GitKit
import Testing
@testable import RunbookCore

/// `JSONWriter` writes the bytes `JSONValue` renders compact, so index lines
/// written either way are the same.
@Suite struct JSONWriterTests {
    @Test func writesWhatAValueTreeRendersCompact() throws {
        let id = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
        var json = JSONWriter()
        json.object { json in
            json.field("text", "quote \" backslash \\ newline \n tab \t <b>")
            json.field("missing", nil as String?)
            json.field("number", -42)
            json.field("flag", true)
            json.field("id", id: id)
            json.field("ids", ids: [id, id])
            json.field("none", strings: [])
            json.field("empty", object: { _ in })
            json.field("nested", array: [1, 2]) { json, number in
                json.object { json in
                    json.field("n", number)
                    json.field("tree", .object([("a", .array([.null, .bool(false)]))]))
                }
            }
        }
        let tree: JSONValue = .object([
            ("text", .string("quote \" backslash \\ newline \n tab \t <b>")),
            ("missing", .null),
            ("number", .int(-42)),
            ("flag", .bool(true)),
            ("id", .string(id.hex)),
            ("ids", .array([.string(id.hex), .string(id.hex)])),
            ("none", .array([])),
            ("empty", .object([])),
            ("nested", .array([1, 2].map { number in
                .object([("n", .int(number)), ("tree", .object([("a", .array([.null, .bool(false)]))]))])
            })),
        ])
        #expect(json.bytes == Array(tree.rendered(prettyDepth: 0).dropLast()))
    }
}
