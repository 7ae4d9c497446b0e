#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the previous site's parted files in pieces, and writing a
/// `PartedFile` by copying runs of them file to file: a 50 MB `index.json`
/// never passes through the build's memory whole.
extension FileSystem {
    /// Bytes read or copied at a time.
    private static let pieceSize = 1 << 20

    /// Has `body` look through the regular file at `path`, when it has the
    /// stamp `stamp` before and after: with its size, and a function that hands
    /// its bytes over in order, a megabyte at a time, with where each chunk
    /// starts. Nil when the file is not there with that stamp, or is changed meanwhile.
    static func look<Result>(
        through path: String, stamp: String,
        _ body: (_ size: Int, _ chunks: ((UnsafeRawBufferPointer, Int) -> Void) -> Void) -> Result
    ) -> Result? {
        withRegularFile(path) { descriptor, size in
            guard self.stamp(of: descriptor) == stamp else { return nil }
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(pieceSize, max(size, 1)), alignment: 16)
            defer { buffer.deallocate() }
            let result = body(size) { handle in
                var offset = 0
                while offset < size {
                    let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, size - offset)])
                    // A file cut short ends the chunks; its stamp then differs below.
                    guard readFully(descriptor, at: offset, into: chunk) else { return }
                    handle(UnsafeRawBufferPointer(chunk), offset)
                    offset += chunk.count
                }
            }
            return self.stamp(of: descriptor) == stamp ? result : nil
        }
    }

    /// Whether the regular file at `path`, with the stamp `stamp`, is the file
    /// `pieces` describe (each copied run at the place it is copied from).
    static func file(_ path: String, stamp: String, is pieces: [PartedFile.Piece]) -> Bool {
        withRegularFile(path) { descriptor, size in
            guard self.stamp(of: descriptor) == stamp, pieces.reduce(0, { $0 + $1.count }) == size else { return false }
            var offset = 0
            for piece in pieces {
                switch piece {
                case .previous(let range):
                    guard range.lowerBound == offset else { return false }
                case .rendered(let bytes):
                    guard holds(descriptor, bytes, at: offset) else { return false }
                }
                offset += piece.count
            }
            return self.stamp(of: descriptor) == stamp
        } ?? false
    }

    /// Writes the file `pieces` describe at `path`, a new file, copying runs
    /// from the regular file at `source` when it has the stamp `stamp` before
    /// and after. Returns the new file's stamp.
    /// - Throws: when `source` is not that file, or is changed meanwhile: the
    ///   new file would not be what the build rendered.
    static func createFile(_ path: String, pieces: [PartedFile.Piece], copyingFrom source: String, stamp: String) throws -> String {
        let descriptor = open(source, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw error("cannot read", source) }
        defer { close(descriptor) }
        let changed = SiteWriteError("\(source) changed while this build copied from it; build again")
        guard self.stamp(of: descriptor) == stamp else { throw changed }
        let created = try createFile(path) { destination in
            for piece in pieces {
                switch piece {
                case .rendered(let bytes): try writeAll(bytes, to: destination, path: path)
                case .previous(let range): try copy(range, from: descriptor, to: destination, source: source, path: path)
                }
            }
        }
        guard self.stamp(of: descriptor) == stamp else { throw changed }
        return created
    }

    /// Copies bytes `range` of one file to the end of another, in the kernel
    /// where it can (`sendfile`), else through a buffer.
    private static func copy(_ range: Range<Int>, from source: Int32, to destination: Int32, source sourcePath: String, path: String) throws {
        var offset = range.lowerBound
        #if canImport(Glibc)
        while offset < range.upperBound {
            let result = sendfile(destination, source, &offset, min(range.upperBound - offset, 1 << 30))
            if result > 0 { continue }
            if result < 0 && errno == EINTR { continue }
            // Nothing copied: the file ends early, or the kernel cannot copy these two files.
            if result == 0 { throw SiteWriteError("\(sourcePath) changed while this build copied from it; build again") }
            break
        }
        #endif
        guard offset < range.upperBound else { return }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceSize, alignment: 16)
        defer { buffer.deallocate() }
        while offset < range.upperBound {
            let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, range.upperBound - offset)])
            guard readFully(source, at: offset, into: piece) else { throw error("cannot read", sourcePath) }
            try writeAll(UnsafeRawBufferPointer(piece), to: destination, path: path)
            offset += piece.count
        }
    }

    /// The stamp of an open file; nil when it cannot be read.
    private static func stamp(of descriptor: Int32) -> String? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? stamp(of: info) : nil
    }
}
