/// git's delta format: the sizes of the base and of the result, then
/// instructions that either copy a range of the base or insert literal bytes.
///
/// Every instruction is checked against both buffers, so a damaged delta gives
/// nil, never a read or write out of bounds.
enum PackDelta {
    /// The result's size, read from the delta's header alone.
    static func resultSize(_ delta: UnsafeRawBufferPointer) -> Int? {
        var position = 0
        guard readSize(delta, &position) != nil else { return nil }
        return readSize(delta, &position)
    }

    /// The object `delta` makes from `base`; nil if it would be larger than `limit`.
    static func apply(_ delta: UnsafeRawBufferPointer, to base: UnsafeRawBufferPointer, limit: Int) -> [UInt8]? {
        var position = 0
        guard readSize(delta, &position) == base.count, let size = readSize(delta, &position), size <= limit
        else { return nil }
        var valid = true
        let result = [UInt8](unsafeUninitializedCapacity: size) { output, count in
            count = 0
            while position < delta.count {
                let instruction = delta[position]
                position += 1
                if instruction & 0x80 != 0 {
                    // Copy: bits 0-3 say which offset bytes follow, bits 4-6 which size bytes.
                    var offset = 0, length = 0
                    for bit in 0..<7 where instruction & (1 << bit) != 0 {
                        guard position < delta.count else { valid = false; return }
                        let value = Int(delta[position])
                        position += 1
                        if bit < 4 { offset |= value << (8 * bit) } else { length |= value << (8 * (bit - 4)) }
                    }
                    if length == 0 { length = 0x10000 }
                    guard offset + length <= base.count, count + length <= size else { valid = false; return }
                    UnsafeMutableRawPointer(output.baseAddress! + count)
                        .copyMemory(from: base.baseAddress! + offset, byteCount: length)
                    count += length
                } else if instruction != 0 {
                    let length = Int(instruction)
                    guard position + length <= delta.count, count + length <= size else { valid = false; return }
                    UnsafeMutableRawPointer(output.baseAddress! + count)
                        .copyMemory(from: delta.baseAddress! + position, byteCount: length)
                    position += length
                    count += length
                } else {
                    // Reserved by git; never written.
                    valid = false
                    return
                }
            }
            valid = count == size
        }
        return valid ? result : nil
    }

    /// A little-endian base-128 size; nil past the end or beyond 2^56.
    private static func readSize(_ delta: UnsafeRawBufferPointer, _ position: inout Int) -> Int? {
        var size = 0, shift = 0
        while position < delta.count, shift <= 49 {
            let byte = delta[position]
            position += 1
            size |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return size }
            shift += 7
        }
        return nil
    }
}
