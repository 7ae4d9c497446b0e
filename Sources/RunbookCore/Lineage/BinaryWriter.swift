import GitKit

/// Appends fixed-width little-endian numbers, ids and strings to a byte
/// buffer; strings go into a table written first and are referred to by
/// index, since paths and authors repeat across thousands of commits.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }
    mutating func write(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func write(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func write(_ value: Int64) { write(UInt64(bitPattern: value)) }
    mutating func write(_ id: ObjectID) { bytes.append(contentsOf: id.rawBytes) }
    mutating func write(_ side: TreeChange.Side) {
        write(side.id)
        write(side.mode)
    }

    mutating func write(count: Int) { write(UInt32(clamping: count)) }

    mutating func write(raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }
}
