/// A document rendered to HTML, with the anchor given to each heading so a
/// table of contents can link to them.
public struct RenderedHTML: Sendable {
    public var html: String
    /// Heading node index → its `id`.
    public var headingIDs: [Int: String]
}
