import Dispatch
import Foundation
import GitKit
import MarkdownKit
import Synchronization

/// Reads one revision of a runbooks repository into a `Catalog`: its runbooks
/// parsed and checked, and their lineage from the history — the history is
/// read on a second thread, with its own repository handle, while the
/// runbooks are parsed.
public struct CatalogBuilder {
    /// The folder of a runbooks repository whose files override the built-in site templates.
    public static let templateFolder = "site-template"
    /// The priority of what runs beside a walk of the whole history (checking
    /// the files, laying out the site and making its folders): below the
    /// walk's, which is then the longest part of the build. At the same
    /// priority, on two cores, the walk's two threads got little more than half
    /// of each, and a first build of 10,000 runbooks took 8% longer.
    /// libdispatch on Linux runs this class at nice 10; on Darwin it would also
    /// slow the folders' writes, so there it is the class above.
    #if os(Linux)
    static let besideWholeHistory: DispatchQoS.QoSClass = .background
    #else
    static let besideWholeHistory: DispatchQoS.QoSClass = .utility
    #endif
    /// Largest template or asset file read from `site-template/`.
    static let templateFileLimit = 8 << 20

    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// - Parameters:
    ///   - progress: called with the stage, how much of it is done, and the
    ///     total when known; from any thread.
    ///   - whenChecked: called on the calling thread once the runbooks are
    ///     checked, before the history is waited for: with the catalog's
    ///     runbooks, in order, and the tree's template files; for work that
    ///     needs no lineage (laying out the site), to be run at the priority
    ///     given (`qos`). The runbooks are a view, not a copy: the history walk
    ///     may still hold a lot of memory.
    /// - Returns: the catalog, with the caches still being written (`cacheWrites`).
    public func build(
        progress: @escaping @Sendable (BuildStage, Int, Int?) -> Void,
        whenChecked: (
            _ runbooks: LazyMapSequence<[Int], Runbook>, _ templateOverrides: [String: [UInt8]], _ qos: DispatchQoS.QoSClass
        ) throws -> Void = { _, _, _ in }
    ) throws -> BuildOutcome {
        progress(.reading, 0, nil)
        let loader = LintInputLoader(
            repositoryPath: options.repositoryPath, configPath: options.configPath, currentDirectory: options.currentDirectory)
        let repository = try loader.requireRepository()
        let commit = try resolveCommit(in: repository)
        var warnings: [String] = []
        if repository.isShallow {
            let message = "the repository is a shallow clone, so the history of some runbooks is cut short (marked truncated)"
            if options.requireFullHistory {
                throw SourceError("\(message); fetch the full history (git fetch --unshallow) or drop --require-full-history")
            }
            warnings.append("\(message); use a full clone (fetch-depth: 0 in GitHub Actions) for exact lineage")
        }
        let input: LintInput
        if options.worktree {
            input = try loader.load(.workingTree)
        } else if let commit {
            input = try loader.load(.revision(commit.hex))
        } else {
            throw SourceError("nothing to build: '\(options.revision)' names no commit")
        }

        let cacheWrites = CacheWrites()
        // Handed to the caller with the outcome; waited for here when there is none.
        var built = false
        defer { if !built { cacheWrites.wait() } }
        let history = HistoryReading(
            gitDirectory: repository.gitDirectory, commit: commit, paths: input.paths, options: options, cacheWrites: cacheWrites)
        // The walk reports as it goes, but one progress line shows one stage:
        // the history's count appears once parsing is done.
        let parsed = Atomic(false)
        // A build after a few new commits resumes from the last walk's
        // snapshot, and its walk is short: then nothing need yield to it.
        let besideHistory = FileManager.default.fileExists(
            atPath: LineageReader(repository: repository, cacheDirectory: options.cacheDirectory).snapshotPath)
            ? DispatchQoS.QoSClass.default : Self.besideWholeHistory
        history.start { stage, done, total in
            if parsed.load(ordering: .relaxed) { progress(stage, done, total) }
        }
        // The history thread never outlives the call, even when parsing throws.
        var historyResult: HistoryReading.Result?
        defer { if historyResult == nil { _ = try? history.wait() } }

        var blobs = [ObjectID?](repeating: nil, count: input.paths.count)
        var sources = [[UInt8]?](repeating: [], count: input.paths.count)
        let linter = try Linter(config: input.config)
        let cachePath = (options.cacheDirectory ?? BuildOptions.defaultCacheDirectory(of: repository)) + "/checked.cache"
        let cache = CheckedRunbookCache.context(config: input.config).map {
            CheckedRunbookCache(loadingFrom: cachePath, context: $0)
        }
        func read(_ index: Int) throws -> SourceFile {
            var file = try input.read(index)
            if file.blob == nil, file.unreadableReason == nil { file.blob = try ObjectID(hashingBlob: file.bytes) }
            blobs[index] = file.blob
            sources[index] = file.bytes
            return file
        }
        let keep: @Sendable (Runbook) -> KeptRunbook = { runbook in
            // The tree is parsed again when its page is rendered: keeping all of them costs more than that.
            var kept = runbook
            kept.document = MarkdownDocument(nodes: [])
            return KeptRunbook(runbook: kept, dangerousSteps: linter.dangerousSteps(of: runbook))
        }
        // Files whose checks the cache holds are not read (their pages read
        // them if they are rendered); any whose record then does not read back
        // is read and checked afterwards.
        let unread = Mutex<Set<String>>([])
        let missed = Mutex<Set<String>>([])
        var checked = try linter.checkEach(
            count: input.paths.count, treePaths: input.treePaths, qos: besideHistory,
            read: { index in
                progress(.parsing, index, input.paths.count)
                let path = input.paths[index]
                guard let cache, let blob = input.blobWithoutReading?(index), cache.holds(path: path, blob: blob) else {
                    return try read(index)
                }
                blobs[index] = blob
                sources[index] = nil
                unread.withLock { _ = $0.insert(path) }
                return SourceFile(path: path, bytes: [], blob: blob)
            },
            reuse: { file in
                if let reused = cache?.checked(file) { return reused }
                if unread.withLock({ $0.contains(file.path) }) { missed.withLock { _ = $0.insert(file.path) } }
                return nil
            },
            keep: keep)
        let missedPaths = missed.withLock { $0 }
        if !missedPaths.isEmpty {
            let indices = input.paths.indices.filter { missedPaths.contains(input.paths[$0]) }
            let rechecked = try linter.checkEach(
                count: indices.count, treePaths: input.treePaths, read: { try read(indices[$0]) }, reuse: { _ in nil }, keep: keep)
            for (index, file) in zip(indices, rechecked) { checked[index] = file }
        }
        if let cache { cacheWrites.start { [checked, blobs] in cache.save(checked, blobs: blobs, to: cachePath) } }
        // Kept apart from `checked`, which the cache is being saved from.
        let corpusProblems = linter.corpusProblems(
            of: checked, otherRunbooks: input.otherRunbooks, treePaths: input.treePaths)
        progress(.parsing, input.paths.count, input.paths.count)
        parsed.store(true, ordering: .relaxed)

        // Indices into `checked` of the files that become entries: each has a
        // runbook and a blob (the unwraps below rely on it).
        var catalogued: [Int] = []
        var unreadable: [Problem] = []
        // Git paths are bytes, but Swift compares strings by canonical equivalence:
        // `café.md` spelt two ways would be one page, one key, one lineage.
        var seenPaths: [String: String] = [:]
        // By index, here and below: a checked file is large, and binding one
        // to a name copies every field of it.
        for index in checked.indices {
            let path = checked[index].path
            if let other = seenPaths[path], Array(other.utf8) != Array(path.utf8) {
                unreadable.append(Problem(
                    ruleID: UnreadableFileRule.description.id, severity: .error, path: path, line: 1, column: 1,
                    message: "the path differs from '\(other)' only in how its accents are encoded (Unicode normalization); "
                        + "rename one of them"))
                continue
            }
            seenPaths[path] = path
            guard checked[index].kept != nil, blobs[index] != nil else {
                unreadable += checked[index].problems + (corpusProblems[index] ?? [])
                continue
            }
            catalogued.append(index)
        }
        let overrides = try templateOverrides(repository: repository, commit: commit, base: loader.base)
        try whenChecked(catalogued.lazy.map { checked[$0].kept!.runbook }, overrides, besideHistory)
        let (lineages, commitsRead, commitDate) = try history.wait()
        historyResult = (lineages, commitsRead, commitDate)
        let entries = catalogued.map { index in
            CatalogEntry(
                runbook: checked[index].kept!.runbook, source: sources[index], blob: blobs[index]!,
                problems: checked[index].problems + (corpusProblems[index] ?? []),
                lineage: lineages[checked[index].path] ?? Lineage(changes: [], approval: nil, truncated: false),
                dangerousSteps: checked[index].kept!.dangerousSteps)
        }
        let source = CatalogSource(
            ref: options.revision, commit: commit, commitDate: commitDate, isWorkingTree: options.worktree,
            isShallow: repository.isShallow)
        built = true
        return BuildOutcome(
            catalog: Catalog(
                source: source, config: input.config, entries: entries, unreadable: unreadable,
                blobs: unread.withLock { $0.isEmpty } ? nil : BlobStore(repository: repository)),
            templateOverrides: overrides, warnings: warnings, commitsRead: commitsRead, cacheWrites: cacheWrites)
    }

