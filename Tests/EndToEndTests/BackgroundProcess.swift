import Foundation

/// A program started in the background, for tests that signal it mid-run
/// (Ctrl-C, `kill -9`) or serve to it (an HTTP server). Standard input comes
/// from a file written up front; output goes to files read at the end.
final class BackgroundProcess: @unchecked Sendable {
    private let process = Process()
    private let scratch: URL
    private let outURL: URL
    private let errURL: URL

    init(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String], stdin: String = "") throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-bg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        outURL = scratch.appendingPathComponent("stdout")
        errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        for url in [outURL, errURL] { try Data().write(to: url) }
        try Data(stdin.utf8).write(to: inURL)
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: scratch)
    }

    var pid: Int32 { process.processIdentifier }

    var stdout: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end (killing it if it outlives the hang guard) and returns what it left behind.
    func wait() async -> ProcessResult {
        var waited = 0.0
        while process.isRunning && waited < RunbookProcess.hangLimit {
            try? await Task.sleep(for: .milliseconds(50))
            waited += 0.05
        }
        let hung = process.isRunning
        if hung { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        // A process ended by a signal reports it as its status, as a shell's 128+N would.
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ProcessResult(status: status, stdout: stdout, stderr: err, timedOut: hung)
    }

    /// Polls until `condition` holds, up to the hang guard: waiting for a step to
    /// start, not measuring how long it took.
    static func waitUntil(_ condition: () -> Bool) async -> Bool {
        var waited = 0.0
        while !condition() {
            guard waited < RunbookProcess.hangLimit else { return false }
            try? await Task.sleep(for: .milliseconds(50))
            waited += 0.05
        }
        return true
    }

    /// Whether a process is gone: no such process, or only a zombie left for its parent to reap.
    static func isGone(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return true }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // The state follows the parenthesised command name: "123 (sleep) Z ...".
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[close...].dropFirst(2).first == "Z"
    }
}
