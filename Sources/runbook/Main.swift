import ArgumentParser
import Foundation

/// Entry point. Parses and runs the command, mapping every failure to the
/// documented exit codes: usage errors exit 2, not ArgumentParser's 64.
@main
enum Main {
    static func main() async {
        // `runbook run | head` must not kill the runner mid-step: a closed pipe is a write error instead.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try RunbookCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = RunbookCommand.exitCode(for: error)
            if code == .success || error is ExitCode {
                RunbookCommand.exit(withError: error)
            }
            let message = RunbookCommand.fullMessage(for: error)
            if !message.isEmpty { Terminal.printError(message) }
            Foundation.exit(Int32(ExitStatus.toolFailure.rawValue))
        }
    }
}
