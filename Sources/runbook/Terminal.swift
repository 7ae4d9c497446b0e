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

    /// Reports a failure of the tool itself and returns the exit code to throw (2).
    static func fail(_ message: String) -> ExitCode {
        printError("runbook: error: \(message)")
        return ExitStatus.toolFailure.exitCode
    }
}
