import Foundation

/// A real Git repository in its own temporary folder, made with the `git`
/// program, with fixed authors and dates and no configuration from the machine.
/// The folder (with the repository, a fake HOME and anything else made in it)
/// is removed when the fixture goes away.
final class FixtureRepository {
    /// The temporary folder holding everything of this fixture.
    let sandbox: String
    /// The repository's working tree (or, for a bare repository, its Git folder).
    let path: String
    /// HOME for every subprocess, so no `~/.gitconfig` leaks in.
    let home: String
    private var commitCount = 0

    /// Makes `sandbox/<name>` and runs `git init -b main` there (`--bare` when asked).
    init(name: String = "repo", bare: Bool = false) async throws {
        sandbox = try Self.makeSandbox()
        home = sandbox + "/home"
        path = sandbox + "/" + name
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try await git(bare ? ["init", "--bare", "-b", "main"] : ["init", "-b", "main"])
    }

    /// A fixture over an existing folder of another fixture's sandbox (a clone).
    /// The clone keeps its origin alive: the origin's sandbox holds both.
    private init(cloneOf origin: FixtureRepository, path: String) {
        sandbox = origin.sandbox
        self.path = path
        home = origin.home
        self.origin = origin
        commitCount = origin.commitCount
    }

    /// For a clone, the fixture whose sandbox it lives in (which removes it).
    private var origin: FixtureRepository?

    deinit {
        if origin == nil { try? FileManager.default.removeItem(atPath: sandbox) }
    }

    private static func makeSandbox() throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("runbook-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Resolve /tmp symlinks so paths compare equal to what tools print.
        return url.resolvingSymlinksInPath().path
    }

    // MARK: Environment

    /// A clean environment: the machine's PATH and locale, no GIT_* variables,
    /// a private HOME, fixed identities and dates.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("GIT_") && key != "RUNBOOK" && key != "RUNBOOK_BIN" && key != "XDG_CONFIG_HOME"
                && key != "EMAIL" && key != "XDG_STATE_HOME"
        }
        let date = "2024-03-\(String(format: "%02d", min(commitCount + 1, 28)))T12:00:00+00:00"
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/.config"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_AUTHOR_NAME"] = "Ada Operator"
        environment["GIT_AUTHOR_EMAIL"] = "ada@example.com"
        environment["GIT_COMMITTER_NAME"] = "Ada Operator"
        environment["GIT_COMMITTER_EMAIL"] = "ada@example.com"
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C.UTF-8"
        environment["PATH"] = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return environment
    }

    // MARK: Files

    /// Writes text to a path relative to the working tree, making folders as needed.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Data(text.utf8))
    }

    func write(_ relative: String, bytes: Data) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    }

    /// Makes a symbolic link at `relative` pointing at `destination` (as written, not resolved).
    func symlink(_ relative: String, to destination: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path + "/" + relative)
    }

    // MARK: Git

    /// Runs git in the repository (or `directory`); throws when git fails.
    @discardableResult
    func git(_ arguments: [String], in directory: String? = nil, stdin: Data? = nil) async throws -> ProcessResult {
        let result = try await gitAllowingFailure(arguments, in: directory, stdin: stdin)
        guard result.status == 0 else {
            throw FixtureError("git \(arguments.joined(separator: " ")) failed: \(result)")
        }
        return result
    }

    /// Runs git and returns whatever happened.
    func gitAllowingFailure(_ arguments: [String], in directory: String? = nil, stdin: Data? = nil) async throws -> ProcessResult {
        try await RunbookProcess.run("git", arguments, in: directory ?? path, environment: environment, stdin: stdin)
    }

    /// `git add -A` then a commit with the next fixed date. Hooks run unless `verify` is false.
    @discardableResult
    func commitAll(_ message: String, verify: Bool = false) async throws -> ProcessResult {
        try await git(["add", "-A"])
        let result = try await commitStaged(message, verify: verify)
        guard result.status == 0 else { throw FixtureError("git commit failed: \(result)") }
        return result
    }

    /// Commits the index as it is; returns git's result whatever it is (hooks may refuse).
    func commitStaged(_ message: String, verify: Bool = false) async throws -> ProcessResult {
        let result = try await gitAllowingFailure(["commit", "-q", "-m", message] + (verify ? [] : ["--no-verify"]))
        if result.status == 0 { commitCount += 1 }
        return result
    }

    /// Stages exactly these paths.
    func add(_ paths: String...) async throws {
        try await git(["add", "--"] + paths)
    }

    /// The full id of a revision.
    func revParse(_ revision: String) async throws -> String {
        try await git(["rev-parse", "--verify", revision]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `git clone --bare` of this repository into this fixture's sandbox; the clone is removed with it.
    func cloneBare(named name: String = "server.git") async throws -> FixtureRepository {
        let destination = sandbox + "/" + name
        try await git(["clone", "-q", "--bare", path, destination], in: sandbox)
        return FixtureRepository(cloneOf: self, path: destination)
    }

    // MARK: runbook

    /// Runs the built `runbook` binary in the working tree (or `directory`).
    func runbook(_ arguments: String..., in directory: String? = nil) async throws -> ProcessResult {
        try await runbook(arguments, in: directory)
    }

    func runbook(_ arguments: [String], in directory: String? = nil) async throws -> ProcessResult {
        try await RunbookProcess.runbook(arguments, in: directory ?? path, environment: environment)
    }
}
