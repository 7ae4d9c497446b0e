#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the site writer needs, with errors that say what failed
/// where. Plain system calls rather than FileManager: they are many times faster
/// for 20,000 small files, and `O_EXCL`/`O_NOFOLLOW` say exactly what is meant.
enum FileSystem {
    enum Kind {
        case missing, directory, file, symbolicLink, other
    }

    static func kind(of path: String) -> Kind {
        kind(of: path, in: AT_FDCWD)
    }

    /// A regular file's size, inode and modification time, as text; nil for
    /// anything else (a link included). A file written again (always under a
    /// new inode) gets a new stamp.
    static func stamp(of path: String) -> String? {
        stamp(of: path, in: AT_FDCWD)
    }

    /// The stamp of the file at `path` inside the open folder `folder`: only
    /// the path below the folder is walked (30,000 pages' stamps are looked at
    /// after a commit).
    static func stamp(of path: String, in folder: Int32) -> String? {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return stamp(of: info)
    }

    /// The folder at `path`, open to look things up from (`stamp(of:in:)`,
    /// `entries(of:in:)`); nil when it cannot be opened. The caller closes it.
    static func openFolder(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return descriptor >= 0 ? descriptor : nil
    }

    static func stamp(of info: stat) -> String {
        let modified = modificationTime(of: info)
        return "\(info.st_size):\(info.st_ino):\(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// `stat`'s modification time, whose field Darwin names differently.
    static func modificationTime(of info: stat) -> timespec {
        #if canImport(Darwin)
        info.st_mtimespec
        #else
        info.st_mtim
        #endif
    }

    /// `stat`'s change time (of the inode), whose field Darwin names differently.
    static func changeTime(of info: stat) -> timespec {
        #if canImport(Darwin)
        info.st_ctimespec
        #else
        info.st_ctim
        #endif
    }

    /// The names in a folder, without `.` and `..`.
    static func contents(of directory: String) throws -> [String] {
        try list(directory) { name, _ in name }
    }

    /// The names in a folder with what each is (a link is a link), without `.`
    /// and `..`. The listing itself says what most entries are; only where the
    /// file system does not is the entry looked at (`lstat`).
    static func entries(of directory: String) throws -> [(name: String, kind: Kind)] {
        try entries(of: directory, in: AT_FDCWD)
    }

    /// As `entries(of:)`, for the folder at `path` inside the open folder
    /// `folder` (never through a link): only the path below it is walked.
    static func entries(of path: String, in folder: Int32) throws -> [(name: String, kind: Kind)] {
        let descriptor = openat(folder, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw error("cannot list", path) }
        return try list(descriptor, path) { name, type in
            switch type {
            case UInt8(DT_DIR): (name, .directory)
            case UInt8(DT_REG): (name, .file)
            case UInt8(DT_LNK): (name, .symbolicLink)
            case UInt8(DT_UNKNOWN): (name, kind(of: name, in: descriptor))
            default: (name, .other)
            }
        }
    }

    private static func kind(of name: String, in folder: Int32) -> Kind {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Each entry of a folder but `.` and `..`, from its name and `d_type`.
    private static func list<Entry>(_ directory: String, _ entry: (String, UInt8) -> Entry) throws -> [Entry] {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error("cannot list", directory) }
        return try list(descriptor, directory, entry)
    }

    /// Each entry of the open folder `descriptor` (closed when done) but `.` and `..`.
    private static func list<Entry>(_ descriptor: Int32, _ directory: String, _ entry: (String, UInt8) -> Entry) throws -> [Entry] {
        guard let handle = fdopendir(descriptor) else {
            let failure = error("cannot list", directory)
            close(descriptor)
            throw failure
        }
        defer { closedir(handle) }
        var entries: [Entry] = []
        while let found = readdir(handle) {
            let name = withUnsafeBytes(of: found.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { entries.append(entry(name, found.pointee.d_type)) }
        }
        return entries
    }

    static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw error("cannot create folder", path) }
    }

