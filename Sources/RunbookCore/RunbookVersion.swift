/// The tool's version, printed by `runbook --version` and recorded in SARIF output.
public enum RunbookVersion {
    public static let current = "0.1.0"
}
