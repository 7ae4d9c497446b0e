import Foundation

/// What a finished subprocess left behind.
struct ProcessResult: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Set when the process was killed by the hang guard.
    var timedOut: Bool

    /// Standard output split into lines, without the final empty line.
    var stdoutLines: [String] { Self.lines(stdout) }
    var stderrLines: [String] { Self.lines(stderr) }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// For failure messages: everything at once.
    var description: String {
        "exit \(status)\(timedOut ? " (killed: hung)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// Runs programs as real subprocesses: the built `runbook` binary, `git`, and `sh`.
enum RunbookProcess {
    /// The `runbook` binary under test: `$RUNBOOK_BIN`, else the one built beside this test bundle.
    static let binary: String = {
        if let override = ProcessInfo.processInfo.environment["RUNBOOK_BIN"], !override.isEmpty { return override }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // On macOS the test executable sits inside `*.xctest/Contents/MacOS`; the binary is beside the bundle.
        for _ in 0..<4 where !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("runbook").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("runbook").path
    }()

    /// Longest any single subprocess may run before it is killed and reported as hung.
    /// A guard against a hang taking the whole test run down, not a timing assertion.
    static let hangLimit: TimeInterval = 600

    /// Runs `runbook` with arguments in `directory`.
    static func runbook(
        _ arguments: [String], in directory: String, environment: [String: String], stdin: Data? = nil
    ) async throws -> ProcessResult {
        try await run(binary, arguments, in: directory, environment: environment, stdin: stdin)
    }

    /// Runs any executable (an absolute path, or a name looked up on the PATH by `/usr/bin/env`).
    /// Output goes to files, not pipes, so a large output can never fill a pipe and block the child.
    static func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String],
        stdin: Data? = nil
    ) async throws -> ProcessResult {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("runbook-e2e-io-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())

        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        process.environment = environment
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
            try? inHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle

        let hung = HangFlag()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                hung.launchError = "\(error)"
                continuation.resume()
                return
            }
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + hangLimit) {
                if process.isRunning {
                    hung.set()
                    kill(pid, SIGKILL)
                }
            }
        }
        if let launchError = hung.launchError {
            throw FixtureError("cannot run \(executable): \(launchError)")
        }
        let out = (try? Data(contentsOf: outURL)) ?? Data()
        let err = (try? Data(contentsOf: errURL)) ?? Data()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self),
            timedOut: hung.isSet)
    }
}

/// Shared between the hang guard and the waiting test.
private final class HangFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private var error: String?

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
    var launchError: String? {
        get { lock.withLock { error } }
        set { lock.withLock { error = newValue } }
    }
}

/// A fixture step that went wrong (git failed, a file could not be written).
struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
