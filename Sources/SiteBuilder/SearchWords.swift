/// The words a runbook is found by in the index page's search: lowercased,
/// split at whitespace, each once in the order first seen, joined by spaces.
/// A search matches words, and runbooks repeat theirs (`kubectl -n payments`
/// in every command): keeping each once makes the search data a fifth smaller.
///
/// ASCII text, as nearly every runbook's is, is handled on its bytes: split at
/// space, tab and line and page breaks (what `Character.isWhitespace` means in
/// ASCII), and told apart by an exact table of the words kept. Looking up each
/// character's Unicode properties and hashing substrings takes many times longer.
enum SearchWords {
    static func joined(_ texts: [String]) -> String {
        guard texts.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            var seen = Set<Substring>()
            let words = texts.joined(separator: " ").lowercased().split(whereSeparator: \.isWhitespace)
            return words.filter { seen.insert($0).inserted }.joined(separator: " ")
        }
        var table = WordTable()
        for text in texts {
            var text = text
            text.withUTF8 { table.add(words: $0) }
        }
        return String(decoding: table.output, as: UTF8.self)
    }

    /// The words kept so far, written out as they are kept, with an
    /// open-addressing table of where each lies in the output.
    private struct WordTable {
        private(set) var output: [UInt8] = []
        /// Start and length of a kept word in `output`; length 0 marks a free slot.
        private var slots = [(start: Int, length: Int)](repeating: (0, 0), count: 64)
        private var count = 0
        /// The word being looked up, lowercased (one buffer for all of them).
        private var word: [UInt8] = []

        mutating func add(words text: UnsafeBufferPointer<UInt8>) {
            var start = 0
            while start < text.count {
                while start < text.count, Self.isSpace(text[start]) { start += 1 }
                var end = start
                while end < text.count, !Self.isSpace(text[end]) { end += 1 }
                if end > start { add(word: UnsafeBufferPointer(rebasing: text[start..<end])) }
                start = end
            }
        }

        private mutating func add(word text: UnsafeBufferPointer<UInt8>) {
            word.removeAll(keepingCapacity: true)
            for byte in text { word.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte) }
            var slot = Self.hash(word) & (slots.count - 1)
            while slots[slot].length != 0 {
                let kept = slots[slot]
                if kept.length == word.count, output[kept.start..<kept.start + kept.length].elementsEqual(word) { return }
                slot = (slot + 1) & (slots.count - 1)
            }
            if !output.isEmpty { output.append(UInt8(ascii: " ")) }
            slots[slot] = (output.count, word.count)
            output += word
            count += 1
            if count * 2 > slots.count { grow() }
        }

        /// Doubles the table, placing every kept word again.
        private mutating func grow() {
            let kept = slots.filter { $0.length != 0 }
            slots = Array(repeating: (0, 0), count: slots.count * 2)
            for word in kept {
                var slot = Self.hash(output[word.start..<word.start + word.length]) & (slots.count - 1)
                while slots[slot].length != 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = word
            }
        }

        /// FNV-1a: the table only needs words spread over its slots.
        private static func hash(_ bytes: some Sequence<UInt8>) -> Int {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 32))
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
        }
    }
}
