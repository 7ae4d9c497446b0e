extension UnsafeRawBufferPointer {
    /// The big-endian 32-bit word at `offset`, as pack and index files store
    /// numbers; `offset + 4` must be within the buffer.
    func bigEndianWord(at offset: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
}
