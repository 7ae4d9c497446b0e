/// How a step's script is handed to a shell: the argument vector that runs it.
///
/// `executor.shell` names the shell. The usual shells get strict flags, so a
/// failing command inside a step fails the step instead of being ignored:
/// `bash -e -o pipefail -c SCRIPT`. Any other value is taken as a command line
/// split on spaces (`zsh -e`, `/usr/local/bin/bash --norc -e`) and the script is
/// passed after `-c`.
public struct ShellInvocation: Sendable, Hashable {
    public let arguments: [String]

    public init(shell: String) {
        let words = shell.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words {
        case ["bash"], ["zsh"], ["ksh"]:
            arguments = words + ["-e", "-o", "pipefail"]
        case ["sh"], ["dash"]:
            arguments = words + ["-e"]
        case []:
            arguments = ["bash", "-e", "-o", "pipefail"]
        default:
            arguments = words
        }
    }

    /// The program to start and its arguments, ending with `-c SCRIPT`.
    public func command(running script: String) -> (executable: String, arguments: [String]) {
        (arguments[0], Array(arguments.dropFirst()) + ["-c", script])
    }
}
