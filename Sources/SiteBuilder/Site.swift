import RunbookCore

/// Renders a catalog into the files of a static site.
public struct Site: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }
}
