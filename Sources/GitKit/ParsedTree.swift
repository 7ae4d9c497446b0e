/// A tree object's entries as stored: in git's order, names as raw bytes.
///
/// Parsed from the object's bytes directly (`<octal mode> <name>\0<20-byte id>`
/// repeated) because the history walk reads hundreds of thousands of trees
/// and needs nothing but names, modes and ids from them.
struct ParsedTree {
    struct Entry {
        let nameStart: Int32
        let nameCount: Int32
        let mode: UInt32
        let id: ObjectID

        var isDirectory: Bool { mode & 0o170000 == 0o040000 }
    }

    let entries: [Entry]
    /// Every entry's name, back to back.
    let names: [UInt8]

    static let empty = ParsedTree(entries: [], names: [])

    private init(entries: [Entry], names: [UInt8]) {
        self.entries = entries
        self.names = names
    }

    /// Fails on a truncated or malformed entry rather than guessing: a tree
    /// read wrongly would silently misattribute history.
    init(id: ObjectID, raw: UnsafeRawBufferPointer) throws {
        let bytes = raw.bindMemory(to: UInt8.self)
        var entries: [Entry] = []
        var names: [UInt8] = []
        names.reserveCapacity(bytes.count)
        var position = 0
        while position < bytes.count {
            var mode: UInt32 = 0
            var digits = 0
            while position < bytes.count, bytes[position] != UInt8(ascii: " ") {
                let byte = bytes[position]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7"), digits < 7 else { throw Self.malformed(id) }
                mode = mode << 3 | UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                position += 1
            }
            guard digits > 0, position < bytes.count else { throw Self.malformed(id) }
            position += 1
            let nameStart = position
            while position < bytes.count, bytes[position] != 0 { position += 1 }
            guard position > nameStart, position + 21 <= bytes.count,
                  let entryID = ObjectID(rawBytes: UnsafeRawBufferPointer(rebasing: raw[(position + 1)..<(position + 21)]))
            else { throw Self.malformed(id) }
            entries.append(Entry(
                nameStart: Int32(names.count), nameCount: Int32(position - nameStart), mode: mode, id: entryID))
            names.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[nameStart..<position]))
            position += 21
        }
        self.entries = entries
        self.names = names
    }

    func name(of entry: Entry) -> ArraySlice<UInt8> {
        names[Int(entry.nameStart)..<Int(entry.nameStart + entry.nameCount)]
    }

    /// git's `base_name_compare`: names compare as bytes, a directory as if
    /// its name ended in "/", which is the order entries are stored in.
    static func order(_ left: Entry, in leftTree: ParsedTree, _ right: Entry, in rightTree: ParsedTree) -> Int {
        let leftName = leftTree.name(of: left)
        let rightName = rightTree.name(of: right)
        var leftIndex = leftName.startIndex
        var rightIndex = rightName.startIndex
        while leftIndex < leftName.endIndex, rightIndex < rightName.endIndex {
            let l = leftName[leftIndex], r = rightName[rightIndex]
            if l != r { return l < r ? -1 : 1 }
            leftIndex += 1
            rightIndex += 1
        }
        let l: UInt8 = leftIndex < leftName.endIndex ? leftName[leftIndex] : (left.isDirectory ? UInt8(ascii: "/") : 0)
        let r: UInt8 = rightIndex < rightName.endIndex ? rightName[rightIndex] : (right.isDirectory ? UInt8(ascii: "/") : 0)
        return l == r ? 0 : (l < r ? -1 : 1)
    }

    private static func malformed(_ id: ObjectID) -> GitError {
        GitError(code: -1, function: "git_odb_read", message: "tree \(id) is malformed", context: "cannot read tree \(id)")
    }
}
