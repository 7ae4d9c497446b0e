/// A small, forgiving parser for shell command text, enough to see which programs a
/// command runs and with which arguments — the denylist's view of a command.
///
/// It splits the text into simple commands (at `|`, `|&`, `||`, `&&`, `;`, `&`,
/// newlines and parentheses), removes quotes and backslash escapes from words,
/// separates redirections, reads here-document bodies and here-strings as a
/// command's standard input, and also parses the commands inside `$(...)`,
/// backticks and `<(...)`/`>(...)` (their text stays in the enclosing word as
/// written). It does not expand anything. It never fails: unterminated quotes or
/// substitutions run to the end of the text.
///
/// Bytes are scanned as UTF-8; every shell metacharacter is ASCII, so multi-byte
/// characters pass through words untouched.
struct ShellWords: Sendable {
    /// A redirection such as `> /dev/sda`, `2>&1` or `<<EOF`; the file descriptor number is dropped.
    struct Redirection: Sendable, Hashable {
        /// `>`, `>>`, `>|`, `>&`, `&>`, `&>>`, `<`, `<>`, `<&`, `<<`, `<<-` or `<<<`.
        var op: String
        /// The target word with quotes removed (the delimiter for a here-document).
        var target: String

        /// Whether the redirection opens its target for writing.
        var writes: Bool { op.hasPrefix(">") || op.hasPrefix("&>") || op == "<>" }

        /// Whether it truncates a file (`>`, `>|`, `&>`, `>& file`), as opposed to appending or duplicating a descriptor.
        var truncates: Bool {
            switch op {
            case ">", ">|", "&>": return true
            case ">&": return !(target == "-" || (!target.isEmpty && target.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }))
            default: return false
            }
        }
    }

    /// One simple command: its words (quotes removed), redirections and standard-input texts.
    struct Command: Sendable {
        var words: [String] = []
        var redirections: [Redirection] = []
        /// Here-document bodies and here-string words fed to the command.
        var stdinTexts: [String] = []
        /// Commands with the same number are the stages of one pipeline, in order.
        var pipeline = 0
        fileprivate var hereDocumentIDs: [Int] = []
    }

    /// Every simple command, including those inside substitutions (which come before the command that contains them).
    let commands: [Command]
    /// The text as shell code: without comments and here-document bodies, and with the
    /// contents of quoted strings left out — what runs as code rather than data.
    let code: String

    init(_ text: String) {
        var parser = Parser(bytes: Array(text.utf8))
        parser.parseList(terminator: nil, depth: 0)
        parser.finish()
        commands = parser.commands
        code = String(decoding: parser.code, as: UTF8.self)
    }
}

// MARK: - Parser

private let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
private let backslash: UInt8 = 0x5C, singleQuote: UInt8 = 0x27, doubleQuote: UInt8 = 0x22, backtick: UInt8 = 0x60
private let dollar: UInt8 = 0x24, hash: UInt8 = 0x23, semicolon: UInt8 = 0x3B, ampersand: UInt8 = 0x26, pipe: UInt8 = 0x7C
private let less: UInt8 = 0x3C, greater: UInt8 = 0x3E, openParen: UInt8 = 0x28, closeParen: UInt8 = 0x29
private let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D, equals: UInt8 = 0x3D, dash: UInt8 = 0x2D

/// Substitutions nested deeper than this are kept as text but not parsed.
private let maximumDepth = 32

extension ShellWords {
    /// The state of one command list: the top level, or the inside of a `$(...)`.
    fileprivate struct Frame {
        var command = Command()
        var word: [UInt8] = []
        var inWord = false
        var wordQuoted = false
        var pendingRedirection: String?
        var parenDepth = 0
        /// Inside `[[ ... ]]`, where `(`, `)`, `|`, `&`, `<` and `>` belong to the test expression.
        var inTest = false
    }

    fileprivate struct PendingHereDocument {
        var id: Int
        var delimiter: [UInt8]
        var stripTabs: Bool
    }

    fileprivate struct Parser {
        let bytes: [UInt8]
        var i = 0
        var commands: [Command] = []
        var code: [UInt8] = []
        var nextPipeline = 0
        var hereDocumentBodies: [String] = []
        var pendingHereDocuments: [PendingHereDocument] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
            code.reserveCapacity(bytes.count)
        }

        func peek(_ offset: Int = 0) -> UInt8? {
            let j = i + offset
            return j < bytes.count ? bytes[j] : nil
        }

