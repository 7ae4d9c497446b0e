import GitKit

/// One commit as the history walk visits it.
struct WalkStep: Sendable {
    /// Its facts; `changes` is set unless it is a merge.
    let fact: CommitFacts
    /// A shallow clone's boundary, read as having no parents.
    let grafted: Bool
    /// What it was diffed against: its only parent's tree, or nil for a root
    /// (or boundary) commit.
    let parentTree: ObjectID?
    /// Merges never appear in a lineage and never rename.
    let isMerge: Bool
    /// No parents (as walked): the repository's anchors in the cache.
    let isRoot: Bool
}
