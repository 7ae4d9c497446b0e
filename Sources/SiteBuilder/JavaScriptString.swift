/// A JavaScript string literal that is also safe inside HTML: `<`, `>` and `&` are
/// escaped too, so no text can close a `<script>` element, and U+2028/U+2029 (line
/// terminators in older JavaScript) never break the literal.
enum JavaScriptString {
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                result += unicodeEscape(scalar.value)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += unicodeEscape(scalar.value)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