        mutating func newPipeline() -> Int {
            nextPipeline += 1
            return nextPipeline
        }

        // MARK: Words and commands

        mutating func endWord(_ frame: inout Frame) {
            guard frame.inWord else { return }
            let text = String(decoding: frame.word, as: UTF8.self)
            if let op = frame.pendingRedirection {
                frame.command.redirections.append(Redirection(op: op, target: text))
                switch op {
                case "<<", "<<-":
                    let id = hereDocumentBodies.count
                    hereDocumentBodies.append("")
                    frame.command.hereDocumentIDs.append(id)
                    pendingHereDocuments.append(PendingHereDocument(id: id, delimiter: frame.word, stripTabs: op == "<<-"))
                case "<<<":
                    frame.command.stdinTexts.append(text)
                default:
                    break
                }
                frame.pendingRedirection = nil
            } else {
                frame.command.words.append(text)
                if !frame.wordQuoted && (text == "[[" || text == "]]") { frame.inTest = text == "[[" }
            }
            frame.word.removeAll(keepingCapacity: true)
            frame.inWord = false
            frame.wordQuoted = false
        }

        mutating func endCommand(_ frame: inout Frame, pipeline: Int) {
            endWord(&frame)
            frame.pendingRedirection = nil
            if !frame.command.words.isEmpty || !frame.command.redirections.isEmpty {
                frame.command.pipeline = pipeline
                commands.append(frame.command)
            }
            frame.command = Command()
            frame.inTest = false
        }

        // MARK: The command list

        /// Parses commands until `terminator` (`)` for a `$(...)`) at this level, or the end of the text.
        mutating func parseList(terminator: UInt8?, depth: Int) {
            var frame = Frame()
            var pipeline = newPipeline()
            while let c = peek() {
                if frame.inTest && (c == openParen || c == closeParen || c == pipe || c == ampersand || c == less || c == greater) {
                    frame.word.append(c)
                    frame.inWord = true
                    code.append(c)
                    i += 1
                    continue
                }
                switch c {
                case space, tab, carriageReturn:
                    endWord(&frame)
                    code.append(c)
                    i += 1
                case newline:
                    endCommand(&frame, pipeline: pipeline)
                    pipeline = newPipeline()
                    code.append(c)
                    i += 1
                    readHereDocumentBodies()
                case backslash:
                    if peek(1) == newline {
                        i += 2  // line continuation
                    } else if let next = peek(1) {
                        frame.word.append(next)
                        frame.inWord = true
                        frame.wordQuoted = true
                        code.append(contentsOf: [c, next])
                        i += 2
                    } else {
                        i += 1
                    }
                case hash where !frame.inWord:
                    while let d = peek(), d != newline { i += 1 }  // a comment
                case semicolon:
                    endCommand(&frame, pipeline: pipeline)
                    pipeline = newPipeline()
                    code.append(c)
                    i += 1
                case ampersand where peek(1) != greater:
                    // `&&` or a background `&`
                    endCommand(&frame, pipeline: pipeline)
                    pipeline = newPipeline()
                    code.append(c)
                    i += 1
                    if peek() == ampersand { code.append(ampersand); i += 1 }
                case pipe:
                    endCommand(&frame, pipeline: pipeline)
                    code.append(c)
                    i += 1
                    if peek() == pipe {
                        code.append(pipe)
                        i += 1
                        pipeline = newPipeline()
                    } else if peek() == ampersand {
                        code.append(ampersand)
                        i += 1
                    }
                case less where peek(1) == openParen, greater where peek(1) == openParen:
                    // Process substitution: part of a word, and its commands run.
                    let start = i
                    i += 2
                    code.append(contentsOf: [c, openParen])
                    parseNested(depth: depth)
                    frame.word.append(contentsOf: bytes[start..<i])
                    frame.inWord = true
                case less, greater, ampersand:
                    readRedirectionOperator(&frame)
                case openParen:
                    if frame.inWord {
                        readParenthesizedWordPart(&frame, pipeline: &pipeline)
                    } else {
                        endCommand(&frame, pipeline: pipeline)
                        pipeline = newPipeline()
                        frame.parenDepth += 1
                        code.append(c)
                        i += 1
                    }
                case closeParen:
                    endCommand(&frame, pipeline: pipeline)
                    pipeline = newPipeline()
                    code.append(c)
                    i += 1
                    if frame.parenDepth > 0 {
                        frame.parenDepth -= 1
                    } else if terminator == closeParen {
                        return
                    }
                case backtick:
                    readBackticks(&frame, depth: depth)
                case singleQuote:
                    i += 1
                    while let d = peek(), d != singleQuote { frame.word.append(d); i += 1 }
                    i = min(i + 1, bytes.count)
                    frame.inWord = true
                    frame.wordQuoted = true
                    code.append(contentsOf: [singleQuote, singleQuote])
                case doubleQuote:
                    readDoubleQuoted(&frame, depth: depth)
                case dollar:
                    readDollar(&frame, depth: depth, quoted: false)
                default:
                    frame.word.append(c)
                    frame.inWord = true
                    code.append(c)
                    i += 1
                }
            }
            endCommand(&frame, pipeline: pipeline)
        }

