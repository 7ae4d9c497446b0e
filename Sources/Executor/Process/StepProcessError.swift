/// Why a step could not be run at all. A step that ran and failed is not an
/// error: it is a `StepResult` with its exit code.
public enum StepProcessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The program is not on `PATH`, does not exist, or is not an executable file.
    case programNotFound(program: String)
    /// The step's working directory is missing or not a usable directory.
    case unusableWorkingDirectory(program: String, directory: String)
    /// The program could not be started, or its output could not be read.
    case cannotRun(program: String, reason: String)
    /// An interruption had already been requested, so the step was not started.
    case interruptedBeforeLaunch(program: String)

    public var description: String {
        switch self {
        case .programNotFound(let program):
            return "cannot run '\(program)': it is not on PATH or is not an executable file; "
                + "install it or set executor.shell in runbook.yml"
        case .unusableWorkingDirectory(let program, let directory):
            return "cannot run '\(program)' in '\(directory)': the directory does not exist or cannot be entered"
        case .cannotRun(let program, let reason):
            return "cannot run '\(program)': \(reason)"
        case .interruptedBeforeLaunch(let program):
            return "'\(program)' was not started: the run was interrupted"
        }
    }
}
