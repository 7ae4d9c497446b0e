/// A path pattern as in `include`/`exclude`: `*` and `?` within one path segment,
/// `**` across any number of segments. A pattern without `/` matches the file
/// name at any depth, as in `.gitignore`.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [Substring]

    public init(_ pattern: String) {
        self.pattern = pattern
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
        segments = parts.count == 1 && !pattern.contains("/") ? ["**", parts[0]] : parts
    }

    public var description: String { pattern }

    /// Whether a "/"-separated relative path matches.
    public func matches(_ path: String) -> Bool {
        let names = path.split(separator: "/", omittingEmptySubsequences: true)
        return Self.match(segments[...], names[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ names: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return names.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            // `**` takes zero or more whole segments.
            var remaining = names
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let name = names.first, matchSegment(Array(first.utf8)[...], Array(name.utf8)[...]) else { return false }
        return match(pattern.dropFirst(), names.dropFirst())
    }

    /// `*` and `?` within one segment, iteratively with backtracking to the last star
    /// (linear for any pattern, so a hostile pattern cannot stall it).
    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex, n = name.startIndex
        var star: Int?
        var starName = n
        while n < name.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                star = p
                p += 1
                starName = n
            } else if let starIndex = star {
                p = starIndex + 1
                starName += 1
                n = starName
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
