import Foundation
import GitKit
import MarkdownKit

/// Loads config and runbooks from the chosen source, with libgit2 for anything
/// in Git (never the `git` program).
public struct LintInputLoader {
    public static let configFileName = "runbook.yml"

    /// The repository found, if any.
    public let repository: Repository?
    /// The folder paths are relative to: the working tree, or the current
    /// directory outside a repository.
    public let base: String?
    private let currentDirectory: String
    private let explicitConfig: String?

    /// - Parameters:
    ///   - repositoryPath: `--repo`, else the current directory is searched upwards.
    ///   - configPath: `--config`, a file on disk that overrides the tree's `runbook.yml`.
    public init(repositoryPath: String?, configPath: String?, currentDirectory: String) {
        self.currentDirectory = currentDirectory
        explicitConfig = configPath.map { Self.absolute($0, from: currentDirectory) }
        let start = repositoryPath.map { Self.absolute($0, from: currentDirectory) } ?? currentDirectory
        do {
            let repository = try Repository.discover(startingAt: start)
            self.repository = repository
            base = repository.workingDirectory
            repositoryError = nil
        } catch {
            repository = nil
            // Linting files on disk works outside a repository; the rest needs one.
            base = repositoryPath == nil ? currentDirectory : nil
            repositoryError = "\(error)"
        }
    }

    private let repositoryError: String?

    public func load(_ source: RunbookSource) throws -> LintInput {
        switch source {
        case .revision(let revision): return try loadRevision(revision)
        case .staged: return try loadStaged()
        case .workingTree: return try loadDisk(paths: nil)
        case .paths(let paths): return try loadDisk(paths: paths)
        }
    }

    // MARK: A commit's tree

    private func loadRevision(_ revision: String) throws -> LintInput {
        let repository = try requireRepository()
        let commit = try repository.resolveCommit(revision)
        let entries = try repository.treeEntries(commit: commit, under: "")
        let config = try explicitConfigOrNil() ?? gitConfig(entries.first { $0.path == Self.configFileName }, in: repository)
        let runbooks = entries.filter { config.isRunbook($0.path) && $0.kind != .submodule }
        var input = LintInput(
            config: config, paths: runbooks.map(\.path), read: { try sourceFile(runbooks[$0], in: repository, config: config) },
            treePaths: Set(entries.map(\.path)), otherRunbooks: [],
            note: runbooks.isEmpty ? noRunbooksNote(config, where: "in \(revision)") : nil)
        input.blobWithoutReading = { runbooks[$0].kind == .symlink ? nil : runbooks[$0].id }
        return input
    }

    /// The config and the blob id of each runbook at a revision, reading no
    /// runbook: what the executor compares an index entry with.
    public func runbookBlobs(at revision: String) throws -> (config: Config, blobs: [String: String]) {
        let repository = try requireRepository()
        let entries = try repository.treeEntries(commit: try repository.resolveCommit(revision), under: "")
        let config = try explicitConfigOrNil() ?? gitConfig(entries.first { $0.path == Self.configFileName }, in: repository)
        let blobs = entries.filter { config.isRunbook($0.path) && $0.kind != .submodule }.map { ($0.path, $0.id.hex) }
        return (config, Dictionary(blobs, uniquingKeysWith: { first, _ in first }))
    }

    /// `--config` when given, else the defaults: for a run from an index with no repository at hand.
    public func configWithoutRepository() throws -> Config {
        try explicitConfigOrNil() ?? Config()
    }

    public var hasRepository: Bool { repository != nil }

    // MARK: The index

