/// Where a rendered site's files go. The renderer never writes files itself: it
/// hands each file to an output, which the caller chooses (a folder swapped in
/// atomically, or memory in tests).
public protocol SiteOutput: Sendable {
    /// Stores one file. Called from several threads at once, once per path;
    /// `path` is relative to the site root, `/`-separated, and already safe.
    func write(_ bytes: [UInt8], to path: String) throws

    /// Stores a page rendered from inputs whose digest is `key`.
    func write(_ bytes: [UInt8], to path: String, key: PageKey) throws

    /// Whether the page at `path` is already there as rendered from inputs
    /// whose digest is `key`; the output then keeps it as if written, and the
    /// page is not rendered. Called at most once per path, before any write.
    func keep(_ path: String, key: PageKey) throws -> Bool

    /// The parts of the previous site's file at `path`, a file made of one
    /// part per runbook, each opening with `opening` and closing with
    /// `closing`; nil when the output cannot vouch for its bytes. Called at
    /// most once per path, before any write.
    func previousParts(of path: String, opening: UInt8, closing: UInt8) -> FileParts?

    /// Stores a file made of one part per runbook, each rendered from inputs
    /// whose digest is its key, some perhaps copied from the previous site's
    /// file (from the parts `previousParts` gave).
    func write(_ file: PartedFile, to path: String) throws
}

extension SiteOutput {
    public func write(_ bytes: [UInt8], to path: String, key: PageKey) throws {
        try write(bytes, to: path)
    }

    /// By default nothing is kept: every page is rendered and written.
    public func keep(_ path: String, key: PageKey) throws -> Bool {
        false
    }

    /// By default there is no previous site: every part is rendered.
    public func previousParts(of path: String, opening: UInt8, closing: UInt8) -> FileParts? {
        nil
    }

    public func write(_ file: PartedFile, to path: String) throws {
        guard let bytes = file.renderedBytes else { throw SiteWriteError("\(path): no previous site to copy parts from") }
        try write(Array(bytes), to: path)
    }
}
