import ArgumentParser
import Executor

/// Flags `run` and `resume` share: how prompts are answered, what output
/// looks like, where the log is, and the overrides of refusals.
struct RunOptions: ParsableArguments {
    @Flag(help: "Answer every prompt with yes (only for runbooks marked 'autonomy: auto'; never for dangerous steps).")
    var yes = false

    @Flag(help: "Print the run as JSON lines (plan, step-started, output, step-finished, run-finished); needs --yes.")
    var json = false

    @OptionGroup var log: RunLogOptions

    @Flag(help: "Run a runbook whose status is not executor.require_status (default approved).")
    var allowDraft = false

    @Flag(help: "Run a runbook that has lint errors.")
    var allowLintErrors = false

    @Flag(help: "Run the index's version of a runbook that differs from the repository's.")
    var allowIndexMismatch = false

    @Flag(help: "Let commands on the dangerous-command list run, each after you type the step's name.")
    var allowDangerous = false

    var overrides: RunOverrides {
        RunOverrides(
            allowDraft: allowDraft, allowLintErrors: allowLintErrors, allowIndexMismatch: allowIndexMismatch,
            allowDangerous: allowDangerous)
    }

    var logPath: String { log.path }
}
