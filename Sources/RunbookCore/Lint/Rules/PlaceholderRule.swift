import MarkdownKit

/// Unfinished text: TODO, TBD, FIXME or XXX left in a runbook.
struct PlaceholderRule: Rule {
    static let description = RuleDescription(
        id: "placeholder",
        summary: """
            The body still holds a placeholder: TODO, TBD, FIXME or XXX as a whole word, in capitals. Text, \
            headings, inline code and code blocks are searched (an XXX in a command is a value to fill in); \
            front matter, link targets and HTML are not. One problem per occurrence.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                ## Summary
                TODO: describe the impact.
                ## Mitigation
                Resize the volume (TBD: which size?):
                ```bash
                aws ec2 modify-volume --volume-id XXX --size 200
                ```
                """,
                config: "sections: {required: [Summary, Mitigation], commands: {}}",
                expected: ["3:1", "5:20", "7:35"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Summary
                The todo list service fills /var with TODOS.txt; XXXL volumes fix it.
                """,
                config: "sections: {required: [Summary], commands: {}}"),
        ]
    )

    static let words: Set<Substring> = ["TODO", "TBD", "FIXME", "XXX"]

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for index in runbook.document.nodes.indices {
            // Switch on the kind before copying the node: most nodes are skipped.
            switch runbook.document.nodes[index].kind {
            case .text, .code:
                let node = runbook.document.nodes[index]
                guard node.start.isKnown else { continue }
                for (word, offset) in Self.placeholders(in: node.literal[...]) {
                    findings.append(Finding(line: node.start.line, column: node.start.column + offset, message(word)))
                }
            case .codeBlock:
                let node = runbook.document.nodes[index]
                // A fenced block's text starts on the line after the fence; an indented block's on its own line.
                let firstLine = node.start.line + (node.isFenced ? 1 : 0)
                for (word, offset) in Self.placeholders(in: node.literal[...]) {
                    // Hits are rare, so lines are counted only for them.
                    let before = node.literal.utf8.prefix(offset)
                    let line = firstLine + before.count { $0 == UInt8(ascii: "\n") }
                    let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0
                    findings.append(Finding(line: line, column: node.start.column + offset - lineStart, message(word)))
                }
            default:
                continue
            }
        }
        return findings
    }

    private func message(_ word: Substring) -> String {
        "placeholder '\(word)' left in the runbook; replace it with the real content before an incident needs it"
    }

    /// Each placeholder word in `text`, with its byte offset (columns count bytes, as cmark's do).
    /// Runs over every text node of every runbook, so it works on raw bytes and
    /// compares only words of a placeholder's length and first letter.
    static func placeholders(in text: Substring) -> [(Substring, Int)] {
        let offsets = text.utf8.withContiguousStorageIfAvailable(placeholderOffsets) 
            ?? Array(text.utf8).withUnsafeBufferPointer(placeholderOffsets)
        return offsets.map { start, length in
            let from = text.utf8.index(text.utf8.startIndex, offsetBy: start)
            return (text[from..<text.utf8.index(from, offsetBy: length)], start)
        }
    }

    private static let encodedWords = words.map { Array($0.utf8) }

    /// Finds the first letters of placeholders (T, F, X) and only then looks at the word around them.
    private static func placeholderOffsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "T") || byte == UInt8(ascii: "F") || byte == UInt8(ascii: "X"),
                  index == 0 || !isWordByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if (3...5).contains(word.count), encodedWords.contains(where: { $0.elementsEqual(word) }) {
                result.append((start, word.count))
            }
        }
        return result
    }

    /// Letters, digits and '_' (and any non-ASCII byte, so "TODOé" is one word).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