    /// Lints the staged runbooks that differ from HEAD (all of them when the
    /// config changed or there is no commit yet); the rest count only for ids.
    private func loadStaged() throws -> LintInput {
        let repository = try requireRepository()
        if repository.isBare && ProcessInfo.processInfo.environment["GIT_INDEX_FILE"] == nil {
            throw SourceError("'\(repository.gitDirectory)' is a bare repository, which has no index to lint; use --rev REF")
        }
        let staged = try repository.indexEntries(under: "")
        let stagedConfig = staged.first { $0.path == Self.configFileName }
        let config = try explicitConfigOrNil() ?? gitConfig(stagedConfig, in: repository)
        let runbooks = staged.filter { config.isRunbook($0.path) && $0.kind != .submodule }
        // Without a commit, or with a new config, every runbook is new to the rules.
        let head = try? repository.resolveCommit("HEAD")
        let stagedSinceHead = try head.map { try repository.paths(of: staged, differingFrom: $0) }
        let changed = stagedSinceHead.map { paths in
            paths.contains(Self.configFileName) ? runbooks : runbooks.filter { paths.contains($0.path) }
        } ?? runbooks
        let changedPaths = Set(changed.map(\.path))
        let parser = RunbookParser(config: config)
        var cache = DeclaredIDCache(gitDirectory: repository.commonDirectory)
        let others = try runbooks.filter { !changedPaths.contains($0.path) }.map { entry in
            try summary(of: entry, in: repository, parser: parser, cache: &cache)
        }
        cache.save()
        return LintInput(
            config: config, paths: changed.map(\.path), read: { try sourceFile(changed[$0], in: repository, config: config) },
            treePaths: Set(staged.map(\.path)), otherRunbooks: others,
            note: runbooks.isEmpty ? noRunbooksNote(config, where: "in the index") : nil)
    }

    /// The id of a runbook that is not linted: from the path, unless its front
    /// matter declares one, which only then is parsed.
    private func summary(
        of entry: TreeEntry, in repository: Repository, parser: RunbookParser, cache: inout DeclaredIDCache
    ) throws -> RunbookSummary {
        let declared = try cache.entry(for: entry.id) {
            let none = DeclaredIDCache.Entry(id: nil, location: SourceLocation(line: 1, column: 1))
            guard entry.kind == .file || entry.kind == .executable,
                  try repository.blobSize(entry.id) <= parser.config.maxFileSize else { return none }
            let declared = parser.declaredID(path: entry.path, bytes: try repository.blob(entry.id))
            return declared.map { DeclaredIDCache.Entry(id: $0.id, location: $0.idLocation) } ?? none
        }
        guard let id = declared.id else { return parser.derivedSummary(for: entry.path) }
        return RunbookSummary(path: entry.path, id: id, idLocation: declared.location)
    }

    // MARK: Files on disk

    private func loadDisk(paths: [String]?) throws -> LintInput {
        guard let base else {
            throw SourceError(
                repository?.isBare == true
                    ? "'\(repository!.gitDirectory)' is a bare repository, which has no files on disk; use --rev REF"
                    : "cannot open the repository: \(repositoryError ?? "unknown error")")
        }
        let config = try explicitConfigOrNil() ?? diskConfig(base + "/" + Self.configFileName)
        var treePaths = Set(try repository?.indexEntries(under: "").map(\.path) ?? [])
        let rootEntries = DiskTree.entries(base: base, under: config.rootPrefix)
        treePaths.formUnion(rootEntries.map(\.path))
        let selected: [String]
        if let paths {
            selected = try paths.flatMap { try runbookPaths(for: $0, base: base, config: config) }
        } else {
            selected = rootEntries.map(\.path).filter(config.isRunbook)
        }
        let files = Array(Set(selected)).sorted()
        let read = { (index: Int) throws -> SourceFile in
            let (bytes, unreadable) = try DiskTree.read(base + "/" + files[index], limit: config.maxFileSize)
            return SourceFile(path: files[index], bytes: bytes, unreadableReason: unreadable)
        }
        let note = files.isEmpty && paths == nil ? noRunbooksNote(config, where: "on disk") : nil
        return LintInput(config: config, paths: files, read: read, treePaths: treePaths, otherRunbooks: otherDiskRunbooks(
            rootEntries.map(\.path).filter(config.isRunbook), excluding: Set(selected), base: base, config: config), note: note)
    }

