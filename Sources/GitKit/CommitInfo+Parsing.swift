extension CommitInfo {
    /// Parses a raw commit object the way git's `parse_commit_buffer` reads
    /// it: a `tree` line first, then consecutive `parent` lines; the `author`
    /// and `committer` identities are the first such header lines; other
    /// headers (`encoding`, `gpgsig` with its continuation lines, ...) are
    /// skipped.
    ///
    /// A missing or malformed `tree` line makes the object unusable and is an
    /// error; a malformed identity reads as an empty name and time 0, as git
    /// falls back too, so one odd commit never stops a build.
    init(id: ObjectID, raw: UnsafeRawBufferPointer) throws {
        let bytes = raw.bindMemory(to: UInt8.self)
        var lines = HeaderLines(bytes)
        guard let first = lines.next(), let treeHex = Self.value(of: "tree ", in: first), let tree = Self.objectID(hex: treeHex) else {
            throw GitError(code: -1, function: "git_odb_read", message: "commit \(id) has no valid tree line", context: "cannot parse commit \(id)")
        }
        var parents: [ObjectID] = []
        var line = lines.next()
        while let current = line, let hex = Self.value(of: "parent ", in: current), let parent = Self.objectID(hex: hex) {
            parents.append(parent)
            line = lines.next()
        }
        // git's commit date: an `author` line right after the parents, then
        // `committer`, whose date follows its first `>`.
        var date: UInt64 = 0
        if let authorLine = line, Self.value(of: "author", in: authorLine) != nil,
           let committerLine = lines.peek(), let value = Self.value(of: "committer", in: committerLine),
           let close = value.firstIndex(of: UInt8(ascii: ">")) {
            date = Self.unsignedTimestamp(UnsafeBufferPointer(rebasing: value[(close + 1)...]))
        }
        var author: Signature?
        var committer: Signature?
        while let current = line {
            if author == nil, let value = Self.value(of: "author ", in: current) {
                author = Self.signature(value)
            } else if committer == nil, let value = Self.value(of: "committer ", in: current) {
                committer = Self.signature(value)
            }
            line = lines.next()
        }
        let body = lines.remainder
        let message = body.isEmpty ? "" : String(decoding: body, as: UTF8.self)
        let nobody = Signature(name: "", email: "", time: 0, offsetMinutes: 0)
        self.init(
            id: id, tree: tree, parents: parents, author: author ?? nobody, committer: committer ?? nobody, date: date,
            message: message)
    }

    /// The header's lines, up to the blank line that starts the message.
    private struct HeaderLines {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var finished = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func next() -> UnsafeBufferPointer<UInt8>? {
            guard let (line, end) = lineAt(position) else { return nil }
            position = end + 1
            return line
        }

        func peek() -> UnsafeBufferPointer<UInt8>? { lineAt(position)?.line }

        private func lineAt(_ start: Int) -> (line: UnsafeBufferPointer<UInt8>, end: Int)? {
            guard start < bytes.count else { return nil }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            guard end > start else { return nil }  // the blank line: the header is over
            return (UnsafeBufferPointer(rebasing: bytes[start..<end]), end)
        }

        /// The message: what follows the header's blank line.
        var remainder: UnsafeBufferPointer<UInt8> {
            var start = position
            while let (_, end) = lineAt(start) { start = end + 1 }
            start += 1
            return start < bytes.count ? UnsafeBufferPointer(rebasing: bytes[start...]) : UnsafeBufferPointer(start: nil, count: 0)
        }
    }

    private static func value(of key: StaticString, in line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        let length = key.utf8CodeUnitCount
        guard line.count >= length else { return nil }
        for index in 0..<length where line[index] != key.utf8Start[index] { return nil }
        return UnsafeBufferPointer(rebasing: line[length...])
    }

    private static func objectID(hex: UnsafeBufferPointer<UInt8>) -> ObjectID? {
        guard hex.count >= 40 else { return nil }
        return ObjectID(hex: String(decoding: UnsafeBufferPointer(rebasing: hex[0..<40]), as: UTF8.self))
    }

    /// C's `strtoumax(text, NULL, 10)`, which git uses for commit dates:
    /// leading white space, an optional sign (a `-` wraps around, as in C),
    /// digits; saturates at the maximum on overflow.
    private static func unsignedTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var index = 0
        while index < text.count, [9, 10, 11, 12, 13, 32].contains(text[index]) { index += 1 }
        var negative = false
        if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var value: UInt64 = 0
        while index < text.count, let digit = decimal(text[index]) {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(digit))
            if overflow || carry { return UInt64.max }
            value = sum
            index += 1
        }
        return negative ? 0 &- value : value
    }

    /// `Name <email> 1700000000 +0100` as git's `split_ident_line` reads it:
    /// the name is everything before the first `<` (trailing spaces dropped),
    /// the email runs to the next `>`, and the date follows the last `>`.
    private static func signature(_ ident: UnsafeBufferPointer<UInt8>) -> Signature {
        guard let open = ident.firstIndex(of: UInt8(ascii: "<")),
              let close = ident[open...].firstIndex(of: UInt8(ascii: ">")),
              let last = ident.lastIndex(of: UInt8(ascii: ">"))
        else {
            return Signature(name: String(decoding: ident, as: UTF8.self), email: "", time: 0, offsetMinutes: 0)
        }
        var nameEnd = open
        while nameEnd > 0, ident[nameEnd - 1] == UInt8(ascii: " ") || ident[nameEnd - 1] == UInt8(ascii: "\t") { nameEnd -= 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: ident[0..<nameEnd]), as: UTF8.self)
        let email = String(decoding: UnsafeBufferPointer(rebasing: ident[(open + 1)..<close]), as: UTF8.self)
        var index = last + 1
        while index < ident.count, ident[index] == UInt8(ascii: " ") { index += 1 }
        var time: Int64 = 0
        var sawDigit = false
        while index < ident.count, let digit = decimal(ident[index]) {
            // Saturate rather than trap on absurd dates: the input is untrusted.
            let (shifted, overflow) = time.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int64(digit))
            time = overflow || carry ? Int64.max : sum
            sawDigit = true
            index += 1
        }
        while index < ident.count, ident[index] == UInt8(ascii: " ") { index += 1 }
        var offset = 0
        if sawDigit, index + 5 <= ident.count, ident[index] == UInt8(ascii: "+") || ident[index] == UInt8(ascii: "-"),
           let h1 = decimal(ident[index + 1]), let h2 = decimal(ident[index + 2]),
           let m1 = decimal(ident[index + 3]), let m2 = decimal(ident[index + 4]) {
            offset = (h1 * 10 + h2) * 60 + m1 * 10 + m2
            if ident[index] == UInt8(ascii: "-") { offset = -offset }
        }
        return Signature(name: name, email: email, time: time, offsetMinutes: offset)
    }

    private static func decimal(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
