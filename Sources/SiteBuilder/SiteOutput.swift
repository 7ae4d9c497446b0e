/// Where a rendered site's files go. The renderer never writes files itself: it
/// hands each file to an output, which the caller chooses (a folder swapped in
/// atomically, or memory in tests).
public protocol SiteOutput: Sendable {
    /// Stores one file. Called from several threads at once, once per path;
    /// `path` is relative to the site root, `/`-separated, and already safe.
    func write(_ bytes: [UInt8], to path: String) throws
}
