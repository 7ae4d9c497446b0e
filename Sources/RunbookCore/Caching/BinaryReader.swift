import GitKit

/// Reads what `BinaryWriter` wrote, checking every length against what is
/// left, so a damaged file throws instead of reading out of bounds or
/// allocating a huge array from a garbage count.
public struct BinaryReader {
    public struct Damaged: Error {}

    private let buffer: UnsafeRawBufferPointer
    private var offset = 0

    public init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
    }

    public var isAtEnd: Bool { offset == buffer.count }

    /// How many bytes have been read.
    var position: Int { offset }

    mutating func bytes(_ count: Int) throws(Damaged) -> UnsafeRawBufferPointer {
        guard count >= 0, buffer.count - offset >= count else { throw Damaged() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
    }

    public mutating func uint8() throws(Damaged) -> UInt8 { try bytes(1)[0] }
    mutating func uint32() throws(Damaged) -> UInt32 { UInt32(littleEndian: try bytes(4).loadUnaligned(as: UInt32.self)) }
    public mutating func uint64() throws(Damaged) -> UInt64 { UInt64(littleEndian: try bytes(8).loadUnaligned(as: UInt64.self)) }
    public mutating func int64() throws(Damaged) -> Int64 { Int64(bitPattern: try uint64()) }

    mutating func int() throws(Damaged) -> Int {
        guard let value = Int(exactly: try int64()) else { throw Damaged() }
        return value
    }

    public mutating func bool() throws(Damaged) -> Bool {
        switch try uint8() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    /// Text as `BinaryWriter` writes it: its length, then UTF-8 that must be valid.
    public mutating func string() throws(Damaged) -> String {
        let utf8 = try text()
        // ASCII is valid UTF-8 as it is, and nearly all cached text is ASCII:
        // `String(validating:)` goes through generic code that took three
        // times as long, for 10,000 records' hundreds of strings each.
        var bits: UInt8 = 0
        for byte in utf8 { bits |= byte }
        if bits < 0x80 { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw Damaged() }
        return text
    }

    /// Whether the next text, as `BinaryWriter` wrote it, is `text`: a
    /// comparison of bytes, without making a string of them.
    public mutating func matches(_ text: String) throws(Damaged) -> Bool {
        try self.text().elementsEqual(text.utf8)
    }

    /// The bytes of the next text: its length, then that many bytes.
    private mutating func text() throws(Damaged) -> UnsafeRawBufferPointer {
        try bytes(Int(try uint32()))
    }

    mutating func optionalString() throws(Damaged) -> String? {
        try bool() ? try string() : nil
    }

    public mutating func objectID() throws(Damaged) -> ObjectID {
        guard let id = ObjectID(rawBytes: try bytes(20)) else { throw Damaged() }
        return id
    }

    /// A count of records that each take at least `minimumSize` bytes: more
    /// than the rest of the file could hold means the file is damaged.
    public mutating func count(ofRecordsAtLeast minimumSize: Int) throws(Damaged) -> Int {
        let count = Int(try uint32())
        guard count * max(1, minimumSize) <= buffer.count - offset else { throw Damaged() }
        return count
    }

    /// An index into a table of `limit` entries.
    mutating func index(below limit: Int) throws(Damaged) -> Int {
        let index = Int(try uint32())
        guard index < limit else { throw Damaged() }
        return index
    }

    /// A string table as `BinaryWriter.write(strings:)` wrote it.
    mutating func strings() throws(Damaged) -> [String] {
        var strings: [String] = []
        for _ in 0..<(try count(ofRecordsAtLeast: 4)) { strings.append(try string()) }
        return strings
    }

    /// Flags by object id as `BinaryWriter.write(flags:)` wrote them.
    mutating func flags() throws(Damaged) -> [ObjectID: Bool] {
        var flags: [ObjectID: Bool] = [:]
        for _ in 0..<(try count(ofRecordsAtLeast: 21)) {
            let id = try objectID()
            flags[id] = try bool()
        }
        return flags
    }

    /// A signature's time and offset as `BinaryWriter.write(timeOf:)` wrote
    /// them, with the name and email it has (often from a string table).
    mutating func signature(name: String, email: String) throws(Damaged) -> Signature {
        let time = try int64(), offset = try int64()
        // Git offsets are ±HHMM, so at most 99 * 60 + 99 minutes either way.
        guard let minutes = Int(exactly: offset), (-6039...6039).contains(minutes) else { throw Damaged() }
        return Signature(name: name, email: email, time: time, offsetMinutes: minutes)
    }
}