        /// Parses the inside of `$(`, `<(` or `>(` (already consumed) up to its `)`.
        mutating func parseNested(depth: Int) {
            if depth < maximumDepth {
                parseList(terminator: closeParen, depth: depth + 1)
            } else {
                skipBalanced(open: openParen, close: closeParen, count: 1)
            }
        }

        /// Skips to the close that balances `count` already-open brackets, stepping over quotes.
        mutating func skipBalanced(open: UInt8, close: UInt8, count: Int) {
            var level = count
            while let c = peek(), level > 0 {
                switch c {
                case backslash: i += 2; continue
                case singleQuote:
                    i += 1
                    while let d = peek(), d != singleQuote { i += 1 }
                case doubleQuote:
                    i += 1
                    while let d = peek(), d != doubleQuote { i += d == backslash ? 2 : 1 }
                case open: level += 1
                case close: level -= 1
                default: break
                }
                i += 1
            }
            i = min(i, bytes.count)
        }

        /// `<`, `>`, `&>` and friends. A word of digits right before the operator is its file descriptor.
        mutating func readRedirectionOperator(_ frame: inout Frame) {
            if frame.inWord && !frame.wordQuoted && !frame.word.isEmpty
                && frame.word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                frame.word.removeAll(keepingCapacity: true)
                frame.inWord = false
            } else if frame.inWord && frame.word.first == openBrace && frame.word.last == closeBrace {
                frame.word.removeAll(keepingCapacity: true)  // {fd}> name
                frame.inWord = false
            } else {
                endWord(&frame)
            }
            let operators = ["&>>", "&>", "<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">|", ">&", ">"]
            for op in operators {
                let utf8 = Array(op.utf8)
                if i + utf8.count <= bytes.count && bytes[i..<(i + utf8.count)].elementsEqual(utf8) {
                    frame.pendingRedirection = op
                    code.append(contentsOf: utf8)
                    i += utf8.count
                    return
                }
            }
            i += 1  // unreachable: the caller saw `<`, `>` or `&>`
        }

        /// A `(` inside a word: `name()` starts a function body; `arr=(...)` and extglob `@(...)` are word text.
        mutating func readParenthesizedWordPart(_ frame: inout Frame, pipeline: inout Int) {
            var j = i + 1
            while j < bytes.count, bytes[j] == space || bytes[j] == tab { j += 1 }
            if j < bytes.count, bytes[j] == closeParen {
                // A function definition: the body is a new command.
                code.append(contentsOf: bytes[i...j])
                i = j + 1
                endCommand(&frame, pipeline: pipeline)
                pipeline = newPipeline()
                return
            }
            let start = i
            i += 1
            skipBalanced(open: openParen, close: closeParen, count: 1)
            frame.word.append(contentsOf: bytes[start..<i])
            code.append(contentsOf: bytes[start..<i])
        }

        /// `` `...` ``: the inside is parsed as its own text (after undoing its backslash escapes).
        mutating func readBackticks(_ frame: inout Frame, depth: Int) {
            let start = i
            i += 1
            var inner: [UInt8] = []
            while let c = peek(), c != backtick {
                if c == backslash, let next = peek(1), next == backtick || next == backslash || next == dollar {
                    inner.append(next)
                    i += 2
                } else {
                    inner.append(c)
                    i += 1
                }
            }
            i = min(i + 1, bytes.count)
            frame.word.append(contentsOf: bytes[start..<i])
            frame.inWord = true
            code.append(backtick)
            if depth < maximumDepth {
                var sub = Parser(bytes: inner)
                sub.nextPipeline = nextPipeline
                sub.parseList(terminator: nil, depth: depth + 1)
                sub.finish()
                nextPipeline = sub.nextPipeline
                commands.append(contentsOf: sub.commands)
                code.append(contentsOf: sub.code)
            }
            code.append(backtick)
        }

