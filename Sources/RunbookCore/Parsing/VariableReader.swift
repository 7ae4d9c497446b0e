/// Reads front matter `variables:`: a list whose items are a name, or a mapping
/// with `name` and optional `prompt`, `default` and `pattern`. Every mistake is a
/// front matter problem at its line, so a runbook the executor could not
/// start never passes lint.
enum VariableReader {
    private static let keys: Set<String> = ["name", "prompt", "default", "pattern"]
    /// Names that would change how every step's shell finds programs or starts,
    /// rather than pass a value: a runbook may not set them.
    private static let reserved: Set<String> = [
        "PATH", "HOME", "SHELL", "IFS", "ENV", "BASH_ENV", "CDPATH", "PS4", "SHELLOPTS", "BASHOPTS", "GLOBIGNORE",
        "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT",
    ]

    static func read(_ value: YAMLValue) throws(YAMLError) -> [RunbookVariable] {
        if case .null = value.kind { return [] }
        guard let items = value.sequence else {
            throw problem("'variables' must be a list, e.g. '- name: NAMESPACE', found \(value.kindName)", at: value)
        }
        var seen: Set<String> = []
        var variables: [RunbookVariable] = []
        for item in items {
            let variable = try variable(item)
            guard seen.insert(variable.name).inserted else {
                throw problem("variable '\(variable.name)' is declared twice", at: item)
            }
            variables.append(variable)
        }
        return variables
    }

    private static func variable(_ item: YAMLValue) throws(YAMLError) -> RunbookVariable {
        if let name = item.scalar { return try RunbookVariable(name: checkedName(name, at: item)) }
        guard let entries = item.mapping else {
            throw problem("each variable must be a name or a mapping with 'name', found \(item.kindName)", at: item)
        }
        var texts: [String: String] = [:]
        for entry in entries {
            guard keys.contains(entry.key) else {
                throw YAMLError(
                    message: "unknown variable key '\(entry.key)'; use name, prompt, default or pattern",
                    line: entry.keyLine, column: entry.keyColumn)
            }
            guard let text = entry.value.scalar else {
                throw problem("variable '\(entry.key)' must be text, found \(entry.value.kindName)", at: entry.value)
            }
            texts[entry.key] = text
        }
        guard let name = texts["name"] else { throw problem("a variable needs a 'name'", at: item) }
        let variable = RunbookVariable(
            name: try checkedName(name, at: item), prompt: texts["prompt"], defaultValue: texts["default"],
            pattern: texts["pattern"])
        if let pattern = variable.pattern {
            do {
                _ = try RunbookVariable.wholeValueExpression(pattern)
            } catch {
                throw problem("variable '\(name)' has an invalid pattern '\(pattern)'", at: item)
            }
        }
        if let value = variable.defaultValue, !variable.accepts(value) {
            throw problem("the default '\(value)' of variable '\(name)' does not match its pattern", at: item)
        }
        return variable
    }

    private static func checkedName(_ name: String, at value: YAMLValue) throws(YAMLError) -> String {
        guard RunbookVariable.isValidName(name) else {
            throw problem("variable name '\(name)' must be letters, digits and '_', not starting with a digit", at: value)
        }
        guard !reserved.contains(name), !name.hasPrefix("RUNBOOK_"), !name.hasPrefix("BASH_FUNC_") else {
            throw problem("variable name '\(name)' is reserved: it would change how every step runs; choose another name", at: value)
        }
        return name
    }

    private static func problem(_ message: String, at value: YAMLValue) -> YAMLError {
        YAMLError(message: message, line: value.line, column: value.column)
    }
}
