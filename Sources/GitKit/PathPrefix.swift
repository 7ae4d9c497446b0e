/// The `under:` filter of `treeEntries` and `indexEntries`: a directory, so
/// "runbooks" matches "runbooks/a.md" but not "runbooksX/a.md" or a file
/// named "runbooks" itself.
struct PathPrefix {
    /// Normalised: no leading "./" or "/", no trailing "/"; "" is the whole tree.
    let path: String
    /// `path` + "/" as UTF-8, compared against libgit2's C strings without
    /// making a Swift string per entry; empty for the whole tree.
    private let directory: [UInt8]
    /// Git paths cannot contain NUL, so such a prefix matches nothing (and
    /// must never reach a C string comparison, where NUL ends the string).
    let matchesNothing: Bool

    init(_ prefix: String) {
        var trimmed = Substring(prefix)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "." { trimmed = "" }
        path = String(trimmed)
        directory = path.isEmpty ? [] : Array(path.utf8) + [UInt8(ascii: "/")]
        matchesNothing = path.utf8.contains(0)
    }

    /// Whether a repository path (a NUL-terminated C string) lies under the prefix.
    func contains(_ cPath: UnsafePointer<CChar>) -> Bool {
        guard !matchesNothing else { return false }
        return cPath.withMemoryRebound(to: UInt8.self, capacity: directory.count + 1) { bytes in
            // Stops at the first difference; a shorter path differs at its NUL,
            // which `directory` does not contain, so nothing past it is read.
            for index in directory.indices where bytes[index] != directory[index] {
                return false
            }
            return true
        }
    }
}
