/// The flags an operator passes to get past a refusal, each named in the
/// message of the refusal it overrides.
public struct RunOverrides: Sendable, Hashable {
    /// `--allow-draft`: run a runbook whose status is not `executor.require_status`.
    public var allowDraft = false
    /// `--allow-lint-errors`: run a runbook the index records lint errors for.
    public var allowLintErrors = false
    /// `--allow-index-mismatch`: run an index entry that differs from the repository's file.
    public var allowIndexMismatch = false
    /// `--allow-dangerous`: let denylisted steps run, each after the operator types its name.
    public var allowDangerous = false

    public init(allowDraft: Bool = false, allowLintErrors: Bool = false, allowIndexMismatch: Bool = false, allowDangerous: Bool = false) {
        self.allowDraft = allowDraft
        self.allowLintErrors = allowLintErrors
        self.allowIndexMismatch = allowIndexMismatch
        self.allowDangerous = allowDangerous
    }
}
