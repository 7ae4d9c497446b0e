#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The directory tree ids git keeps in the index (its "cache tree", the `TREE`
/// extension): for each directory no `git add` has touched since the tree was last
/// written, the id of its tree. It is what lets git compare the index with a commit
/// without reading the commit's whole tree, and libgit2 1.5 keeps it private, so it
/// is read here from the index file.
///
/// Only what is needed is read: the entries are skipped (their layout is git's
/// index format, versions 2 to 4), and the extensions are searched for `TREE`.
/// Anything unexpected makes `init` fail, and the caller then compares the slow
/// way: a wrong reading would make a staged lint skip a changed runbook.
struct IndexTreeCache {
    /// Valid directories by path bytes (empty for the root, `a/b` for a
    /// subdirectory), with their tree ids.
    let trees: [[UInt8]: ObjectID]

    /// - Parameters:
    ///   - file: the index file's bytes.
    ///   - checksum: the trailing checksum of the index libgit2 read, so a file
    ///     rewritten in between (by a concurrent `git add`) is not mixed with it.
    init?(file: UnsafeRawBufferPointer, checksum: ObjectID) {
        var reader = Reader(bytes: file)
        let idLength = 20
        guard file.count >= 12 + idLength,
              ObjectID(rawBytes: UnsafeRawBufferPointer(rebasing: file[(file.count - idLength)...])) == checksum,
              reader.bytes(4).map(Array.init) == Array("DIRC".utf8),
              let version = reader.bigEndian32(), (2...4).contains(version),
              let count = reader.bigEndian32()
        else { return nil }
        let end = file.count - idLength
        for _ in 0..<count {
            guard reader.skipEntry(version: version, end: end) else { return nil }
        }
        while reader.offset + 8 <= end {
            guard let signature = reader.bytes(4).map(Array.init), let size = reader.bigEndian32(),
                  size <= end - reader.offset, let data = reader.bytes(Int(size))
            else { return nil }
            if signature == Array("TREE".utf8) {
                guard let trees = Self.trees(in: data, idLength: idLength) else { return nil }
                self.trees = trees
                return
            }
        }
        return nil
    }

    /// The extension's nodes, in pre-order: `<name>\0<entry count> <subtree count>\n`,
    /// then the tree id when the entry count is not -1 (an invalidated directory).
    private static func trees(in data: UnsafeRawBufferPointer, idLength: Int) -> [[UInt8]: ObjectID]? {
        var reader = Reader(bytes: data)
        var trees: [[UInt8]: ObjectID] = [:]
        // The open directories: their paths and how many subtrees each has still to come.
        var parents: [(path: [UInt8], remaining: Int)] = []
        while reader.offset < data.count {
            guard let name = reader.bytes(upTo: 0), let entries = reader.number(upTo: UInt8(ascii: " ")),
                  let subtrees = reader.number(upTo: UInt8(ascii: "\n")), entries >= -1, subtrees >= 0
            else { return nil }
            let path: [UInt8]
            if let parent = parents.last {
                guard !name.isEmpty, parent.remaining > 0 else { return nil }
                parents[parents.count - 1].remaining -= 1
                path = (parent.path.isEmpty ? [] : parent.path + [UInt8(ascii: "/")]) + name
            } else {
                // Only the root has an empty name, and it comes once, first.
                guard name.isEmpty, trees.isEmpty else { return nil }
                path = []
            }
            if entries >= 0 {
                guard let id = reader.bytes(idLength).flatMap(ObjectID.init(rawBytes:)) else { return nil }
                trees[path] = id
            }
            parents.append((path, subtrees))
            while let last = parents.last, last.remaining == 0, parents.count > 1 || reader.offset == data.count {
                parents.removeLast()
            }
        }
        // Every subtree announced was read.
        return parents.allSatisfy({ $0.remaining == 0 }) ? trees : nil
    }

    /// A cursor over bytes that never reads past the end.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
            guard count >= 0, bytes.count - offset >= count else { return nil }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        }

        mutating func bigEndian32() -> Int? {
            bytes(4).map { Int(UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self))) }
        }

        /// The bytes before the next `terminator`, which is consumed too.
        mutating func bytes(upTo terminator: UInt8) -> UnsafeRawBufferPointer? {
            guard offset < bytes.count,
                  let found = memchr(bytes.baseAddress! + offset, Int32(terminator), bytes.count - offset)
            else { return nil }
            let end = UnsafeRawPointer(found) - bytes.baseAddress!
            defer { offset = end + 1 }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<end])
        }

        /// A decimal number, optionally negative, before `terminator`.
        mutating func number(upTo terminator: UInt8) -> Int? {
            guard let text = bytes(upTo: terminator), !text.isEmpty, text.count <= 10 else { return nil }
            return Int(String(decoding: text, as: UTF8.self))
        }

        /// Skips one index entry: 40 bytes of file status, the 20-byte id, 2 bytes of
        /// flags (and 2 more when the extended flag is set, from version 3), then the
        /// path: NUL-terminated and padded to a multiple of 8 bytes in versions 2 and 3;
        /// in version 4, a number of bytes to drop from the previous path and the
        /// NUL-terminated rest, unpadded.
        mutating func skipEntry(version: Int, end: Int) -> Bool {
            let start = offset
            guard let flags = bytes(62).map({ UInt16(bigEndian: $0.loadUnaligned(fromByteOffset: 60, as: UInt16.self)) })
            else { return false }
            if flags & 0x4000 != 0 {
                guard version >= 3, bytes(2) != nil else { return false }
            }
            if version == 4 {
                guard skipVarint(), bytes(upTo: 0) != nil else { return false }
            } else {
                // The flags hold the path's length, unless it is 0xFFF or more.
                let fixed = offset - start
                var length = Int(flags & 0x0FFF)
                if length == 0x0FFF {
                    guard let path = bytes(upTo: 0) else { return false }
                    length = path.count
                }
                offset = start + (fixed + length + 8) / 8 * 8
                guard offset <= end, bytes[offset - 1] == 0 else { return false }
            }
            return offset <= end
        }

        /// git's offset varint: 7 bits a byte, high bit set on all but the last.
        private mutating func skipVarint() -> Bool {
            for _ in 0..<10 {
                guard let byte = bytes(1)?.first else { return false }
                if byte & 0x80 == 0 { return true }
            }
            return false
        }
    }
}
