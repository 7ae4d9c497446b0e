#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import CGit2

/// An open Git repository, read through libgit2.
///
/// Owns the `git_repository` handle and frees it in `deinit`; everything read
/// from it is copied into Swift values before the C objects are freed, so no
/// libgit2 pointer escapes. libgit2 handles must not be used from two threads
/// at once, which is why this class is not `Sendable`.
public final class Repository {
    /// The `git_repository *`. Internal: C types stay inside GitKit.
    let handle: OpaquePointer
    /// The repository's object database, kept open because `blobSize` is
    /// called once per file and it is also where hook alternates were added.
    let objectDatabase: OpaquePointer
    /// An in-memory store ahead of the repository's own in `objectDatabase`:
    /// objects runbook makes (trees of the index, to diff it) go there, and are
    /// read back like any other, so a repository is never written to.
    let memoryStore: UnsafeMutablePointer<git_odb_backend>

    public let isBare: Bool
    /// Absolute path of the git directory; for a linked worktree, its own
    /// `.git/worktrees/<name>` directory. No trailing slash.
    public let gitDirectory: String
    /// The git directory shared by all worktrees; `gitDirectory` otherwise.
    public let commonDirectory: String
    /// Absolute path of the working tree, no trailing slash; nil when bare.
    public let workingDirectory: String?
    /// Whether history is cut off (a `--depth` clone): lineage is then incomplete.
    public let isShallow: Bool
    /// The pack reader, once something has needed it.
    private(set) var openPackReader: PackReader?

    private init(
        handle: OpaquePointer, objectDatabase: OpaquePointer, memoryStore: UnsafeMutablePointer<git_odb_backend>,
        isShallow libgit2SaysShallow: Bool
    ) {
        self.handle = handle
        self.objectDatabase = objectDatabase
        self.memoryStore = memoryStore
        isBare = git_repository_is_bare(handle) == 1
        gitDirectory = Self.directoryPath(git_repository_path(handle))
        commonDirectory = Self.directoryPath(git_repository_commondir(handle))
        workingDirectory = git_repository_workdir(handle).map(Self.directoryPath)
        // libgit2 1.5 looks for "shallow" only in the worktree's own git
        // directory, but git keeps it in the common one, so a linked worktree
        // of a shallow clone would otherwise claim full history.
        isShallow = libgit2SaysShallow
            || (gitDirectory != commonDirectory && Self.isNonEmptyFile(commonDirectory + "/shallow"))
    }

