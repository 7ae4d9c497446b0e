import RunbookCore

/// The spare site being listed on another thread from the start of a build
/// (`SiteDirectoryWriter.listSpare()`), for the build to sweep afterwards
/// whatever it did not produce. Listing 30,000 folders takes a core for a
/// fifth of a second; early in a build, while the runbooks are checked, there
/// is room for it.
public struct SpareListing: Sendable {
    /// The folder listed.
    let root: String
    let entries: BackgroundValue<Result<FolderListing, any Error>>

    init(of root: String) {
        self.root = root
        entries = BackgroundValue { Result { try FolderListing(of: root) } }
    }
}
