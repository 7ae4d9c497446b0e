/// Escaping for text and attribute values in HTML (and XML, which needs the same five).
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var buffer = HTMLBuffer(capacity: text.utf8.count + 16)
        buffer.appendEscaped(text)
        return buffer.string
    }
}