        /// `"..."`: backslash escapes `$ \` " \ newline`; substitutions inside are parsed.
        mutating func readDoubleQuoted(_ frame: inout Frame, depth: Int) {
            i += 1
            frame.inWord = true
            frame.wordQuoted = true
            code.append(doubleQuote)
            while let c = peek(), c != doubleQuote {
                switch c {
                case backslash:
                    if let next = peek(1) {
                        if next == newline {
                            // continuation: removed
                        } else if next == dollar || next == backtick || next == doubleQuote || next == backslash {
                            frame.word.append(next)
                        } else {
                            frame.word.append(contentsOf: [c, next])
                        }
                        i += 2
                    } else {
                        i += 1
                    }
                case dollar:
                    readDollar(&frame, depth: depth, quoted: true)
                case backtick:
                    readBackticks(&frame, depth: depth)
                default:
                    frame.word.append(c)
                    i += 1
                }
            }
            i = min(i + 1, bytes.count)
            code.append(doubleQuote)
        }

        /// `$(...)`, `$((...))`, `${...}`, `$'...'`, `$"..."`, or a plain `$`.
        mutating func readDollar(_ frame: inout Frame, depth: Int, quoted: Bool) {
            let start = i
            frame.inWord = true
            switch peek(1) {
            case openParen where peek(2) == openParen:
                i += 3
                skipBalanced(open: openParen, close: closeParen, count: 2)
            case openParen:
                i += 2
                if !quoted { code.append(contentsOf: [dollar, openParen]) }
                parseNested(depth: depth)
                frame.word.append(contentsOf: bytes[start..<i])
                return
            case openBrace:
                i += 2
                skipBalanced(open: openBrace, close: closeBrace, count: 1)
            case singleQuote where !quoted:
                i += 2
                readANSICQuoted(&frame)
                return
            case doubleQuote where !quoted:
                i += 1  // $"..." is a double-quoted string
                return
            default:
                i += 1
            }
            frame.word.append(contentsOf: bytes[start..<i])
            if !quoted { code.append(contentsOf: bytes[start..<i]) }
        }

        /// `$'...'` with the common escapes decoded.
        mutating func readANSICQuoted(_ frame: inout Frame) {
            frame.wordQuoted = true
            code.append(contentsOf: [dollar, singleQuote, singleQuote])
            while let c = peek(), c != singleQuote {
                if c == backslash, let next = peek(1) {
                    switch next {
                    case UInt8(ascii: "n"): frame.word.append(newline)
                    case UInt8(ascii: "t"): frame.word.append(tab)
                    case UInt8(ascii: "r"): frame.word.append(carriageReturn)
                    case singleQuote, backslash, doubleQuote, UInt8(ascii: "?"): frame.word.append(next)
                    default: frame.word.append(contentsOf: [c, next])
                    }
                    i += 2
                } else {
                    frame.word.append(c)
                    i += 1
                }
            }
            i = min(i + 1, bytes.count)
        }

        // MARK: Here-documents

        /// After a newline: the bodies of the here-documents started on the line just ended.
        mutating func readHereDocumentBodies() {
            let pending = pendingHereDocuments
            pendingHereDocuments.removeAll()
            for document in pending {
                var body: [UInt8] = []
                while i < bytes.count {
                    var end = i
                    while end < bytes.count, bytes[end] != newline { end += 1 }
                    var line = bytes[i..<end]
                    if document.stripTabs { line = line.drop { $0 == tab } }
                    if line.last == carriageReturn { line = line.dropLast() }
                    i = min(end + 1, bytes.count)
                    if line.elementsEqual(document.delimiter) { break }
                    body.append(contentsOf: line)
                    body.append(newline)
                }
                hereDocumentBodies[document.id] = String(decoding: body, as: UTF8.self)
            }
        }

        /// Attaches here-document bodies to their commands.
        mutating func finish() {
            for index in commands.indices where !commands[index].hereDocumentIDs.isEmpty {
                for id in commands[index].hereDocumentIDs {
                    commands[index].stdinTexts.append(hereDocumentBodies[id])
                }
                commands[index].hereDocumentIDs = []  // (a backtick's parser finishes before its commands join ours)
            }
        }
    }
}
