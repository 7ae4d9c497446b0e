/// A runbook's steps as a graph for `runbook graph`: one node per step, grouped
/// by section, a dashed edge from each step to the next in run order, and a
/// solid edge for each `depends`. Node ids are `s1`, `s2`, … so no name from
/// the runbook is ever an identifier in the output; names appear only inside
/// escaped labels.
public struct StepGraph: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case dot
        case mermaid
    }

    private let plan: RunPlan

    public init(plan: RunPlan) {
        self.plan = plan
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .dot: dot()
        case .mermaid: mermaid()
        }
    }

    private var nodeIDs: [String: String] {
        Dictionary(plan.steps.map { ($0.name, "s\($0.number)") }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs of consecutive steps in the same section, in run order.
    private var sectionGroups: [(section: String, steps: [PlannedStep])] {
        var groups: [(section: String, steps: [PlannedStep])] = []
        for step in plan.steps {
            if groups.last?.section == step.step.section {
                groups[groups.count - 1].steps.append(step)
            } else {
                groups.append((step.step.section, [step]))
            }
        }
        return groups
    }

    private func label(_ step: PlannedStep) -> String {
        var label = "\(step.number). \(step.name)"
        if step.isManual { label += " (manual)" }
        if step.danger != nil { label += " (dangerous)" }
        return label
    }

    private func dot() -> String {
        var lines = ["digraph \(Self.dotString(plan.runbook.id)) {", "  rankdir=TB;", "  node [shape=box];"]
        for (number, group) in sectionGroups.enumerated() {
            lines.append("  subgraph cluster_\(number + 1) {")
            lines.append("    label=\(Self.dotString(group.section.isEmpty ? "(no section)" : group.section));")
            for step in group.steps {
                var attributes = ["label=\(Self.dotString(label(step)))"]
                if step.isManual { attributes.append("shape=note") }
                if step.danger != nil { attributes.append("color=red") }
                lines.append("    s\(step.number) [\(attributes.joined(separator: ", "))];")
            }
            lines.append("  }")
        }
        lines += edges(next: { "  \($0) -> \($1) [style=dashed];" }, depends: { "  \($0) -> \($1);" })
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func mermaid() -> String {
        var lines = ["flowchart TD"]
        for (number, group) in sectionGroups.enumerated() {
            lines.append("  subgraph g\(number + 1)[\(Self.mermaidString(group.section.isEmpty ? "(no section)" : group.section))]")
            for step in group.steps {
                lines.append("    s\(step.number)[\(Self.mermaidString(label(step)))]")
            }
            lines.append("  end")
        }
        lines += edges(next: { "  \($0) -.-> \($1)" }, depends: { "  \($0) --> \($1)" })
        return lines.joined(separator: "\n") + "\n"
    }

    private func edges(next: (String, String) -> String, depends: (String, String) -> String) -> [String] {
        let ids = nodeIDs
        var lines: [String] = []
        for (earlier, later) in zip(plan.steps, plan.steps.dropFirst()) {
            lines.append(next("s\(earlier.number)", "s\(later.number)"))
        }
        for step in plan.steps {
            for dependency in step.step.dependencies {
                // A dependency outside the selection has no node.
                guard let from = ids[dependency] else { continue }
                lines.append(depends(from, "s\(step.number)"))
            }
        }
        return lines
    }

    /// A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`.
    static func dotString(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            switch character {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n", "\r", "\r\n": quoted += "\\n"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }

    /// A Mermaid quoted label: quotes and the characters Mermaid reads as markup
    /// as entity codes, line breaks as spaces.
    static func mermaidString(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "#quot;"
            case "#": quoted += "#35;"
            case "<": quoted += "#lt;"
            case ">": quoted += "#gt;"
            case "\n", "\r", "\r\n": quoted += " "
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
