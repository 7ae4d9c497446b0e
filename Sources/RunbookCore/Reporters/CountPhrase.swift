/// "1 runbook", "3 runbooks": counts as summaries and pages show them.
public enum CountPhrase {
    public static func of(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
