import GitKit

/// Appends fixed-width little-endian numbers, ids and length-prefixed
/// strings to a byte buffer: the payload of the build's cache files.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Empties the buffer, keeping its storage for the next record.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func write(_ value: UInt8) { bytes.append(value) }
    mutating func write(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func write(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func write(_ value: Int64) { write(UInt64(bitPattern: value)) }
    public mutating func write(_ id: ObjectID) { id.withRawBytes { bytes.append(contentsOf: $0) } }
    mutating func write(_ side: TreeChange.Side) {
        write(side.id)
        write(side.mode)
    }

    public mutating func write(count: Int) { write(UInt32(clamping: count)) }

    /// A string table: its count, then each string.
    public mutating func write(strings: [String]) {
        write(count: strings.count)
        for string in strings { write(string) }
    }

    /// A flag per object id (blob statuses): its count, then each id and flag, in id order.
    mutating func write(flags: [ObjectID: Bool]) {
        write(count: flags.count)
        for (id, flag) in flags.sorted(by: { $0.key < $1.key }) {
            write(id)
            write(flag)
        }
    }

    /// A signature's time and offset; its name and email are for the caller to write.
    mutating func write(timeOf signature: Signature) {
        write(signature.time)
        write(Int64(signature.offsetMinutes))
    }

    /// Overwrites a count written earlier at `offset`: a length known only once what follows is written.
    mutating func patch(count: Int, at offset: Int) {
        withUnsafeBytes(of: UInt32(clamping: count).littleEndian) { bytes.replaceSubrange(offset..<offset + 4, with: $0) }
    }

    mutating func write(raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func write(_ value: Int) { write(Int64(value)) }

    public mutating func write(_ flag: Bool) { write(UInt8(flag ? 1 : 0)) }

    /// Its length, then its UTF-8.
    public mutating func write(_ text: String) {
        write(count: text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// Whether it is there, then the text.
    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }
}
