/// A path pattern as in `include`/`exclude`: `*` and `?` within one path segment,
/// `**` across any number of segments. A pattern without `/` matches the file
/// name at any depth, as in `.gitignore`.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    /// The pattern's segments as bytes, split once: matching runs for every path of a tree.
    private let segments: [[UInt8]]
    /// `**/*.md` and `**/README.md`, the usual patterns, reduced to a check of the path's end.
    private let shortcut: Shortcut?

    private enum Shortcut {
        case fileNameSuffix([UInt8])
        case fileName([UInt8])

        /// On the path's bytes in place, as this runs for every path of a tree.
        func matches(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
            var start = path.endIndex
            while start > path.startIndex, path[start - 1] != UInt8(ascii: "/") { start -= 1 }
            let name = path[start...]
            switch self {
            case .fileNameSuffix(let suffix):
                return name.count >= suffix.count && name.suffix(suffix.count).elementsEqual(suffix)
            case .fileName(let fileName):
                return name.elementsEqual(fileName)
            }
        }
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        segments = parts.count == 1 && !pattern.contains("/") ? [Array("**".utf8), parts[0]] : parts
        let wildcards: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "?")]
        if segments.count == 2, segments[0] == Self.globstar, let last = segments.last {
            if last.first == UInt8(ascii: "*"), !last.dropFirst().contains(where: wildcards.contains) {
                shortcut = .fileNameSuffix(Array(last.dropFirst()))
            } else if !last.contains(where: wildcards.contains) {
                shortcut = .fileName(last)
            } else {
                shortcut = nil
            }
        } else {
            shortcut = nil
        }
    }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    public var description: String { pattern }

    /// Whether a "/"-separated relative path matches.
    public func matches(_ path: String) -> Bool {
        matches(path[...])
    }

    public func matches(_ path: Substring) -> Bool {
        if let shortcut, let matched = path.utf8.withContiguousStorageIfAvailable({ shortcut.matches($0) }) {
            return matched
        }
        let names = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        return Self.match(segments[...], names[...])
    }

    private static let globstar = Array("**".utf8)

    private static func match(_ pattern: ArraySlice<[UInt8]>, _ names: ArraySlice<Substring.UTF8View>) -> Bool {
        guard let first = pattern.first else { return names.isEmpty }
        if first == globstar {
            let rest = pattern.dropFirst()
            // `**` takes zero or more whole segments.
            var remaining = names
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let name = names.first, matchSegment(first[...], Array(name)[...]) else { return false }
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
