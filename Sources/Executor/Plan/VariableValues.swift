import RunbookCore

/// The values of a runbook's variables for one run: from `--var NAME=VALUE`,
/// else asked, else the default. Every value is checked against its pattern
/// before the first step, and reaches the steps only through their environment.
public struct VariableValues: Sendable, Hashable {
    public let values: [String: String]

    public init(values: [String: String]) {
        self.values = values
    }

    /// - Parameters:
    ///   - given: `--var` values, by name.
    ///   - ask: asks the operator for a value (showing the prompt, the default and
    ///     the answer just rejected, if any), returning nil at the end of input.
    ///     Without it, as under `--yes`, the default is used.
    public init(
        declared: [RunbookVariable], given: [String: String], ask: ((RunbookVariable, _ rejected: String?) -> String?)?
    ) throws(RunRefusal) {
        let names = Set(declared.map(\.name))
        if let unknown = given.keys.sorted().first(where: { !names.contains($0) }) {
            let known = declared.isEmpty ? "it declares none" : "it declares \(declared.map(\.name).joined(separator: ", "))"
            throw RunRefusal("--var \(unknown): the runbook has no variable '\(unknown)'; \(known)")
        }
        var values: [String: String] = [:]
        for variable in declared {
            if let value = given[variable.name] {
                guard variable.accepts(value) else {
                    throw RunRefusal("--var \(variable.name)='\(value)' does not match the variable's pattern \(variable.pattern ?? "")")
                }
                values[variable.name] = value
                continue
            }
            if let ask {
                values[variable.name] = try Self.asked(variable, ask: ask)
            } else if let value = variable.defaultValue {
                values[variable.name] = value
            } else {
                throw RunRefusal("variable \(variable.name) has no default; give it with --var \(variable.name)=VALUE")
            }
        }
        self.values = values
    }

    /// Asks until the answer fits the pattern; an empty answer takes the default.
    private static func asked(
        _ variable: RunbookVariable, ask: (RunbookVariable, String?) -> String?
    ) throws(RunRefusal) -> String {
        var rejected: String?
        for _ in 0..<3 {
            guard let answer = ask(variable, rejected) else { break }
            let value = answer.isEmpty ? (variable.defaultValue ?? "") : answer
            if !value.isEmpty && variable.accepts(value) { return value }
            rejected = value
        }
        throw RunRefusal("no acceptable value for variable \(variable.name); give it with --var \(variable.name)=VALUE")
    }
}
