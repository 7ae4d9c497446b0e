import GitKit

/// One commit in one runbook's lineage, before authors and subjects are
/// attached (they come from the commit, shared by every runbook it touched).
struct LineageEntry {
    /// Where its commit is among the `LineageCommit`s the lineage is assembled from.
    let commit: Int
    let kind: LineageChange.Kind
    let path: String
    let renamedFrom: String?
    /// The runbook's blob after the commit; nil for a deletion.
    let blob: ObjectID?
    /// Its blob before the commit (the origin's, for a rename or copy); nil
    /// when the commit created it.
    let oldBlob: ObjectID?
}
