import ArgumentParser

/// The tool's exit codes, the same for every command.
enum ExitStatus: Int32 {
    /// Everything checked out.
    case success = 0
    /// Problems were found (or a run failed).
    case problems = 1
    /// The tool could not do its job: usage, config, repository.
    case toolFailure = 2

    var exitCode: ExitCode { ExitCode(rawValue) }
}
