/// "1 runbook", "3 runbooks": counts as pages show them.
enum CountPhrase {
    static func of(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
