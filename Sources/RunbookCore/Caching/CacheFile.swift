import Foundation
import GitKit

/// The envelope of the build's cache files: a magic line naming the kind of
/// cache, a format version, the payload's length and checksum, then the
/// payload. A file is trusted only whole: a wrong magic or version, a length
/// or checksum that does not match, and it is ignored (the build redoes the
/// work and writes a new one).
struct CacheFile {
    /// Sixteen bytes that say which cache a file holds (`runbook lineage\n`).
    let magic: [UInt8]
    /// Bumped whenever the payload's format, or anything computed into it, changes.
    let version: UInt32

    private var headerSize: Int { magic.count + 4 + 8 + 8 }

    /// The payload of the file at `path`, or nil when there is none or it cannot be trusted.
    func payload(at path: String) -> ArraySlice<UInt8>? {
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

    /// Writes `payload` to `path` atomically (a temporary file renamed over the
    /// old one), creating its folder. The payload is written as it is, not
    /// copied behind a header: a cache can be tens of megabytes. A failure
    /// (read-only repository, full disk) is for the caller to ignore: a cache
    /// only saves time.
    func write(_ payload: [UInt8], to path: String) throws {
        var header = BinaryWriter()
        header.write(raw: magic)
        header.write(version)
        header.write(UInt64(payload.count))
        header.write(payload.withUnsafeBytes { CacheChecksum.of($0) })
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let written = Self.write(header.bytes, to: descriptor) && Self.write(payload, to: descriptor)
        guard close(descriptor) == 0, written, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let start = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, start + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }
}