    /// The file system's clock, in nanoseconds: the time a file made in
    /// `folder` now gets (then deleted). Folder stamps are compared with it
    /// rather than with the system's clock: the file system's ticks more
    /// coarsely, and on a network one it is the server's. Nil when no file
    /// can be made there.
    static func now(in folder: String) -> Int64? {
        let probe = "\(folder)/.runbook-clock-\(getpid())"
        unlink(probe)
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return nil }
        defer {
            close(descriptor)
            unlink(probe)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return FolderStamp.nanoseconds(modificationTime(of: info))
    }

    /// Creates the folder and any missing folders above it; safe to call from
    /// several threads for the same folders.
    static func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            try makeDirectory(prefix)
        }
    }

    /// Writes a new file (failing if it exists) with all of `bytes`; returns
    /// its `stamp`, taken from the open file rather than looked up again.
    @discardableResult
    static func createFile(_ path: String, _ bytes: ArraySlice<UInt8>) throws -> String {
        try createFile(path) { descriptor in try writeAll(bytes, to: descriptor, path: path) }
    }

    @discardableResult
    static func createFile(_ path: String, _ bytes: [UInt8]) throws -> String {
        try createFile(path, bytes[...])
    }

    /// Creates a new file (failing if it exists), has `fill` write it through
    /// its descriptor, and returns its `stamp`. A file left half-written is
    /// left for the caller to remove: it is always at a name of the build's.
    static func createFile(_ path: String, fill: (Int32) throws -> Void) throws -> String {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw error("cannot create", path) }
        do {
            try fill(descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        var info = stat()
        let described = fstat(descriptor, &info) == 0
        guard close(descriptor) == 0, described else { throw error("cannot write", path) }
        return stamp(of: info)
    }

    /// Writes all of `bytes` at the descriptor's offset.
    static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
    }

    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var written = 0
        while written < buffer.count {
            // Not empty inside this loop, so the buffer has an address.
            let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw error("cannot write", path)
            }
            written += result
        }
    }

    /// Puts `bytes` at `path` under a new inode: written beside it, then renamed
    /// over whatever is there (a folder in the way is removed first).
    static func replaceFile(_ path: String, _ bytes: ArraySlice<UInt8>) throws {
        try replaceFile(path) { try createFile($0, bytes) }
    }

    static func replaceFile(_ path: String, _ bytes: [UInt8]) throws {
        try replaceFile(path, bytes[...])
    }

    /// Has `create` make a new file, under a new inode: beside `path`, then
    /// renamed over whatever is there (a folder in the way is removed first).
    static func replaceFile(_ path: String, create: (String) throws -> String) throws {
        _ = try replace(path) { destination in
            _ = try create(destination)
            return true
        }
    }

    /// Beside a file being replaced: its replacement, until renamed over it.
    private static let temporarySuffix = ".runbook-new"

    /// Has `make` put a new file at `path`: straight there when nothing is
    /// there, else beside it and renamed over (anything but a file in the way
    /// is removed first). `make` returns false when it made nothing.
    private static func replace(_ path: String, by make: (String) throws -> Bool) throws -> Bool {
        switch kind(of: path) {
        case .missing: return try make(path)
        case .directory, .symbolicLink, .other: try removeTree(path)
        case .file: break
        }
        let temporary = path + temporarySuffix
        try removeTree(temporary)
        guard try make(temporary) else { return false }
        try rename(temporary, path)
        return true
    }

    /// A regular file's bytes; nil when it is missing, a link, or unreadable.
    static func bytes(ofFile path: String) -> [UInt8]? {
        withRegularFile(path) { descriptor, size in
            // Not zeroed first: the read fills it, and the page records of
            // 30,000 pages are read this way on every build.
            try? [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                guard readFully(descriptor, at: 0, into: UnsafeMutableRawBufferPointer(buffer)) else { throw ReadFailure() }
                count = size
            }
        }
    }

    /// Whether a regular file holds exactly `bytes` (false when it is missing
    /// or anything else). Read in pieces, up to the first that differs: the
    /// large pages listing every runbook usually keep their length from one
    /// build to the next, and differ from the row of the runbook that changed.
    static func fileHolds(_ path: String, _ bytes: ArraySlice<UInt8>) -> Bool {
        withRegularFile(path) { descriptor, size in size == bytes.count && holds(descriptor, bytes, at: 0) } ?? false
    }

    /// Whether the open file has `bytes` at `offset`, read a quarter of a
    /// megabyte at a time up to the first piece that differs.
    static func holds(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>, at offset: Int) -> Bool {
        let piece = 1 << 18
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(piece, max(bytes.count, 1)), alignment: 16)
        defer { buffer.deallocate() }
        return bytes.withUnsafeBytes { expected in
            var done = 0
            while done < expected.count {
                let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(piece, expected.count - done)])
                guard readFully(descriptor, at: offset + done, into: chunk),
                      memcmp(chunk.baseAddress!, expected.baseAddress! + done, chunk.count) == 0
                else { return false }
                done += chunk.count
            }
            return true
        }
    }

    private struct ReadFailure: Error {}

    /// Calls `body` with the open regular file at `path` (never through a
    /// link) and its size when opened; nil when it is anything else.
    static func withRegularFile<Result>(_ path: String, _ body: (Int32, Int) -> Result?) -> Result? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return body(descriptor, Int(info.st_size))
    }

    /// Fills `buffer` from the file at `offset`; false when the file ends
    /// first (it shrank) or reading fails.
    static func readFully(_ descriptor: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var filled = 0
        while filled < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return false }
            filled += result
        }
        return true
    }

    /// Removes a regular file; anything else at `path` (a folder of the
    /// user's that happens to have the name) is left alone.
    static func removeFileOnly(_ path: String) {
        if kind(of: path) == .file { unlink(path) }
    }

    static func hardLink(_ source: String, _ destination: String) -> Bool {
        link(source, destination) == 0
    }

    /// Puts a hard link to `source` at `path`, over whatever file is there (a
    /// link made beside it, then renamed over). False when linking fails (the
    /// source is gone, or on another file system); a file at `path` is then unchanged.
    static func replaceWithLink(_ path: String, to source: String) throws -> Bool {
        let linked = try replace(path) { hardLink(source, $0) }
        // When `path` was a link to `source` already, the rename did nothing
        // (POSIX: two links to one file) and left the new link beside it.
        if linked { unlink(path + temporarySuffix) }
        return linked
    }

    static func rename(_ source: String, _ destination: String) throws {
        #if canImport(Glibc)
        let result = Glibc.rename(source, destination)
        #else
        let result = Darwin.rename(source, destination)
        #endif
        guard result == 0 else { throw error("cannot rename \(source) to", destination) }
    }

    /// Deletes what was listed at `path` as a folder (only when empty) or as
    /// anything else; true when it is gone, false when it stays because it
    /// is a folder that is not empty (or has become one, for a file).
    static func removeStale(_ path: String, isFolder: Bool) throws -> Bool {
        if isFolder {
            if rmdir(path) == 0 || errno == ENOENT { return true }
            if errno == ENOTEMPTY || errno == EEXIST { return false }
            // A file now (or a folder above it is), and not the build's.
            if errno == ENOTDIR { return try removeStale(path, isFolder: false) }
            throw error("cannot delete folder", path)
        }
        // ENOTDIR: a folder above it is a file now, so it is gone.
        if unlink(path) == 0 || errno == ENOENT || errno == ENOTDIR { return true }
        if errno == EISDIR || errno == EPERM, kind(of: path) == .directory { return false }
        throw error("cannot delete", path)
    }

    /// Deletes a file or a whole folder tree (never following symbolic links),
    /// without recursion: a deep tree must not overflow the stack.
    static func removeTree(_ path: String) throws {
        var pending = [path]
        var folders: [String] = []
        while let current = pending.popLast() {
            if kind(of: current) == .directory {
                folders.append(current)
                pending += try contents(of: current).map { current + "/" + $0 }
            } else if unlink(current) != 0 && errno != ENOENT {
                throw error("cannot delete", current)
            }
        }
        // Children were listed after their parents, so the reverse order empties each folder first.
        for folder in folders.reversed() where rmdir(folder) != 0 && errno != ENOENT {
            throw error("cannot delete folder", folder)
        }
    }

    static func error(_ action: String, _ path: String) -> SiteWriteError {
        SiteWriteError("\(action) \(path): \(String(cString: strerror(errno)))")
    }
}
