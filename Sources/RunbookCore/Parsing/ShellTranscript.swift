/// Splits the text of a shell fence into commands.
///
/// A command is one shell line with its backslash continuations, open quotes and
/// here-documents joined. In a session transcript (a `console` block, or any
/// block with a `$ ` prompt) only prompted lines start commands and the lines
/// between are output; elsewhere every line that is not blank or a comment does.
struct ShellTranscript {
    let commands: [Command]

    init(_ code: String, firstLine: Int, session: Bool) {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        let prompted = session || lines.contains { $0.hasPrefix("$ ") || $0 == "$" }
        var commands: [Command] = []
        var current: [Substring] = []
        var startLine = 0
        var state = LineState()
        for (offset, line) in lines.enumerated() {
            if current.isEmpty {
                var text = line
                if prompted {
                    guard let command = Self.afterPrompt(line) else { continue }  // output
                    text = command
                }
                let trimmed = text.drop { $0 == " " || $0 == "\t" }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                current = [text]
                startLine = firstLine + offset
                state = LineState()
                state.scan(text)
            } else {
                // PS2 prompts ("> ") mark continuation lines in transcripts.
                let text = prompted && !state.inHereDocument && line.hasPrefix("> ") ? line.dropFirst(2) : line
                current.append(text)
                state.scan(text)
            }
            if state.isComplete {
                commands.append(Command(text: current.joined(separator: "\n"), line: startLine))
                current = []
            }
        }
        if !current.isEmpty {
            // An unterminated quote or here-document: keep what there is rather than drop it.
            commands.append(Command(text: current.joined(separator: "\n"), line: startLine))
        }
        self.commands = commands
    }

    /// The command after a `$ ` or `# ` prompt, or nil for an output line.
    private static func afterPrompt(_ line: Substring) -> Substring? {
        if line.hasPrefix("$ ") || line.hasPrefix("# ") { return line.dropFirst(2) }
        return nil
    }
}

/// What is still open at the end of a line: a quote, a continuation, here-documents.
private struct LineState {
    var quote: Character?
    var continues = false
    var pendingHereDocuments: [HereDocument] = []
    var openHereDocument: HereDocument?

    struct HereDocument {
        var delimiter: Substring
        var stripsTabs: Bool
    }

    var inHereDocument: Bool { openHereDocument != nil }
    var isComplete: Bool { quote == nil && !continues && openHereDocument == nil && pendingHereDocuments.isEmpty }

    mutating func scan(_ line: Substring) {
        if let document = openHereDocument {
            let candidate = document.stripsTabs ? line.drop { $0 == "\t" } : line
            if candidate == document.delimiter {
                openHereDocument = pendingHereDocuments.isEmpty ? nil : pendingHereDocuments.removeFirst()
            }
            return
        }
        continues = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\", open == "\"", line.index(after: index) < line.endIndex {
                    index = line.index(after: index)
                }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "\\" {
                if line.index(after: index) == line.endIndex {
                    continues = true
                } else {
                    index = line.index(after: index)
                }
            } else if character == "#", index == line.startIndex || line[line.index(before: index)] == " " {
                break  // a comment runs to the end of the line
            } else if line[index...].hasPrefix("<<"), !line[index...].hasPrefix("<<<") {
                index = readHereDocument(line, at: line.index(index, offsetBy: 2))
                continue
            }
            index = line.index(after: index)
        }
        if quote == nil, !continues, !pendingHereDocuments.isEmpty {
            openHereDocument = pendingHereDocuments.removeFirst()
        }
    }

    /// Reads `-WORD`, `'WORD'` or `"WORD"` after `<<`, records it, and returns where scanning resumes.
    private mutating func readHereDocument(_ line: Substring, at start: Substring.Index) -> Substring.Index {
        var index = start
        var stripsTabs = false
        if index < line.endIndex, line[index] == "-" {
            stripsTabs = true
            index = line.index(after: index)
        }
        while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
        var quoteCharacter: Character?
        if index < line.endIndex, line[index] == "'" || line[index] == "\"" {
            quoteCharacter = line[index]
            index = line.index(after: index)
        }
        let wordStart = index
        while index < line.endIndex, line[index].isLetter || line[index].isNumber || line[index] == "_" || line[index] == "-" {
            index = line.index(after: index)
        }
        let word = line[wordStart..<index]
        if let quoteCharacter, index < line.endIndex, line[index] == quoteCharacter {
            index = line.index(after: index)
        }
        if !word.isEmpty {
            pendingHereDocuments.append(HereDocument(delimiter: word, stripsTabs: stripsTabs))
        }
        return index
    }
}
