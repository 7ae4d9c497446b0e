import Foundation

/// A step's captured output (standard output and error, interleaved as they
/// arrived), capped in size. The whole output was shown live; this is what the
/// log keeps of it: from a run, the first and last halves of the cap
/// (`init(_:)`, see `CapturedOutput`); built by appending, the last `cap` bytes.
public struct StepOutput: Sendable, Hashable {
    /// The default cap: 1 MiB per attempt.
    public static let defaultCap = 1 << 20

    /// The most bytes kept.
    public let cap: Int
    /// Every byte the step wrote, kept or not.
    public private(set) var totalBytes: Int
    /// Holds up to twice the cap so appending trims rarely; `bytes` is its tail.
    private var buffer: Data

    /// An empty capture keeping at most `cap` bytes (a negative cap keeps none).
    public init(cap: Int = StepOutput.defaultCap) {
        self.cap = max(cap, 0)
        totalBytes = 0
        buffer = Data()
    }

    /// Output as read back from the log: `bytes` were kept of `totalBytes`.
    /// What the process runner kept of a step's output: its head and tail.
    public init(_ captured: CapturedOutput) {
        self.init(kept: Data(captured.bytes), totalBytes: captured.totalBytes, cap: captured.cap)
    }

    init(kept bytes: Data, totalBytes: Int, cap: Int) {
        self.cap = cap
        self.totalBytes = totalBytes
        buffer = bytes
    }

    /// The bytes kept: the last `cap` bytes written, which may begin inside a
    /// UTF-8 sequence.
    public var bytes: Data { buffer.count > cap ? Data(buffer.suffix(cap)) : buffer }

    /// Whether output was dropped to stay within the cap.
    public var truncated: Bool { totalBytes > bytes.count }

    /// The kept bytes as text, with invalid UTF-8 replaced.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func append(_ chunk: some DataProtocol) {
        totalBytes += chunk.count
        buffer.append(contentsOf: chunk)
        if buffer.count > 2 * cap { buffer = Data(buffer.suffix(cap)) }
    }

    public static func == (lhs: StepOutput, rhs: StepOutput) -> Bool {
        lhs.cap == rhs.cap && lhs.totalBytes == rhs.totalBytes && lhs.bytes == rhs.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(cap)
        hasher.combine(totalBytes)
        hasher.combine(bytes)
    }
}
