import ArgumentParser
import Foundation

/// Entry point. Parses and runs the command, mapping every failure to the
/// documented exit codes: usage errors exit 2, not ArgumentParser's 64.
@main
enum Main {
    static func main() {
        do {
            var command = try RunbookCommand.parseAsRoot()
            try command.run()
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
