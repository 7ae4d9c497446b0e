import RunbookCore

/// A runbook's lint outcome as the site shows it: a state for filters and styles,
/// and a label for people.
struct LintState: Sendable, Hashable {
    enum Kind: String, Sendable {
        case clean, warnings, errors
    }

    let kind: Kind
    let label: String

    init(errors: Int, warnings: Int) {
        kind = errors > 0 ? .errors : warnings > 0 ? .warnings : .clean
        var parts: [String] = []
        if errors > 0 { parts.append(CountPhrase.of(errors, "error")) }
        if warnings > 0 { parts.append(CountPhrase.of(warnings, "warning")) }
        label = parts.isEmpty ? "clean" : parts.joined(separator: ", ")
    }

    var context: TemplateValue { ["state": .text(kind.rawValue), "label": .text(label)] }
}
