/// What to run for one step: the program and arguments (from `ShellInvocation`),
/// the variables it sees, where, and the limits it runs under.
///
/// Values reach the step only through `environment`, never through the command
/// text: the script is passed as written and reads `$NAME` itself.
public struct StepRequest: Sendable {
    /// Output kept per step when the caller sets no cap: 1 MiB.
    public static let defaultOutputCap = 1 << 20

    /// The program: a name looked up on `PATH` (`bash`) or a path (`/usr/local/bin/bash`).
    public var executable: String
    public var arguments: [String]
    /// Variables set over the runner's own environment; a name given here replaces
    /// the runner's value, every other variable of the runner is inherited.
    public var environment: [String: String]
    /// Where the step runs; `nil` is the runner's current directory.
    public var workingDirectory: String?
    /// How long the step may run before its process group is ended; `nil` is no limit.
    public var timeout: Duration?
    /// How long processes get between TERM and KILL, whenever the runner ends them.
    public var killGrace: Duration
    /// How many bytes of output are kept: the first half and the last half of it.
    public var outputCap: Int

    public init(
        executable: String,
        arguments: [String],
        environment: [String: String] = [:],
        workingDirectory: String? = nil,
        timeout: Duration? = nil,
        killGrace: Duration = .seconds(5),
        outputCap: Int = StepRequest.defaultOutputCap
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.killGrace = killGrace
        self.outputCap = outputCap
    }

    /// A step's script run by the configured shell (`bash -e -o pipefail -c SCRIPT`).
    public init(
        script: String,
        shell: ShellInvocation,
        environment: [String: String] = [:],
        workingDirectory: String? = nil,
        timeout: Duration? = nil,
        killGrace: Duration = .seconds(5),
        outputCap: Int = StepRequest.defaultOutputCap
    ) {
        let command = shell.command(running: script)
        self.init(
            executable: command.executable,
            arguments: command.arguments,
            environment: environment,
            workingDirectory: workingDirectory,
            timeout: timeout,
            killGrace: killGrace,
            outputCap: outputCap
        )
    }
}
