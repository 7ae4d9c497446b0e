/// Escaping for text and attribute values in HTML (and XML, which needs the same five).
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped to UTF-8 bytes being built. Copies runs of plain bytes
    /// at once: page rendering spends much of its time here.
    public static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            var index = 0
            while index < source.count {
                // One table lookup per byte; the entity is only worked out for the rare special one.
                guard special[Int(source[index])] else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                let entity: StaticString
                switch source[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                default: entity = "&#39;"
                }
                entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
                index += 1
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }

    /// Which bytes need an entity.
    private static let special: [Bool] = (0...255).map { "&<>\"'".utf8.contains(UInt8($0)) }
}
