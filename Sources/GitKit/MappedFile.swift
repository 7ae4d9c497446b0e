#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A whole file mapped read-only, unmapped when released.
///
/// Mapped pages count as the process's memory once touched, so a reader that
/// sweeps a large file calls `noteTouched` for what it reads and the pages are
/// given back (they stay in the page cache) whenever more than `residentLimit`
/// bytes may be resident.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    private let residentLimit: Int
    /// One bit per block of `blockSize` bytes touched since the last release.
    private var touchedBlocks: [UInt64]
    private var touchedCount = 0
    /// A fault maps more than the page it needs: the pages around it (64 KB
    /// by default), and since Linux 6.18 the whole folio of the page cache
    /// holding it, which can be as large as 2 MB. So a block is 2 MB, counted
    /// whole.
    private static let blockShift = 21

    /// Maps the regular file at `path`; nil if it cannot be opened, is empty or
    /// cannot be mapped.
    init?(path: String, residentLimit: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
              let start = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0),
              start != MAP_FAILED
        else { return nil }
        bytes = UnsafeRawBufferPointer(start: start, count: Int(status.st_size))
        self.residentLimit = residentLimit
        touchedBlocks = Array(repeating: 0, count: (Int(status.st_size) >> Self.blockShift) / 64 + 1)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    /// Records that `range` was read, giving every page back first if that
    /// would take the mapping past its limit.
    func noteTouched(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        for block in (range.lowerBound >> Self.blockShift)...((range.upperBound - 1) >> Self.blockShift) {
            let bit: UInt64 = 1 << UInt64(block & 63)
            guard touchedBlocks[block >> 6] & bit == 0 else { continue }
            if (touchedCount + 1) << Self.blockShift > residentLimit { releaseResidentPages() }
            touchedBlocks[block >> 6] |= bit
            touchedCount += 1
        }
    }

    /// Gives back the pages from the first touched block to the last, in one
    /// call: the kernel walks the page tables of the whole range it is given
    /// (most of a large pack is not mapped), and flushes the other processors'
    /// address caches once per call.
    private func releaseResidentPages() {
        guard let first = touchedBlocks.firstIndex(where: { $0 != 0 }),
              let last = touchedBlocks.lastIndex(where: { $0 != 0 })
        else { return }
        let firstBlock = first << 6 | touchedBlocks[first].trailingZeroBitCount
        let lastBlock = last << 6 | (63 - touchedBlocks[last].leadingZeroBitCount)
        let start = firstBlock << Self.blockShift, end = min(bytes.count, (lastBlock + 1) << Self.blockShift)
        _ = madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + start), end - start, MADV_DONTNEED)
        for index in first...last { touchedBlocks[index] = 0 }
        touchedCount = 0
    }
}
