@testable import SiteBuilder

/// `OutputPathRegistry` as first written, straightforward and slow: the folders
/// it hands out are the ones the real registry must keep handing out.
struct ReferencePathRegistry {
    private var files: Set<String> = []
    private var folders: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

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

    mutating func claimPage(under parent: String, segments: [String]) -> String {
        var stem = ([parent] + segments.dropLast()).filter { !$0.isEmpty }.joined(separator: "/")
        var last = segments.last ?? "_"
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
