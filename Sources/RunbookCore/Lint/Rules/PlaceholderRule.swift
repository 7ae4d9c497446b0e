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
        defaultSeverity: .warning,
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
        for node in runbook.document.nodes {
            switch node.kind {
            case .text, .code:
                guard node.start.isKnown else { continue }
                for (word, offset) in Self.placeholders(in: node.literal[...]) {
                    findings.append(Finding(line: node.start.line, column: node.start.column + offset, message(word)))
                }
            case .codeBlock:
                // A fenced block's text starts on the line after the fence; an indented block's on its own line.
                let firstLine = node.start.line + (node.isFenced ? 1 : 0)
                let lines = node.literal.split(separator: "\n", omittingEmptySubsequences: false)
                for (index, line) in lines.enumerated() {
                    for (word, offset) in Self.placeholders(in: line) {
                        findings.append(Finding(line: firstLine + index, column: node.start.column + offset, message(word)))
                    }
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
    static func placeholders(in text: Substring) -> [(Substring, Int)] {
        var result: [(Substring, Int)] = []
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            guard isWordByte(utf8[index]) else {
                index = utf8.index(after: index)
                continue
            }
            let start = index
            while index < utf8.endIndex, isWordByte(utf8[index]) { index = utf8.index(after: index) }
            let word = text[start..<index]
            if words.contains(word) { result.append((word, utf8.distance(from: utf8.startIndex, to: start))) }
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
