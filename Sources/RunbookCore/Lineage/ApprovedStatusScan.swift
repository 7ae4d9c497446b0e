/// Whether a runbook's raw bytes say `status: approved` in their front
/// matter, without parsing the file: approval is decided over every version
/// in a runbook's history, and parsing each would cost more than the walk.
///
/// Reads the block between the opening `---` and the closing `---`/`...`
/// (as `FrontMatter` delimits it) and the first top-level `status:` key in
/// it; the value may be plain, quoted, or followed by a `# comment`.
enum ApprovedStatusScan {
    static func isApproved(_ content: UnsafeRawBufferPointer) -> Bool {
        var start = content.startIndex
        var isFirst = true
        while start < content.endIndex {
            let end = content[start...].firstIndex(of: UInt8(ascii: "\n")) ?? content.endIndex
            let line = content[start..<end]
            start = end + 1
            if isFirst {
                guard isDelimiter(line, closing: false) else { return false }
                isFirst = false
                continue
            }
            if isDelimiter(line, closing: true) { return false }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), isStatusKey(line[..<colon]) else { continue }
            return unquoted(line[(colon + 1)...]).elementsEqual("approved".utf8)
        }
        return false
    }

    private static func isDelimiter(_ line: Slice<UnsafeRawBufferPointer>, closing: Bool) -> Bool {
        let text = trimmed(line)
        return text.elementsEqual("---".utf8) || (closing && text.elementsEqual("...".utf8))
    }

    /// `status`, possibly quoted, starting the line (an indented key belongs
    /// to a nested mapping).
    private static func isStatusKey(_ key: Slice<UnsafeRawBufferPointer>) -> Bool {
        var key = trimmed(key)
        guard key.first != UInt8(ascii: " "), key.first != UInt8(ascii: "\t") else { return false }
        if key.count >= 2, let quote = key.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"), key.last == quote {
            key = key.dropFirst().dropLast()
        }
        return key.elementsEqual("status".utf8)
    }

    /// The scalar after the colon: quotes removed, or a trailing comment cut.
    private static func unquoted(_ value: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        let text = value.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if let quote = text.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let inner = text.dropFirst()
            return inner.prefix { $0 != quote }
        }
        var end = text.endIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "#"), index > text.startIndex,
               text[index - 1] == UInt8(ascii: " ") || text[index - 1] == UInt8(ascii: "\t") {
                end = index
                break
            }
            index += 1
        }
        return trimmed(text[text.startIndex..<end])
    }

    /// Without trailing spaces, tabs and the CR of a CRLF line end.
    private static func trimmed(_ text: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var end = text.endIndex
        while end > text.startIndex, text[end - 1] == UInt8(ascii: " ") || text[end - 1] == UInt8(ascii: "\t") || text[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return text[text.startIndex..<end]
    }
}
