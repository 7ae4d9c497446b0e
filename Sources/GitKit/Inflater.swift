internal import CDeflate
internal import CGit2

/// Inflates the zlib streams of a pack's objects, with state set up once
/// rather than per object (libgit2 allocates and frees zlib's state and
/// window for each, a fair share of reading hundreds of thousands of small
/// ones). Not for use by two threads at once.
final class Inflater {
    /// Whole objects, whose size the pack records: libdeflate, in one call.
    private let decompressor = libdeflate_alloc_decompressor()
    /// Headers, a few bytes from the start of a stream: zlib, which can stop
    /// there (libdeflate inflates only whole streams).
    /// zlib keeps a pointer back to the stream, so it must not move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let ready: Bool

    init() {
        stream.initialize(to: z_stream())
        ready = runbook_inflate_init(stream) == Z_OK
    }

    deinit {
        if let decompressor { libdeflate_free_decompressor(decompressor) }
        if ready { inflateEnd(stream) }
        stream.deallocate()
    }

    /// The `size` bytes the zlib stream at the start of `input` inflates to;
    /// nil unless the stream is whole, its checksum right, and it holds
    /// exactly that many. The input may run on past the stream's end (a
    /// pack's next object).
    func inflate(_ input: UnsafeRawBufferPointer, size: Int) -> [UInt8]? {
        consumed = 0
        guard let decompressor, let start = input.baseAddress else { return nil }
        var read = 0
        var result = LIBDEFLATE_BAD_DATA
        // No count of bytes written asked for: libdeflate then fails a stream
        // that holds fewer than `size` bytes, as well as one that holds more.
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            result = libdeflate_zlib_decompress_ex(decompressor, start, input.count, buffer.baseAddress, size, &read, nil)
            count = result == LIBDEFLATE_SUCCESS ? size : 0
        }
        guard result == LIBDEFLATE_SUCCESS else { return nil }
        consumed = read
        return output
    }

    /// At most the first `limit` bytes the stream inflates to, for headers.
    func inflatePrefix(_ input: UnsafeRawBufferPointer, limit: Int) -> [UInt8]? {
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: limit) { buffer, count in
            let result = run(input, into: buffer, flush: Z_SYNC_FLUSH)
            failed = result.status != Z_OK && result.status != Z_STREAM_END && result.status != Z_BUF_ERROR
            count = result.produced
        }
        return failed ? nil : output
    }

    /// One call of zlib's inflate from the start of `input` into `buffer`:
    /// its status and how many bytes it wrote and read.
    private func run(
        _ input: UnsafeRawBufferPointer, into buffer: UnsafeMutableBufferPointer<UInt8>, flush: Int32
    ) -> (status: Int32, produced: Int, consumed: Int) {
        guard ready, let start = input.baseAddress, inflateReset(stream) == Z_OK else { return (Z_STREAM_ERROR, 0, 0) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: start.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(min(input.count, Int(UInt32.max)))
        stream.pointee.next_out = buffer.baseAddress
        stream.pointee.avail_out = UInt32(buffer.count)
        let status = CGit2.inflate(stream, flush)
        return (status, Int(stream.pointee.total_out), Int(stream.pointee.total_in))
    }

    /// How many input bytes the last `inflate` read, to know what it touched.
    private(set) var consumed = 0
}
