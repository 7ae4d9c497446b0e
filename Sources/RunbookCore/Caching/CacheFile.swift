import Foundation
import GitKit

/// The envelope of the build's cache files: a magic line naming the kind of
/// cache, a format version, the payload's length and checksum, then the
/// payload. A file is trusted only whole: a wrong magic or version, a length
/// or checksum that does not match, and it is ignored (the build redoes the
/// work and writes a new one).
public struct CacheFile: Sendable {
    /// Bytes that say which cache a file holds (`runbook lineage\n`).
    let magic: [UInt8]
    /// Bumped whenever the payload's format, or anything computed into it, changes.
    let version: UInt32

    public init(magic: [UInt8], version: UInt32) {
        self.magic = magic
        self.version = version
    }

    private var headerSize: Int { magic.count + 4 + 8 + 8 }

    /// The payload of the file at `path`, or nil when there is none or it cannot be trusted.
    public func payload(at path: String) -> ArraySlice<UInt8>? {
        guard let file = try? FileContents.contents(of: path) else { return nil }
        let trusted = file.withUnsafeBytes { buffer -> Bool in
            guard buffer.count >= headerSize, buffer.prefix(magic.count).elementsEqual(magic) else { return false }
            var header = BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[magic.count..<headerSize]))
            guard let version = try? header.uint32(), version == self.version,
                  let length = try? header.uint64(), length == UInt64(buffer.count - headerSize),
                  let checksum = try? header.uint64()
            else { return false }
            return CacheChecksum.of(UnsafeRawBufferPointer(rebasing: buffer[headerSize...])) == checksum
        }
        return trusted ? file[headerSize...] : nil
    }

    /// Writes `payload` to `path` atomically; see `write(to:_:)`.
    public func write(_ payload: [UInt8], to path: String) throws {
        try write(to: path) { file in payload.withUnsafeBytes { file.append($0) } }
    }

    /// Writes the payload `produce` appends to `path` atomically (a temporary
    /// file renamed over the old one), creating its folder. The payload goes
    /// to the file as it comes, a megabyte at a time, and the header (its
    /// length and checksum) last: a cache of tens of megabytes is never held
    /// whole. A failure (read-only repository, full disk) is for the caller
    /// to ignore: a cache only saves time.
    func write(to path: String, _ produce: (inout Payload) throws -> Void) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // One name, not one per process: a build stopped mid-write leaves one
        // file behind, which the next write takes over. Two builds writing at
        // once make a file whose checksum fails, which costs time, not results.
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        var payload = Payload(descriptor: descriptor, offset: headerSize)
        var written = false
        do {
            try produce(&payload)
            payload.flush()
            var header = BinaryWriter()
            header.write(raw: magic)
            header.write(version)
            header.write(UInt64(payload.count))
            header.write(payload.checksum.value)
            written = payload.succeeded && header.bytes.withUnsafeBytes { Payload.write($0, to: descriptor, at: 0) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0, written, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The payload of a cache file being written: buffered, checksummed as it comes.
    struct Payload {
        fileprivate let descriptor: Int32
        /// Where the buffer goes in the file.
        fileprivate var offset: Int
        private var buffer: [UInt8] = []
        fileprivate private(set) var checksum = CacheChecksum()
        fileprivate private(set) var count = 0
        fileprivate private(set) var succeeded = true
        private static let bufferSize = 1 << 20

        fileprivate init(descriptor: Int32, offset: Int) {
            self.descriptor = descriptor
            self.offset = offset
            buffer.reserveCapacity(Self.bufferSize)
        }

        mutating func append(_ bytes: UnsafeRawBufferPointer) {
            checksum.add(bytes)
            count += bytes.count
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.bufferSize { flush() }
        }

        fileprivate mutating func flush() {
            let (descriptor, offset) = (descriptor, offset)
            succeeded = succeeded && buffer.withUnsafeBytes { Self.write($0, to: descriptor, at: offset) }
            self.offset += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }

        fileprivate static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int) -> Bool {
            guard let start = bytes.baseAddress else { return true }
            var done = 0
            while done < bytes.count {
                let count = pwrite(descriptor, start + done, bytes.count - done, off_t(offset + done))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
    }
}
