/// Front matter values written so any YAML reader reads back exactly the text given.
enum YAMLText {
    /// Plain when that is unambiguous (`team-storage`, `critical`), else double-quoted with
    /// JSON's escapes, which are valid YAML: `"Disk full: /var"`.
    static func scalar(_ text: String) -> String {
        isPlain(text) ? text : JSONText.quote(text)
    }

    /// `[a, "b: c"]`.
    static func list(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    private static func isPlain(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last, last != UInt8(ascii: " "),
              isLetter(first), !reserved.contains(text.lowercased()) else { return false }
        return text.utf8.allSatisfy { byte in
            isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || " _./-".utf8.contains(byte)
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
