import Subprocess

extension StepProcessError {
    /// Names what went wrong in the runbook's terms: which program, which directory.
    init(_ error: any Error, program: String, workingDirectory: String?) {
        guard let error = error as? SubprocessError else {
            self = .cannotRun(program: program, reason: String(describing: error))
            return
        }
        switch error.code {
        case .executableNotFound:
            self = .programNotFound(program: program)
        case .failedToChangeWorkingDirectory:
            self = .unusableWorkingDirectory(program: program, directory: workingDirectory ?? ".")
        default:
            self = .cannotRun(program: program, reason: error.description)
        }
    }
}
