import Foundation

/// Files on disk under a base folder, listed without following symbolic links:
/// a link in a pull request could point anywhere on the machine.
struct DiskTree {
    struct Entry {
        /// "/"-separated, relative to the base.
        var path: String
        var isSymlink: Bool
    }

    /// Every non-directory entry under `base/relativeFolder`, skipping `.git`.
    static func entries(base: String, under relativeFolder: String) -> [Entry] {
        var result: [Entry] = []
        var pending = [relativeFolder]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? base : base + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names where name != ".git" {
                let relative = folder.isEmpty ? name : folder + "/" + name
                var info = stat()
                guard lstat(base + "/" + relative, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(relative)
                case S_IFLNK: result.append(Entry(path: relative, isSymlink: true))
                default: result.append(Entry(path: relative, isSymlink: false))
                }
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Reads a regular file, refusing links and anything over `limit` bytes
    /// (the size is reported instead, so a huge file is never loaded).
    static func read(_ path: String, limit: Int) throws(SourceError) -> (bytes: [UInt8], unreadable: String?) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw SourceError("cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            return ([], SourceFile.symlinkReason)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return ([], "not a regular file")
        }
        if Int(info.st_size) > limit {
            return ([], SourceFile.tooLargeReason(size: Int(info.st_size), limit: limit))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SourceError("cannot read '\(path)'")
        }
        return ([UInt8](data), nil)
    }
}
