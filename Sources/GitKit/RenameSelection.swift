/// How git picks the origin of a file that `--follow` sees being created,
/// from the scored sources (diffcore-rename.c, git 2.39, copy detection on,
/// as `--follow` asks for with `find_copies_harder`).
///
/// Only the best four candidates per destination are kept
/// (`record_if_better`), then sorted; a source the commit deletes is taken
/// first (a rename, `find_renames(..., 0)`), otherwise the best one of them
/// (a copy, `find_renames(..., 1)`).
enum RenameSelection {
    static let keptPerDestination = 4

    /// The four slots as git fills them, visiting `candidates` in source order.
    /// A slot is replaced only by a strictly better candidate, and the slot
    /// replaced is the first of the worst — so with equal scores, positions
    /// depend on every earlier candidate, even hopeless ones.
    static func keptSlots(_ candidates: some Sequence<RenameCandidate>) -> [RenameCandidate?] {
        var slots = [RenameCandidate?](repeating: nil, count: keptPerDestination)
        for candidate in candidates {
            var worst = 0
            for index in 1..<slots.count where sortsAfter(slots[index], slots[worst]) { worst = index }
            if sortsAfter(slots[worst], candidate) { slots[worst] = candidate }
        }
        return slots
    }

    /// `score_compare(a, b) > 0`, with an empty slot after everything.
    private static func sortsAfter(_ left: RenameCandidate?, _ right: RenameCandidate?) -> Bool {
        guard let left else { return right != nil }
        guard let right else { return false }
        return left.compare(right) > 0
    }

    /// The chosen origin from git's kept slots: sorted (stably) by score and
    /// name score, the first deleted source above the threshold, else the
    /// first source above it.
    static func choose(from slots: [RenameCandidate?]) -> RenameCandidate? {
        var sorted: [RenameCandidate] = []
        for case let candidate? in slots {
            // Insertion sort: stable, as git's STABLE_QSORT, and only four items.
            var position = sorted.count
            while position > 0, sorted[position - 1].compare(candidate) > 0 { position -= 1 }
            sorted.insert(candidate, at: position)
        }
        let usable = sorted.prefix { $0.score >= RenameSimilarity.minimum }
        return usable.first { $0.isDeleted } ?? usable.first
    }
}
