/// Bytes of HTML being built. Works on UTF-8 bytes, not characters: rendering a
/// 10,000-page site spends most of its time here.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Markup the renderer itself writes: never user text.
    mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// HTML produced elsewhere and already safe (a decorated code block).
    mutating func appendTrusted(_ html: String) {
        bytes.append(contentsOf: html.utf8)
    }

    mutating func append(contentsOf other: HTMLBuffer) {
        bytes.append(contentsOf: other.bytes)
    }

    mutating func append(_ number: Int) {
        bytes.append(contentsOf: String(number).utf8)
    }

    /// Text or an attribute value: the five HTML special characters become entities.
    mutating func appendEscaped(_ text: String) {
        HTMLEscaping.append(text, to: &bytes)
    }

    /// A URL for `href`/`src`: bytes outside the URL-safe set are percent-encoded
    /// (as cmark does), existing `%XX` escapes kept, and `&` and `'` made entities.
    mutating func appendURL(_ url: String) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "'"): append("&#39;")
            case _ where Self.isURLSafe(byte): bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
    }

    /// Characters left as they are in a URL: letters, digits and the RFC 3986
    /// reserved and unreserved marks. Never `"`, `<`, `>`, space or controls.
    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.!~*();/?:@=+$,%#[]".utf8.contains(byte)
        }
    }
}
