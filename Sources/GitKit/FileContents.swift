#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads files git keeps beside its objects (`shallow`, a configured mailmap
/// file, the index) without Foundation, which GitKit does not otherwise need;
/// the build reads its caches with it too.
public enum FileContents {
    /// The file's bytes, or nil when it does not exist.
    /// - Throws: when it cannot be read, or is not a regular file (a pipe in
    ///   its place would otherwise wait for a writer forever).
    public static func contents(of path: String) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure("open", path)
        }
        defer { close(descriptor) }
        // Read straight into storage of the file's size (one byte more, to see
        // the end), as the index read on every staged lint is a megabyte or more;
        // then on in chunks, should the file have grown meanwhile.
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw failure("read", path) }
        let size = max(Int(info.st_size), 0)
        var failed = false
        var content = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            while count < buffer.count {
                let received = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if received < 0, errno == EINTR { continue }
                if received <= 0 {
                    failed = received < 0
                    return
                }
                count += received
            }
        }
        if failed { throw failure("read", path) }
        guard content.count == size + 1 else { return content }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read", path)
            }
            if count == 0 { return content }
            content.append(contentsOf: chunk[0..<count])
        }
    }

    private static func failure(_ function: String, _ path: String) -> GitError {
        GitError(code: -1, function: function, message: String(cString: strerror(errno)), context: "cannot read '\(path)'")
    }
}