    /// The commit to build, or nil when building the files on disk of a repository without commits.
    private func resolveCommit(in repository: Repository) throws -> ObjectID? {
        do {
            return try repository.resolveCommit(options.revision)
        } catch where options.revision == "HEAD" && repository.headIsUnborn {
            guard options.worktree else {
                throw SourceError(
                    "nothing to build: HEAD has no commits yet; commit the runbooks, or preview the files on disk with --worktree")
            }
            return nil
        }
    }

    /// The tree's own `site-template/` files (on disk for `--worktree`). Links
    /// and oversized files are refused: a pull request can contain anything.
    private func templateOverrides(repository: Repository, commit: ObjectID?, base: String?) throws -> [String: [UInt8]] {
        let folder = Self.templateFolder
        var files: [String: [UInt8]] = [:]
        if options.worktree, let base {
            var info = stat()
            if lstat(base + "/" + folder, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                throw SourceError("\(folder): the folder is a symbolic link; templates must be regular files in the repository")
            }
            for entry in DiskTree.entries(base: base, under: folder) {
                let (bytes, unreadable) = try DiskTree.read(base + "/" + entry.path, limit: Self.templateFileLimit)
                if let unreadable { throw SourceError("\(entry.path): \(unreadable)") }
                files[String(entry.path.dropFirst(folder.count + 1))] = bytes
            }
        } else if let commit {
            for entry in try repository.treeEntries(commit: commit, under: folder) where entry.kind != .submodule {
                guard entry.kind != .symlink else { throw SourceError("\(entry.path): \(SourceFile.symlinkReason)") }
                let size = try repository.blobSize(entry.id)
                guard size <= Self.templateFileLimit else {
                    throw SourceError("\(entry.path): \(SourceFile.tooLargeReason(size: size, limit: Self.templateFileLimit))")
                }
                files[String(entry.path.dropFirst(folder.count + 1))] = try repository.blob(entry.id)
            }
        }
        return files
    }
}
