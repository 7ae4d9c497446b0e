import ArgumentParser
import Foundation

/// Writes to standard output and error without buffering surprises.
enum Terminal {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
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
