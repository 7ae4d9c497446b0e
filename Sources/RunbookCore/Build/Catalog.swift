import GitKit

/// Everything a build knows about one revision of a runbooks repository: the
/// site and the index are both rendered from it and from nothing else, so two
/// builds of the same commit produce the same bytes.
public struct Catalog: Sendable {
    public var source: CatalogSource
    public var config: Config
    /// Sorted by path.
    public var entries: [CatalogEntry]
    /// Problems of files that are runbooks by path but could not be read as one.
    public var unreadable: [Problem]
    /// Where the entries whose `source` was left unread are read from.
    public var blobs: BlobStore?

    public init(
        source: CatalogSource, config: Config, entries: [CatalogEntry], unreadable: [Problem], blobs: BlobStore? = nil
    ) {
        self.source = source
        self.config = config
        self.entries = entries.sorted { $0.runbook.path < $1.runbook.path }
        self.unreadable = unreadable.sorted()
        self.blobs = blobs
    }

    /// Every problem of every file, in reporter order.
    public var problems: [Problem] { (entries.flatMap(\.problems) + unreadable).sorted() }
}
