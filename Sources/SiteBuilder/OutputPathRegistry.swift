/// Every path the site writes, so that no page can overwrite another or turn a
/// file into a folder. Paths are compared without case, as on the default macOS
/// and Windows file systems: `Etcd/` and `etcd/` are one folder there.
struct OutputPathRegistry {
    /// Claimed files, lowercased.
    private var files: Set<String> = []
    /// Folders that hold a claimed file, lowercased. A folder's own folders are
    /// here with it, and no folder is ever a file: a look for a file on the way
    /// to a path stops at the first folder it meets, where 10,000 pages under
    /// `runbooks/` would each look at every folder up to the root.
    private var folders: Set<String> = []
    /// The next suffix to try for a wanted folder, lowercased: 10,000 runbooks with
    /// one id must not try 1, 2, 3, … each.
    private var nextSuffix: [String: Int] = [:]

    /// - Parameter capacity: about how many files will be claimed: sets that grow
    ///   to 30,000 paths one insert at a time hash every path again each time they double.
    init(capacity: Int = 0) {
        files.reserveCapacity(capacity)
        folders.reserveCapacity(capacity)
        nextSuffix.reserveCapacity(capacity)
    }

    /// Claims a file at a fixed path (an asset, `index.json`); false when it is taken,
    /// or a folder of that name is needed, or one of its folders is a file.
    mutating func claimFile(_ path: String) -> Bool {
        let key = path.lowercased()
        guard !files.contains(key), !folders.contains(key), let newFolders = newFolders(above: key) else { return false }
        files.insert(key)
        folders.formUnion(newFolders)
        return true
    }

    /// Claims the folder of a page (`<parent>/<segments>/index.html`) and returns
    /// it. When taken, the last segment gets `-2`, `-3`, … — claims happen in a
    /// fixed order, so the same catalog always gets the same folders.
    mutating func claimPage(under parent: String, segments: [String]) -> String {
        var stem = parent
        for segment in segments.dropLast() where !segment.isEmpty {
            if !stem.isEmpty { stem += "/" }
            stem += segment
        }
        var last = segments.last ?? "_"
        // A folder on the way is already a file (an id like `a/index.html/b`):
        // no suffix on the last segment could help, so the name goes flat.
        if !stem.isEmpty, isFileOnTheWay(to: stem.lowercased()) {
            stem = parent
            last = PathSegment.sanitize(segments.joined(separator: "-"))
        }
        let wanted = (stem.isEmpty ? last : stem + "/" + last).lowercased()
        var candidate = last
        var suffix = nextSuffix[wanted] ?? 1
        if suffix > 1 { candidate = "\(last)-\(suffix)" }
        while true {
            let folder = stem.isEmpty ? candidate : stem + "/" + candidate
            if claimFile(folder + "/index.html") {
                nextSuffix[wanted] = suffix + 1
                return folder
            }
            suffix += 1
            candidate = "\(last)-\(suffix)"
        }
    }

    /// Whether `key`, or a folder on the way to it, is a claimed file.
    private func isFileOnTheWay(to key: String) -> Bool {
        !folders.contains(key) && (files.contains(key) || newFolders(above: key) == nil)
    }

    /// The folders above `key` (`a/b/c` → `a/b`, `a`) that are not folders yet,
    /// deepest first; nil when one of them is a claimed file. Empty parts do not
    /// count: `a//b/` is in folder `a`, as `a/b` is.
    private func newFolders(above key: String) -> [String]? {
        let path = Self.hasEmptyParts(key) ? key.split(separator: "/").joined(separator: "/") : key
        var found: [String] = []
        var end = path.utf8.endIndex
        while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
            let folder = String(path[..<slash])
            if folders.contains(folder) { break }
            if files.contains(folder) { return nil }
            found.append(folder)
            end = slash
        }
        return found
    }

    private static func hasEmptyParts(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") && previous == byte { return true }
            previous = byte
        }
        return previous == UInt8(ascii: "/")
    }
}
