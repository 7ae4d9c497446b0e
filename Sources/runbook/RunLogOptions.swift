import ArgumentParser
import Executor
import Foundation

/// `--log FILE`, shared by every command that reads or writes the run log.
struct RunLogOptions: ParsableArguments {
    @Option(
        name: .customLong("log"),
        help: ArgumentHelp(
            "The run log (default: $XDG_STATE_HOME/runbook/runs.sqlite, else ~/.local/state/runbook/runs.sqlite).",
            valueName: "file"))
    var file: String?

    func validate() throws {
        if file?.isEmpty == true { throw ValidationError("--log needs a file name") }
    }

    /// The log's path: `--log`, else the default location.
    var path: String { file ?? RunLog.defaultPath(environment: ProcessInfo.processInfo.environment) }
}
