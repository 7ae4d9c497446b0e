import RunbookCore

/// The checks made before anything runs. Each refusal names the flag that
/// overrides it; the ones about how prompts are answered have none.
public struct RunGate: Sendable {
    /// `executor.require_status`.
    public var requireStatus: String
    public var overrides: RunOverrides
    /// `--yes`: answer prompts without asking.
    public var assumeYes: Bool
    /// `--json`: no one at a terminal to ask.
    public var machineOutput: Bool

    public init(requireStatus: String, overrides: RunOverrides, assumeYes: Bool, machineOutput: Bool) {
        self.requireStatus = requireStatus
        self.overrides = overrides
        self.assumeYes = assumeYes
        self.machineOutput = machineOutput
    }

    /// - Parameter repositoryBlob: when a repository is at hand, the blob id of the
    ///   runbook's path there (nil inside means the path is missing); nil when there
    ///   is no repository to compare with.
    public func check(_ runbook: IndexedRunbook, repositoryBlob: String?? = nil) throws(RunRefusal) {
        let status = runbook.metadata.status ?? "(none)"
        if status != requireStatus && !overrides.allowDraft {
            throw RunRefusal(
                "'\(runbook.id)' has status '\(status)', and only '\(requireStatus)' runbooks run "
                    + "(executor.require_status); get it reviewed and approved, or pass --allow-draft to run it anyway")
        }
        if runbook.lint.errors > 0 && !overrides.allowLintErrors {
            let problems = runbook.lint.problems.filter { $0.severity == "error" }.prefix(5).map {
                "\n  \(runbook.path):\($0.line):\($0.column): \($0.message) [\($0.rule)]"
            }
            throw RunRefusal(
                "'\(runbook.id)' has \(CountPhrase.of(runbook.lint.errors, "lint error")); fix \(runbook.lint.errors == 1 ? "it" : "them") "
                    + "or pass --allow-lint-errors to run it anyway:" + problems.joined())
        }
        if case .some(let blob) = repositoryBlob, blob != runbook.blob, !overrides.allowIndexMismatch {
            let found = blob.map { "the repository has blob \($0.prefix(12))" } ?? "the repository has no such file"
            throw RunRefusal(
                "the index's '\(runbook.path)' (blob \(runbook.blob.prefix(12))) is not the repository's: \(found); "
                    + "rebuild and publish the index, run without --index, or pass --allow-index-mismatch to run the index's version")
        }
        if assumeYes && runbook.metadata.autonomy != "auto" {
            throw RunRefusal(
                "--yes answers prompts only for runbooks marked 'autonomy: auto', and '\(runbook.id)' is "
                    + "'\(runbook.metadata.autonomy ?? "manual")'; run it without --yes and answer each step")
        }
        if machineOutput && !assumeYes {
            throw RunRefusal("--json has no one to ask at the prompts; add --yes (for an 'autonomy: auto' runbook) or drop --json")
        }
    }

    /// Steps that `--yes` cannot answer: a refusal under `--json` or `--yes`
    /// before the first step runs, instead of a stop halfway.
    public func checkUnattended(_ plan: RunPlan) throws(RunRefusal) {
        guard assumeYes else { return }
        if let step = plan.steps.first(where: { $0.danger != nil }) {
            throw RunRefusal(
                "step '\(step.name)' \(step.danger ?? "is dangerous"): it runs only when an operator types its name, "
                    + "which --yes cannot do; run without --yes, or leave the step out with --only")
        }
        if let step = plan.steps.first(where: { $0.isManual || $0.needsConfirmation }), machineOutput {
            throw RunRefusal(
                "step '\(step.name)' needs an operator's answer (\(step.isManual ? "a manual step" : "confirm=true")), "
                    + "which --json cannot give; run it at a terminal")
        }
    }
}
