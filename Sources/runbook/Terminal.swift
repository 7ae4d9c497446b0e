import ArgumentParser
import Foundation

/// Writes to standard output and error without buffering surprises.
enum Terminal {
    static func print(_ text: String) {
        write(Array(text.utf8), to: .standardOutput)
    }

    static func printError(_ line: String) {
        write(Array((line.hasSuffix("\n") ? line : line + "\n").utf8), to: .standardError)
    }

    /// Writes, ignoring a reader that went away (`runbook run | head`): SIGPIPE
    /// is ignored so a run is never killed by its output, and the lost output
    /// must not stop the run either.
    static func write(_ bytes: [UInt8], to handle: FileHandle) {
        try? handle.write(contentsOf: bytes)
    }

    /// `path` relative to the current folder when it lies inside it, as messages show paths.
    static func displayPath(_ path: String) -> String {
        let base = FileManager.default.currentDirectoryPath
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// Reports a failure of the tool itself and returns the exit code to throw (2).
    static func fail(_ message: String) -> ExitCode {
        printError("runbook: error: \(message)")
        return ExitStatus.toolFailure.exitCode
    }
}