    /// Paths given on the command line, as runbook paths relative to the base.
    /// Files that are not runbooks under the config (a README, a file outside
    /// the root) are skipped, since the pre-commit framework passes every changed file.
    private func runbookPaths(for argument: String, base: String, config: Config) throws -> [String] {
        let absolute = Self.absolute(argument, from: currentDirectory)
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        guard standardized == base || standardized.hasPrefix(base + "/") else {
            throw SourceError("'\(argument)' is outside the repository at '\(base)'")
        }
        let relative = standardized == base ? "" : String(standardized.dropFirst(base.count + 1))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: standardized, isDirectory: &isDirectory)
            || (try? FileManager.default.destinationOfSymbolicLink(atPath: standardized)) != nil else {
            throw SourceError("'\(argument)': no such file or folder")
        }
        if isDirectory.boolValue {
            return DiskTree.entries(base: base, under: relative).map(\.path).filter(config.isRunbook)
        }
        return config.isRunbook(relative) ? [relative] : []
    }

    /// Ids of the runbooks on disk that are not being linted, for duplicate checks.
    private func otherDiskRunbooks(_ all: [String], excluding linted: Set<String>, base: String, config: Config) -> [RunbookSummary] {
        let parser = RunbookParser(config: config)
        return all.filter { !linted.contains($0) }.map { path in
            let fallback = parser.derivedSummary(for: path)
            guard let (bytes, unreadable) = try? DiskTree.read(base + "/" + path, limit: config.maxFileSize),
                  unreadable == nil else { return fallback }
            return parser.declaredID(path: path, bytes: bytes) ?? fallback
        }
    }

    /// The folder files on disk are relative to, and the config that applies there
    /// (`--config`, else `runbook.yml` on disk, else the defaults): what commands that
    /// write runbooks (`new`, `draft`) need.
    public func workingTreeConfig() throws -> (base: String, config: Config) {
        guard let base else {
            throw SourceError(
                repository?.isBare == true
                    ? "'\(repository?.gitDirectory ?? "")' is a bare repository, which has no files on disk to write runbooks into"
                    : "cannot open the repository: \(repositoryError ?? "unknown error")")
        }
        return (base, try explicitConfigOrNil() ?? diskConfig(base + "/" + Self.configFileName))
    }

    // MARK: Helpers

    /// The repository, or an error saying why there is none.
    public func requireRepository() throws -> Repository {
        guard let repository else {
            throw SourceError("cannot open the repository: \(repositoryError ?? "unknown error")")
        }
        return repository
    }

    private func sourceFile(_ entry: TreeEntry, in repository: Repository, config: Config) throws -> SourceFile {
        if entry.kind == .symlink {
            return SourceFile(path: entry.path, bytes: [], unreadableReason: SourceFile.symlinkReason)
        }
        let size = try repository.blobSize(entry.id)
        if size > config.maxFileSize {
            return SourceFile(
                path: entry.path, bytes: [], unreadableReason: SourceFile.tooLargeReason(size: size, limit: config.maxFileSize))
        }
        return SourceFile(path: entry.path, bytes: try repository.blob(entry.id), blob: entry.id)
    }

    private func explicitConfigOrNil() throws -> Config? {
        guard let explicitConfig else { return nil }
        guard FileManager.default.fileExists(atPath: explicitConfig) else {
            throw SourceError("config file '\(explicitConfig)' does not exist")
        }
        return try diskConfig(explicitConfig)
    }

    private func diskConfig(_ path: String) throws -> Config {
        guard let data = FileManager.default.contents(atPath: path) else { return Config() }
        return try parseConfig([UInt8](data), path: displayPath(path))
    }

    private func gitConfig(_ entry: TreeEntry?, in repository: Repository) throws -> Config {
        guard let entry else { return Config() }
        return try parseConfig(try repository.blob(entry.id), path: entry.path)
    }

    private func parseConfig(_ bytes: [UInt8], path: String) throws -> Config {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(path: path, line: 1, column: 1, key: "", message: "the file is not UTF-8 text")
        }
        return try ConfigParser(path: path).parse(text)
    }

    private func displayPath(_ path: String) -> String {
        if let base, path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }

    private func noRunbooksNote(_ config: Config, where place: String) -> String {
        let root = config.rootPrefix.isEmpty ? "the repository root" : "'\(config.rootPrefix)/'"
        return "no runbooks found under \(root) \(place); set root (and include/exclude) in \(Self.configFileName)"
    }

    private static func absolute(_ path: String, from directory: String) -> String {
        path.hasPrefix("/") ? path : directory + "/" + path
    }
}
