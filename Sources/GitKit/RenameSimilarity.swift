/// git's similarity score for a rename or copy (`estimate_similarity` in
/// diffcore-rename.c), on git's scale where 60,000 is identical and
/// `--follow`'s default threshold is half of it.
enum RenameSimilarity {
    static let maximum = 60_000
    /// `DEFAULT_RENAME_SCORE` (50%): `--follow` passes no `-M` value.
    static let minimum = 30_000

    /// Whether two sizes are close enough to be compared at all: git skips
    /// pairs whose sizes differ by more than the unmatched share (50%) of the
    /// larger (`max * (MAX - min) < delta * MAX`), which, with the threshold
    /// at exactly half, means the smaller must be at least half the larger.
    static func sizesAreComparable(_ sourceSize: Int, _ destinationSize: Int) -> Bool {
        let larger = UInt64(max(0, sourceSize, destinationSize)), smaller = UInt64(max(0, min(sourceSize, destinationSize)))
        return 2 * smaller >= larger
    }

    /// The score of `source` as the origin of `destination`: 0 unless both
    /// are regular files of comparable sizes, else the bytes of the larger
    /// that were copied, scaled to 60,000. Symlinks and submodules only ever
    /// match exactly, which the caller checks first.
    static func score(source: SpanHashes, destination: SpanHashes) -> Int {
        guard sizesAreComparable(source.size, destination.size), destination.size > 0 else { return 0 }
        let larger = UInt64(max(source.size, destination.size))
        return Int(source.copied(into: destination) * UInt64(maximum) / larger)
    }

    /// git's `basename_same`: whether the file names after the last "/" agree.
    static func sameBasename(_ left: String, _ right: String) -> Bool {
        left.utf8.reversed().prefix { $0 != UInt8(ascii: "/") }.elementsEqual(right.utf8.reversed().prefix { $0 != UInt8(ascii: "/") })
    }
}
