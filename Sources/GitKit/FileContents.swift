#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads small files git keeps beside its objects (`shallow`, a configured
/// mailmap file) without Foundation, which GitKit does not otherwise need.
enum FileContents {
    /// The file's bytes, or nil when it does not exist.
    static func contents(of path: String) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure("open", path)
        }
        defer { close(descriptor) }
        var content: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read", path)
            }
            if count == 0 { return content }
            content.append(contentsOf: buffer[0..<count])
        }
    }

    private static func failure(_ function: String, _ path: String) -> GitError {
        GitError(code: -1, function: function, message: String(cString: strerror(errno)), context: "cannot read '\(path)'")
    }
}
