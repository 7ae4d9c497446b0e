import RunbookCore

/// One change of one runbook, for the site-wide list of recent changes and the feed.
struct CatalogChange: Sendable {
    /// Index into the catalog's entries.
    let entry: Int
    let change: LineageChange

    /// All changes of all runbooks, newest first; ties by commit, then path, so the order is fixed.
    static func all(in catalog: Catalog) -> [CatalogChange] {
        catalog.entries.indices.flatMap { index in
            catalog.entries[index].lineage.changes.map { CatalogChange(entry: index, change: $0) }
        }.sorted { lhs, rhs in
            (rhs.change.author.time, lhs.change.commit, lhs.change.path)
                < (lhs.change.author.time, rhs.change.commit, rhs.change.path)
        }
    }
}