    /// git treats an empty "shallow" file as not shallow; so do we.
    private static func isNonEmptyFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_size > 0
    }

    /// Reads objects from pack files without libgit2 where it can (see
    /// `PackReader`); made on first use by the object reads of a history walk.
    var packReader: PackReader {
        if let reader = openPackReader { return reader }
        let reader = PackReader(objectDirectory: commonDirectory + "/objects")
        openPackReader = reader
        return reader
    }

    deinit {
        git_odb_free(objectDatabase)
        git_repository_free(handle)
    }

    /// Finds the repository containing `path` (walks up like git): normal,
    /// bare, and linked worktrees.
    ///
    /// Then applies what git exports to hooks (`GIT_INDEX_FILE`,
    /// `GIT_OBJECT_DIRECTORY`, `GIT_ALTERNATE_OBJECT_DIRECTORIES`), so the same
    /// code sees the index being committed in `pre-commit` and the quarantined
    /// pushed objects in `pre-receive`. `GIT_DIR` is not consulted: the caller
    /// says where to start (a hook's working directory is already the
    /// repository).
    public static func discover(startingAt path: String) throws -> Repository {
        try discover(startingAt: path, environment: .current())
    }

    static func discover(startingAt path: String, environment: HookEnvironment) throws -> Repository {
        try LibGit2.initialize()
        var opened: OpaquePointer?
        // Flags 0: search upwards, and accept a bare repository or a `.git`
        // file (linked worktree) at any level, as `git` does.
        try GitError.check(
            git_repository_open_ext(&opened, path, 0, nil), "git_repository_open_ext",
            "no Git repository found at or above '\(path)'")
        guard let handle = opened else {
            throw GitError(code: -1, function: "git_repository_open_ext", message: "returned no repository")
        }
        var database: OpaquePointer?
        do {
            try GitError.check(git_repository_odb(&database, handle), "git_repository_odb", "cannot open the object database")
            // Added as alternates rather than replacing the object database:
            // in pre-receive the quarantine holds only the pushed objects, and
            // the repository's own store must stay readable too.
            for directory in environment.objectDirectories {
                try GitError.check(
                    git_odb_add_disk_alternate(database, directory), "git_odb_add_disk_alternate",
                    "cannot add object directory '\(directory)' from the hook environment")
            }
            var memory: UnsafeMutablePointer<git_odb_backend>?
            try GitError.check(git_mempack_new(&memory), "git_mempack_new", "cannot set up an in-memory object store")
            // From here the object database owns the store and frees it.
            let added = git_odb_add_backend(database, memory, Self.memoryStorePriority)
            if added < 0 { memory?.pointee.free(memory) }
            try GitError.check(added, "git_odb_add_backend", "cannot set up an in-memory object store")
            if let indexFile = environment.indexFile {
                try useIndex(at: indexFile, in: handle)
            }
            let shallow = try GitError.check(
                git_repository_is_shallow(handle), "git_repository_is_shallow", "cannot tell whether the repository is shallow")
            guard let database, let memory else {
                throw GitError(code: -1, function: "git_repository_odb", message: "returned no object database")
            }
            return Repository(handle: handle, objectDatabase: database, memoryStore: memory, isShallow: shallow == 1)
        } catch {
            // The instance was never made, so its deinit will not free these.
            git_odb_free(database)
            git_repository_free(handle)
            throw error
        }
    }

    /// Above libgit2's own backends (loose objects 1, packs 2), so it is read first.
    private static let memoryStorePriority: Int32 = 1000

    private static func useIndex(at path: String, in handle: OpaquePointer) throws {
        var index: OpaquePointer?
        try GitError.check(git_index_open(&index, path), "git_index_open", "cannot open index file '\(path)' (GIT_INDEX_FILE)")
        // The repository takes its own reference; ours is released here.
        defer { git_index_free(index) }
        try GitError.check(git_repository_set_index(handle, index), "git_repository_set_index", "cannot use index file '\(path)'")
    }

    /// Where git runs hooks from: `core.hooksPath` if set (a relative value is
    /// relative to the working tree, or to the git directory when bare, which
    /// is where git runs hooks), else `<commonDirectory>/hooks`.
    ///
    /// Not throwing: if the configuration cannot be read, the default is
    /// returned, as the directory is advisory (used to install or find hooks).
    public var hooksDirectory: String {
        let fallback = commonDirectory + "/hooks"
        guard let configured = configuredHooksPath(), !configured.isEmpty else { return fallback }
        let path = configured.hasPrefix("/") ? configured : (workingDirectory ?? gitDirectory) + "/" + configured
        return Self.trimmingTrailingSlashes(path)
    }

    private func configuredHooksPath() -> String? {
        var config: OpaquePointer?
        // A snapshot gives a consistent view and is the documented way to read values.
        guard git_repository_config_snapshot(&config, handle) >= 0 else {
            git_error_clear()
            return nil
        }
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        // get_path (not get_string) expands a leading "~/" as git does.
        guard git_config_get_path(&buffer, config, "core.hooksPath") >= 0, let value = buffer.ptr else {
            git_error_clear()  // usually GIT_ENOTFOUND: not configured
            return nil
        }
        return String(cString: value)
    }

    /// libgit2 returns directories with a trailing "/"; callers join paths
    /// with "/", so it is removed (but "/" itself is kept).
    private static func directoryPath(_ path: UnsafePointer<CChar>) -> String {
        trimmingTrailingSlashes(String(cString: path))
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
