/// A step's output kept within a cap: the first half of the cap and the last
/// half, since a failing command's error is usually at the end. Counts every byte
/// so a reader knows how much was left out between the two.
public struct CapturedOutput: Sendable {
    /// The most bytes kept.
    public let cap: Int
    /// The first bytes, up to the larger half of the cap; all of it when nothing was cut.
    public private(set) var head: [UInt8] = []
    /// Every byte the step wrote, kept or not.
    public private(set) var totalBytes = 0
    /// The bytes after `head`, trimmed now and then to the last `tailLimit` of them.
    private var recent: [UInt8] = []

    public init(cap: Int) {
        self.cap = max(0, cap)
    }

    /// The last bytes, up to the smaller half of the cap; empty until `head` is full.
    public var tail: [UInt8] { Array(recent.suffix(tailLimit)) }

    /// More was written than the cap: bytes between `head` and `tail` are missing.
    public var isTruncated: Bool { totalBytes > cap }

    /// How many bytes are missing between `head` and `tail`.
    public var omittedBytes: Int { totalBytes - head.count - min(recent.count, tailLimit) }

    /// The kept bytes: all output when it fit, else head and tail joined.
    public var bytes: [UInt8] { head + tail }

    private var headLimit: Int { cap - cap / 2 }
    private var tailLimit: Int { cap / 2 }

    mutating func append(_ chunk: [UInt8]) {
        totalBytes += chunk.count
        let room = max(0, headLimit - head.count)
        head += chunk.prefix(room)
        guard chunk.count > room, tailLimit > 0 else { return }
        recent += chunk.dropFirst(room)
        // Trim only once the buffer holds twice what is kept (or a page), so a
        // stream of small chunks costs amortized constant work per byte.
        if recent.count > 2 * max(tailLimit, 4096) {
            recent.removeFirst(recent.count - tailLimit)
        }
    }
}
