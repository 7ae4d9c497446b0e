/// The words of a shell command with where each byte came from, so a part of a word
/// can be replaced in the text as typed (quotes and escapes left intact around it).
///
/// A forgiving lexer, like `ShellWords` but keeping positions: words end at blanks and
/// at `;`, `|`, `&`, `(`, `)`, `<`, `>` outside quotes; quotes and backslashes are
/// removed from a word's `bytes` but recorded in `offsets` and `quotes`. Nothing is
/// expanded; `$(…)` and backticks stay in the word as written.
struct ShellWordSpans {
    /// How a byte of a word was quoted.
    enum Quote: UInt8 {
        case none, single, double, ansiC
    }

    struct Word {
        /// The word with quotes and escapes removed.
        var bytes: [UInt8] = []
        /// For each byte of `bytes`, its offset in the command text.
        var offsets: [Int] = []
        var quotes: [Quote] = []
        /// The first word of a simple command.
        var startsCommand = false
        /// The first word on its line (as a key of YAML in a here-document is).
        var startsLine = false
        /// The operator before the word when it starts a command: `|` for a pipe, else 0.
        var joinedBy: UInt8 = 0
    }

    let words: [Word]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var words: [Word] = []
        var word = Word()
        var inWord = false
        var nextStartsCommand = true
        var nextStartsLine = true
        var nextJoinedBy: UInt8 = 0
        // Starts a word, if none is open: a quote opens one even when empty (`''`).
        func begin() {
            if !inWord {
                inWord = true
                word.startsCommand = nextStartsCommand
                word.startsLine = nextStartsLine
                word.joinedBy = nextStartsCommand ? nextJoinedBy : 0
                nextStartsCommand = false
                nextStartsLine = false
            }
        }
        func add(_ offset: Int, _ quote: Quote) {
            begin()
            word.bytes.append(bytes[offset])
            word.offsets.append(offset)
            word.quotes.append(quote)
        }
        func end() {
            if inWord { words.append(word) }
            word = Word()
            inWord = false
        }
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                end()
                i += 1
            case UInt8(ascii: "\n"):
                end()
                nextStartsCommand = true
                nextStartsLine = true
                nextJoinedBy = 0
                i += 1
            case UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "("), UInt8(ascii: ")"):
                end()
                nextStartsCommand = true
                // `|&` and `||` are not pipes into the next command's standard input the same way; `|` alone is.
                nextJoinedBy = c == UInt8(ascii: "|") && (i + 1 >= bytes.count || bytes[i + 1] != UInt8(ascii: "|")) ? c : 0
                if c == UInt8(ascii: "|"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "|") { i += 1 }
                i += 1
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                end()
                i += 1
            case UInt8(ascii: "#") where !inWord:
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "\\"):
                if i + 1 < bytes.count {
                    if bytes[i + 1] != UInt8(ascii: "\n") { add(i + 1, .none) }
                    i += 2
                } else {
                    i += 1
                }
            case UInt8(ascii: "'"):
                begin()
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "'") {
                    add(i, .single)
                    i += 1
                }
                i += 1
            case UInt8(ascii: "$") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "'"):
                begin()
                i += 2
                while i < bytes.count, bytes[i] != UInt8(ascii: "'") {
                    if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count { add(i, .ansiC); i += 1 }
                    add(i, .ansiC)
                    i += 1
                }
                i += 1
            case UInt8(ascii: "\""):
                begin()
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count,
                       [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "`")].contains(bytes[i + 1]) {
                        i += 1
                    }
                    add(i, .double)
                    i += 1
                }
                i += 1
            default:
                add(i, .none)
                i += 1
            }
        }
        end()
        self.words = words
    }
}
