/// Every path the site writes, so that no page can overwrite another or turn a
/// file into a folder. Paths are compared without case, as on the default macOS
/// and Windows file systems: `Etcd/` and `etcd/` are one folder there.
struct OutputPathRegistry {
    /// Claimed files, lowercased.
    private var files: Set<String> = []
    /// Folders that hold a claimed file, lowercased.
    private var folders: Set<String> = []
    /// The next suffix to try for a wanted folder, lowercased: 10,000 runbooks with
    /// one id must not try 1, 2, 3, … each.
    private var nextSuffix: [String: Int] = [:]

    /// Claims a file at a fixed path (an asset, `index.json`); false when it is taken,
    /// or a folder of that name is needed, or one of its folders is a file.
    mutating func claimFile(_ path: String) -> Bool {
        let key = path.lowercased()
        let parents = Self.parents(of: key)
        guard !files.contains(key), !folders.contains(key), parents.allSatisfy({ !files.contains($0) }) else {
            return false
        }
        files.insert(key)
        folders.formUnion(parents)
        return true
    }

    /// Claims the folder of a page (`<parent>/<segments>/index.html`) and returns
    /// it. When taken, the last segment gets `-2`, `-3`, … — claims happen in a
    /// fixed order, so the same catalog always gets the same folders.
    mutating func claimPage(under parent: String, segments: [String]) -> String {
        var stem = ([parent] + segments.dropLast()).filter { !$0.isEmpty }.joined(separator: "/")
        var last = segments.last ?? "_"
        // A folder on the way is already a file (an id like `a/index.html/b`):
        // no suffix on the last segment could help, so the name goes flat.
        if !stem.isEmpty, (Self.parents(of: stem.lowercased()) + [stem.lowercased()]).contains(where: files.contains) {
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

    /// `a/b/c` → `["a", "a/b"]`.
    private static func parents(of path: String) -> [String] {
        var result: [String] = []
        var prefix = ""
        for part in path.split(separator: "/").dropLast() {
            prefix += prefix.isEmpty ? String(part) : "/" + part
            result.append(prefix)
        }
        return result
    }
}
