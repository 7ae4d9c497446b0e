/// Text from a run (a step's output, notes, values) made safe to print on a
/// terminal: a recorded escape sequence must not drive the reader's terminal.
/// Control characters show in caret notation (`^[` for ESC, as `cat -v` does),
/// C1 controls as U+FFFD; newlines and tabs stay, and a carriage return becomes
/// a newline, so progress lines read as lines.
enum PrintableText {
    static func clean(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x0A where previous == "\r": continue
            case 0x0A, 0x09: result.unicodeScalars.append(scalar)
            case 0x0D: result.unicodeScalars.append("\n")
            case 0x00..<0x20: result += "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F: result += "^?"
            case 0x80..<0xA0: result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
