import RunbookCore

/// One change of one runbook, for the site-wide list of recent changes and the feed.
struct CatalogChange: Sendable {
    /// Index into the catalog's entries.
    let entry: Int
    let change: LineageChange

    /// The `count` newest changes of all runbooks, newest first; ties by
    /// commit, then path, so the order is fixed. Only the few the pages show
    /// are kept in order: sorting every change of a long history costs far more.
    static func newest(_ count: Int, in catalog: Catalog) -> [CatalogChange] {
        var newest: [CatalogChange] = []
        newest.reserveCapacity(count + 1)
        for (index, entry) in catalog.entries.enumerated() {
            for change in entry.lineage.changes {
                let candidate = CatalogChange(entry: index, change: change)
                if newest.count == count, let last = newest.last, !candidate.precedes(last) { continue }
                newest.insert(candidate, at: insertionIndex(of: candidate, in: newest))
                if newest.count > count { newest.removeLast() }
            }
        }
        return newest
    }

    /// Where `candidate` goes in `sorted` (newest first): after every change it does not precede.
    private static func insertionIndex(of candidate: CatalogChange, in sorted: [CatalogChange]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if candidate.precedes(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Newer first; ties by commit, then path.
    private func precedes(_ other: CatalogChange) -> Bool {
        (other.change.author.time, change.commit, change.path) < (change.author.time, other.change.commit, other.change.path)
    }
}
