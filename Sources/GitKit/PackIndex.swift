/// A pack's index file (`.idx`, version 2): the ids of the objects the pack
/// holds, sorted, and where each one starts in the pack.
///
/// Every count and offset is checked against the file's size before use, so a
/// damaged index is refused (nil) rather than read out of bounds.
struct PackIndex {
    private let file: MappedFile
    let count: Int
    private let namesStart = 8 + 256 * 4
    private var offsetsStart: Int { namesStart + count * 24 }
    private var largeOffsetsStart: Int { offsetsStart + count * 4 }
    private let largeOffsetCount: Int

    init?(file: MappedFile) {
        let bytes = file.bytes
        // Version 1 indexes (git before 1.5.2) have no header; libgit2 reads those.
        guard bytes.count >= 8 + 256 * 4 + 40, bytes.bigEndianWord(at: 0) == 0xff74_4f63, bytes.bigEndianWord(at: 4) == 2
        else { return nil }
        var previous: UInt32 = 0
        for slot in 0..<256 {
            let value = bytes.bigEndianWord(at: 8 + slot * 4)
            guard value >= previous else { return nil }
            previous = value
        }
        count = Int(previous)
        let fixed = 8 + 256 * 4 + count * (20 + 4 + 4) + 40
        guard bytes.count >= fixed, (bytes.count - fixed) % 8 == 0 else { return nil }
        largeOffsetCount = (bytes.count - fixed) / 8
        self.file = file
    }

    /// The checksum of the pack this index was written for (its last 20 bytes).
    var packChecksum: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: file.bytes[file.bytes.count - 40..<file.bytes.count - 20])
    }

    /// Where the object starts in the pack, if the pack has it.
    func offset(of id: ObjectID) -> Int? {
        let bytes = file.bytes
        let first = Int(id.firstByte)
        var low = first == 0 ? 0 : Int(bytes.bigEndianWord(at: 8 + (first - 1) * 4))
        var high = Int(bytes.bigEndianWord(at: 8 + first * 4))
        let key = id.leadingWord
        while low < high {
            let middle = (low + high) / 2
            let start = namesStart + middle * 20
            // The first eight bytes nearly always decide; the whole id only when they tie.
            let word = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self))
            var isBelow = word < key
            if word == key {
                let name = ObjectID(rawBytes: UnsafeRawBufferPointer(rebasing: bytes[start..<start + 20]))!
                if name == id { return offset(at: middle) }
                isBelow = name < id
            }
            if isBelow { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private func offset(at position: Int) -> Int? {
        let value = file.bytes.bigEndianWord(at: offsetsStart + position * 4)
        guard value & 0x8000_0000 != 0 else { return Int(value) }
        let large = Int(value & 0x7fff_ffff)
        guard large < largeOffsetCount else { return nil }
        let start = largeOffsetsStart + large * 8
        let high = UInt64(file.bytes.bigEndianWord(at: start)), low = UInt64(file.bytes.bigEndianWord(at: start + 4))
        let offset = high << 32 | low
        return offset < UInt64(Int.max) ? Int(offset) : nil
    }
}
