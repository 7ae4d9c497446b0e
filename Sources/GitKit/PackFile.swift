/// A pack file (`.pack`, version 2 or 3) and its index, read in place.
///
/// Only entries are parsed here; inflating and resolving deltas is
/// `PackReader`'s. Every header is checked against the file's size.
final class PackFile {
    let index: PackIndex
    let data: MappedFile
    /// Where the entries end: the file's last 20 bytes are its checksum.
    private let end: Int

    /// One entry's header.
    struct Entry {
        enum Content {
            /// A whole object of this type (1 commit, 2 tree, 3 blob, 4 tag: libgit2's numbering too).
            case object(type: Int32)
            /// A delta against the entry at this offset.
            case delta(baseOffset: Int)
            /// A delta against an object named by id, which may be in another pack.
            case deltaAgainst(ObjectID)
        }
        let content: Content
        /// The size of what the zlib data inflates to (the object, or the delta).
        let size: Int
        /// Where the zlib data starts.
        let dataOffset: Int
    }

    init?(indexPath: String, packPath: String, residentLimit: Int) {
        guard let indexFile = MappedFile(path: indexPath, residentLimit: Int.max),
              let index = PackIndex(file: indexFile),
              let data = MappedFile(path: packPath, residentLimit: residentLimit),
              data.bytes.count >= 12 + 20,
              // Offsets sit under 2^40 in PackReader's cache keys; git's own limit is far lower.
              data.bytes.count < 1 << 40,
              data.bytes.bigEndianWord(at: 0) == 0x5041_434b,  // "PACK"
              [2, 3].contains(data.bytes.bigEndianWord(at: 4)),
              Int(data.bytes.bigEndianWord(at: 8)) == index.count,
              // An index written for another pack (a stale one beside a repack) would
              // send every lookup to the wrong object: as libgit2, refuse the pair.
              data.bytes[(data.bytes.count - 20)...].elementsEqual(index.packChecksum)
        else { return nil }
        self.index = index
        self.data = data
        end = data.bytes.count - 20
    }

    /// The entry starting at `offset`; nil if its header is malformed or runs out of the file.
    func entry(at offset: Int) -> Entry? {
        guard offset >= 12, offset < end else { return nil }
        let bytes = data.bytes
        var position = offset
        var byte = bytes[position]
        position += 1
        let type = Int32((byte >> 4) & 7)
        var size = Int(byte & 0x0f), shift = 4
        while byte & 0x80 != 0 {
            guard position < end, shift <= 53 else { return nil }
            byte = bytes[position]
            position += 1
            size |= Int(byte & 0x7f) << shift
            shift += 7
        }
        let content: Entry.Content
        switch type {
        case 1...4:
            content = .object(type: type)
        case 6:
            // A big-endian base-128 distance back, with 1 added per continuation byte.
            guard position < end else { return nil }
            byte = bytes[position]
            position += 1
            var distance = Int(byte & 0x7f)
            while byte & 0x80 != 0 {
                guard position < end, distance < 1 << 48 else { return nil }
                byte = bytes[position]
                position += 1
                distance = ((distance + 1) << 7) | Int(byte & 0x7f)
            }
            guard distance > 0, distance < offset else { return nil }
            content = .delta(baseOffset: offset - distance)
        case 7:
            guard position + 20 <= end else { return nil }
            content = .deltaAgainst(ObjectID(rawBytes: UnsafeRawBufferPointer(rebasing: bytes[position..<position + 20]))!)
            position += 20
        default:
            return nil
        }
        data.noteTouched(offset..<position)
        return Entry(content: content, size: size, dataOffset: position)
    }

    /// The compressed data of an entry: from its start to the end of the entries.
    func compressedData(of entry: Entry) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: data.bytes[entry.dataOffset..<end])
    }
}
