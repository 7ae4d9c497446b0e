import Foundation

/// A scratch folder holding Git repositories made with the real `git` CLI,
/// removed when the value goes away.
///
/// Every git run gets a fixed, minimal environment (author, committer, dates,
/// no user or system config), so object ids are the same on every machine and
/// exact ids can be asserted. The process environment is not inherited: a
/// test run inside a hook must not see the hook's `GIT_DIR`/`GIT_INDEX_FILE`.
final class TemporaryGitRepository {
    /// The scratch folder (symlinks resolved, as libgit2 reports real paths).
    let root: String
    /// The repository's working tree: `root/repo`, or the bare repo `root/repo.git`.
    let path: String

    static let fixedEnvironment: [String: String] = [
        "GIT_AUTHOR_NAME": "Ada Lovelace",
        "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z",
        "GIT_COMMITTER_NAME": "Ada Lovelace",
        "GIT_COMMITTER_EMAIL": "ada@example.com",
        "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "LC_ALL": "C",
        "TZ": "UTC",
    ]

    init(bare: Bool = false) throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("gitkit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
        path = root + (bare ? "/repo.git" : "/repo")
        if bare {
            try git("init", "--quiet", "--bare", "--initial-branch=main", path, in: root)
        } else {
            try git("init", "--quiet", "--initial-branch=main", path, in: root)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Runs git in `directory` (default: the repository) and returns its
    /// standard output without the trailing newline.
    @discardableResult
    func git(
        _ arguments: String..., in directory: String? = nil, environment: [String: String] = [:],
        input: String? = nil, allowFailure: Bool = false
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? path)
        var variables = Self.fixedEnvironment
        variables["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        variables["HOME"] = root
        variables.merge(environment) { _, new in new }
        process.environment = variables

        let output = Pipe()
        process.standardOutput = output
        // Errors go to a file so a chatty stderr can never block on a full pipe.
        let errorPath = root + "/.git-stderr-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: errorPath, contents: nil) else {
            throw GitCommandFailed(arguments: arguments, status: -1, stderr: "cannot create \(errorPath)")
        }
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe

        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0 && !allowFailure {
            let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw GitCommandFailed(arguments: arguments, status: process.terminationStatus, stderr: errorText)
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// Writes a file under the working tree, creating folders as needed.
    func write(_ relativePath: String, _ content: String, executable: Bool = false) throws {
        let file = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes(
            [.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: file)
    }

    /// Writes raw bytes (for binary content) under the working tree.
    func write(bytes: [UInt8], to relativePath: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + relativePath))
    }

    func symlink(_ relativePath: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relativePath, withDestinationPath: target)
    }

    /// Stages everything and commits; returns the new commit id.
    @discardableResult
    func commitAll(_ message: String) throws -> String {
        try git("add", "--all")
        try git("commit", "--quiet", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    /// `git hash-object` of some text, optionally writing it (`-w`).
    func blobID(of content: String, write: Bool = false, environment: [String: String] = [:]) throws -> String {
        try git("hash-object", "--stdin", write ? "-w" : "--no-filters", environment: environment, input: content)
    }
}

struct GitCommandFailed: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stderr: String
    var description: String { "git \(arguments.joined(separator: " ")) exited with \(status): \(stderr)" }
}
