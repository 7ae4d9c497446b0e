import RunbookCore

/// The spare site being listed on another thread from the start of a build
/// (`SiteDirectoryWriter.listSpare()`), for the build to sweep afterwards
/// whatever it did not produce. Listing 30,000 folders takes a core for a
/// fifth of a second, and even with the tree record (`SiteTreeRecord`) their
/// stamps are 30,000 looks; early in a build, while the runbooks are
/// checked, there is room for it.
public struct SpareListing: Sendable {
    /// The folder listed.
    let root: String
    let entries: BackgroundValue<Result<FolderListing, any Error>>

    /// - Parameters:
    ///   - record: the spare's tree record (`.NAME.spare.tree`).
    ///   - clockFolder: where the file system's clock is read (beside the spare).
    init(of root: String, record: String, clockFolder: String) {
        self.root = root
        entries = BackgroundValue {
            let now = FileSystem.now(in: clockFolder)
            return Result { try FolderListing(of: root, recorded: SiteTreeRecord.load(from: record), now: now) }
        }
    }
}
