/// The Markdown of a runbook still to be written, shared by `runbook new` and
/// `runbook draft`: front matter, a title, and every section the config requires, in
/// order. A section without content gets a `TODO` prompt, and one with fewer commands
/// than `sections.commands` asks gets a placeholder block, so `lint` fails
/// (`placeholder`, `too-few-commands`) until a human has written it.
struct RunbookSkeleton {
    /// Keys and values already written as YAML, in order; an empty value leaves the key bare (null).
    var frontMatter: [(key: String, value: String)]
    var title: String
    /// Markdown between the title and the first section.
    var note: String?
    /// Markdown for sections by the name the config gives them; the rest get a prompt.
    var bodies: [String: String] = [:]
    /// Commands already in `bodies`, by section name, to compare with the minimums.
    var commandCounts: [String: Int] = [:]
    /// Sections the config does not require but the content needs, added at the end.
    var extraSections: [(name: String, body: String)] = []

    func render(_ requirements: SectionRequirements) -> String {
        var lines = ["---"]
        for (key, value) in frontMatter { lines.append(value.isEmpty ? "\(key):" : "\(key): \(value)") }
        lines.append("---")
        let headings = Self.headings(requirements)
        if !headings.contains(where: { $0.level == 1 }) {
            lines.append("# \(Self.oneLine(title))")
            lines.append("")
        }
        if let note {
            lines.append(note)
            lines.append("")
        }
        for heading in headings {
            lines.append(String(repeating: "#", count: heading.level) + " " + heading.name)
            lines.append("")
            guard heading.level > 1 else { continue }
            let minimum = requirements.commands[heading.name] ?? 0
            lines.append(bodies[heading.name] ?? Self.prompt(for: heading.name))
            lines.append("")
            let missing = minimum - (commandCounts[heading.name] ?? 0)
            if missing > 0 {
                lines.append(Self.commandPlaceholder(missing: missing, minimum: minimum))
                lines.append("")
            }
        }
        for section in extraSections {
            lines.append("## \(section.name)")
            lines.append("")
            lines.append(section.body)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The section headings to write: `sections.headings` literals at their levels, else the required names as H2s.
    static func headings(_ requirements: SectionRequirements) -> [(level: Int, name: String)] {
        guard let items = requirements.headings else { return requirements.required.map { (2, $0) } }
        return items.compactMap { item in
            if case .heading(let level, let text) = item { return (level, text) }
            return nil
        }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// A fenced `bash` block holding `code`, with a fence longer than any run of backticks in it.
    static func fence(_ code: String) -> String {
        var longest = 0
        var run = 0
        for byte in code.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let marks = String(repeating: "`", count: max(3, longest + 1))
        return "\(marks)bash\n\(code)\n\(marks)"
    }

    private static func commandPlaceholder(missing: Int, minimum: Int) -> String {
        let needed = CountPhrase.of(minimum, "command")
        let more = missing < minimum ? "TODO: add \(missing) more" : "TODO: add the commands"
        return """
            \(more) (this section needs at least \(needed), sections.commands in runbook.yml), \
            each in its own fenced block:

            \(fence("# TODO: the command to run"))
            """
    }

    private static func prompt(for section: String) -> String {
        switch SectionRequirements.normalized(section) {
        case "summary": return "TODO: what is broken and who is affected, in a sentence or two."
        case "symptoms": return "TODO: the alerts, errors and graphs that show this problem."
        case "diagnosis": return "TODO: how to confirm the cause: what to run and what its output means."
        case "mitigation": return "TODO: how to stop the impact now, step by step, and how to check it worked."
        case "root cause fix": return "TODO: what fixes the cause for good, and where that work is tracked."
        case "escalation": return "TODO: who to call when this runbook does not help, and how to reach them."
        default: return "TODO: write the \(section) section."
        }
    }
}
