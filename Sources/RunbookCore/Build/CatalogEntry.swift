import GitKit

/// One runbook of a catalog: parsed, checked, and placed in history.
public struct CatalogEntry: Sendable {
    /// The parsed runbook. A build drops its Markdown tree (`document`) to save
    /// memory (10,000 trees take half a gigabyte); `withDocument` parses it again.
    public var runbook: Runbook
    /// The file's bytes, to parse the document again when it is needed; nil
    /// when the build did not read them (its check came from the cache), and
    /// `withDocument` reads the blob.
    public var source: [UInt8]?
    /// The Git blob id of the file's content (hashed from disk for `--worktree`).
    public var blob: ObjectID
    /// This runbook's lint problems, sorted.
    public var problems: [Problem]
    /// Its history up to the built commit; empty changes for a file not yet committed.
    public var lineage: Lineage
    /// Steps with a command on the denylist, by step name: the executor asks
    /// for an explicit override before running them, even when acknowledged.
    public var dangerousSteps: [String: DenylistMatch]

    public init(
        runbook: Runbook, source: [UInt8]? = [], blob: ObjectID, problems: [Problem], lineage: Lineage,
        dangerousSteps: [String: DenylistMatch] = [:]
    ) {
        self.runbook = runbook
        self.source = source
        self.blob = blob
        self.problems = problems.sorted()
        self.lineage = lineage
        self.dangerousSteps = dangerousSteps
    }

    /// The runbook with its Markdown tree: as kept, or parsed again from its
    /// bytes, read from `blobs` when the build left them unread (the same bytes
    /// and config give the same tree, so node indices agree).
    /// - Throws: when the unread blob cannot be read.
    public func withDocument(parser: RunbookParser, blobs: BlobStore?) throws -> Runbook {
        guard runbook.document.nodes.isEmpty else { return runbook }
        let bytes: [UInt8]
        if let source {
            bytes = source
        } else if let blobs {
            do {
                bytes = try blobs.bytes(of: blob)
            } catch {
                throw SourceError("\(runbook.path): cannot read its text (blob \(blob.hex)): \(error)")
            }
        } else {
            throw SourceError("\(runbook.path): its text was not read, and there is no repository to read it from")
        }
        guard !bytes.isEmpty else { return runbook }
        var runbook = runbook
        runbook.document = parser.document(of: bytes)
        return runbook
    }

    public var errorCount: Int { problems.count { $0.severity == .error } }
    public var warningCount: Int { problems.count { $0.severity == .warning } }
}
