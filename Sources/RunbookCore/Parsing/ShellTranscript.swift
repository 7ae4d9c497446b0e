/// Splits the text of a shell fence into commands.
///
/// A command is one shell line with its backslash continuations, open quotes and
/// here-documents joined. In a session transcript (a `console` block, or any
/// block with a `$ ` prompt) only prompted lines start commands and the lines
/// between are output; elsewhere every line that is not blank or a comment does.
struct ShellTranscript {
    let commands: [Command]

    init(_ code: String, firstLine: Int, session: Bool) {
        // Split on bytes: splitting a String on a Character walks grapheme clusters.
        let lines = code.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = Substring(bytes)
            return bytes.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        let prompted = session || lines.contains { Self.startsWith($0, UInt8(ascii: "$")) }
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
                let firstVisible = text.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
                if firstVisible == nil || firstVisible == UInt8(ascii: "#") { continue }
                current = [text]
                startLine = firstLine + offset
                state = LineState()
                state.scan(text)
            } else {
                // PS2 prompts ("> ") mark continuation lines in transcripts.
                let text = prompted && !state.inHereDocument && Self.startsWith(line, UInt8(ascii: ">")) ? line.dropFirst(2) : line
                current.append(text)
                state.scan(text)
            }
            if state.isComplete {
                commands.append(Command(text: current.count == 1 ? String(current[0]) : current.joined(separator: "\n"), line: startLine))
                current = []
            }
        }
        if !current.isEmpty {
            // An unterminated quote or here-document: keep what there is rather than drop it.
            commands.append(Command(text: current.joined(separator: "\n"), line: startLine))
        }
        self.commands = commands
    }

    /// Whether the line is `prompt` followed by a space, or `prompt` alone (an empty prompt).
    private static func startsWith(_ line: Substring, _ prompt: UInt8) -> Bool {
        var bytes = line.utf8.makeIterator()
        guard bytes.next() == prompt else { return false }
        let next = bytes.next()
        return next == nil || next == UInt8(ascii: " ")
    }

    /// The command after a `$ ` or `# ` prompt, or nil for an output line.
    private static func afterPrompt(_ line: Substring) -> Substring? {
        guard line.utf8.count >= 2, startsWith(line, UInt8(ascii: "$")) || startsWith(line, UInt8(ascii: "#")) else { return nil }
        return line.dropFirst(2)
    }
}

/// What is still open at the end of a line: a quote, a continuation, here-documents.
/// Scans UTF-8 bytes: every syntax character is ASCII, and this runs on every command.
private struct LineState {
    var quote: UInt8?
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
        let bytes = line.utf8
        var index = bytes.startIndex
        var previous: UInt8 = UInt8(ascii: " ")
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if let open = quote {
                if byte == open {
                    quote = nil
                } else if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\""), next < bytes.endIndex {
                    index = bytes.index(after: next)
                    previous = 0
                    continue
                }
            } else {
                switch byte {
                case UInt8(ascii: "'"), UInt8(ascii: "\""):
                    quote = byte
                case UInt8(ascii: "\\"):
                    if next == bytes.endIndex {
                        continues = true
                    } else {
                        index = bytes.index(after: next)
                        previous = 0
                        continue
                    }
                case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t"):
                    index = bytes.endIndex  // a comment runs to the end of the line
                    continue
                case UInt8(ascii: "<"):
                    if next < bytes.endIndex, bytes[next] == UInt8(ascii: "<") {
                        let afterPair = bytes.index(after: next)
                        if afterPair < bytes.endIndex, bytes[afterPair] == UInt8(ascii: "<") {
                            index = bytes.index(after: afterPair)  // a here-string, not a document
                        } else {
                            index = readHereDocument(line, at: afterPair)
                        }
                        previous = 0
                        continue
                    }
                default:
                    break
                }
            }
            previous = byte
            index = next
        }
        if quote == nil, !continues, !pendingHereDocuments.isEmpty {
            openHereDocument = pendingHereDocuments.removeFirst()
        }
    }

    /// Reads `-WORD`, `'WORD'` or `"WORD"` after `<<`, records it, and returns where scanning resumes.
    private mutating func readHereDocument(_ line: Substring, at start: String.Index) -> String.Index {
        let bytes = line.utf8
        var index = start
        var stripsTabs = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") {
            stripsTabs = true
            index = bytes.index(after: index)
        }
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") { index = bytes.index(after: index) }
        var quoteByte: UInt8?
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"") {
            quoteByte = bytes[index]
            index = bytes.index(after: index)
        }
        let wordStart = index
        while index < bytes.endIndex, Self.isWordByte(bytes[index]) { index = bytes.index(after: index) }
        let word = line[wordStart..<index]
        if let quoteByte, index < bytes.endIndex, bytes[index] == quoteByte {
            index = bytes.index(after: index)
        }
        if !word.isEmpty {
            pendingHereDocuments.append(HereDocument(delimiter: word, stripsTabs: stripsTabs))
        }
        return index
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
