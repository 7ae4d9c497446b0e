import Foundation

/// A scratch Git repository made with the real `git` CLI, removed when the
/// value goes away: lineage is checked against what `git log --follow` says
/// about the very same repository, so nothing about Git is mocked.
///
/// Every git run gets a fixed environment (identity, dates, no user or system
/// config) so object ids are reproducible; `commit(_:date:)` sets both dates
/// per commit where walk order matters.
final class GitFixture {
    let root: String
    /// The working tree (or the bare repository).
    let path: String

    static let environment: [String: String] = [
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
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
        path = root + (bare ? "/repo.git" : "/repo")
        try git(["init", "--quiet", "--initial-branch=main"] + (bare ? ["--bare"] : []) + [path], in: root)
    }

    /// Wraps a repository that exists already (a clone made by a test).
    init(existing path: String, root: String) {
        self.root = root
        self.path = path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Runs git in `directory` (default: the repository), with `input` on its
    /// standard input; returns standard output without its last newline.
    @discardableResult
    func git(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], input: String? = nil
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? path)
        var variables = Self.environment
        variables["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        variables["HOME"] = root
        variables.merge(environment) { _, new in new }
        process.environment = variables
        let output = Pipe()
        process.standardOutput = output
        let errorPath = root + "/.stderr-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: errorPath, contents: nil) else {
            throw GitFixtureError(description: "cannot create \(errorPath)")
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
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw GitFixtureError(description: "git \(arguments.joined(separator: " ")) failed: \(message)")
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String { try git(arguments) }

    func write(_ relativePath: String, _ content: String) throws {
        let file = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: file))
    }

    func remove(_ relativePath: String) throws {
        try git("rm", "--quiet", "-r", relativePath)
    }

    /// Stages everything and commits with both dates at `date` (seconds
    /// since 1970, so commits can be ordered, or skewed, at will).
    @discardableResult
    func commit(_ message: String, date: Int = 1_704_067_200, author: (name: String, email: String)? = nil) throws -> String {
        try git(["add", "--all"])
        var environment = ["GIT_AUTHOR_DATE": "@\(date) +0000", "GIT_COMMITTER_DATE": "@\(date) +0000"]
        if let author {
            environment["GIT_AUTHOR_NAME"] = author.name
            environment["GIT_AUTHOR_EMAIL"] = author.email
        }
        try git(["commit", "--quiet", "--allow-empty", "-m", message], environment: environment)
        return try git("rev-parse", "HEAD")
    }

    /// What git says the lineage is: `git log --follow --format=%H -- path` at `revision`.
    func followLog(_ path: String, at revision: String = "HEAD") throws -> [String] {
        try git(["log", "--follow", "--format=%H", revision, "--", path]).split(separator: "\n").map(String.init)
    }
}

struct GitFixtureError: Error, CustomStringConvertible {
    let description: String
}
