/// JSON string literals, written by hand so key order and output are stable.
public enum JSONText {
    static func quote(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control
    /// characters (C0, DEL, C1) escaped, and U+2028/U+2029, which end a line in
    /// JavaScript. Works on bytes, as an index runs to tens of megabytes: runs
    /// that need no escape (nearly all of any text) are copied whole.
    ///
    /// - Parameter forHTML: escape `<`, `>` and `&` too, for a literal inside a
    ///   `<script>` element or a script an HTML page loads: no text can then
    ///   close the element.
    public static func append(_ text: String, to output: inout [UInt8], forHTML: Bool = false) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var copied = 0
            var index = 0
            func flush() {
                if copied < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                // Bytes that stand for themselves: printable ASCII but `"` and `\`, and
                // UTF-8 but the lead bytes of the C1 controls (0xC2) and U+2028/9 (0xE2).
                if byte >= 0x20, byte != 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xC2, byte != 0xE2,
                   !forHTML || (byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "&")) {
                    index += 1
                    continue
                }
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): flush(); output.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): flush(); output.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): flush(); output.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): flush(); output.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): flush(); output.append(contentsOf: #"\t"#.utf8)
                case 0..<0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): flush(); escape(UInt32(byte), into: &output)
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    // U+0080…U+009F, the C1 controls.
                    flush()
                    escape(UInt32(bytes[index + 1]), into: &output)
                    length = 2
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    flush()
                    escape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &output)
                    length = 3
                default:
                    // A lead byte of some other character: part of the run.
                    index += 1
                    continue
                }
                index += length
                copied = index
            }
            flush()
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func escape(_ scalar: UInt32, into output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: #"\u"#.utf8)
        for shift in stride(from: 12, through: 0, by: -4) { output.append(hex[Int(scalar >> UInt32(shift) & 0xF)]) }
    }
}
