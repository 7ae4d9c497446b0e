import MarkdownKit

/// Finds a runbook's steps in document order: shell fences anywhere, and
/// task-list items inside required sections.
struct StepExtractor {
    let document: MarkdownDocument
    let sections: [Section]
    let config: Config

    struct Result {
        var steps: [Step] = []
        var errors: [StepAttributeError] = []
        /// Commands per section, by index into `sections`.
        var commandCounts: [Int]
    }

    func extract() -> Result {
        var result = Result(commandCounts: Array(repeating: 0, count: sections.count))
        var pending: [(step: Step, explicitName: String?)] = []
        // Sections are in document order, so the one containing a node only moves forward.
        var nextSection = 0
        for index in document.nodes.indices {
            while nextSection < sections.count, sections[nextSection].contentNodes.upperBound <= index { nextSection += 1 }
            let sectionIndex = nextSection < sections.count && sections[nextSection].contentNodes.contains(index) ? nextSection : nil
            switch document.nodes[index].kind {
            case .codeBlock, .taskItem: break
            default: continue
            }
            let node = document.nodes[index]
            let sectionTitle = sectionIndex.map { sections[$0].title } ?? ""
            switch node.kind {
            case .codeBlock where node.isFenced:
                let info = FenceInfo(node.info)
                guard info.isShell else { continue }
                if let error = info.error {
                    result.errors.append(StepAttributeError(message: error, line: node.start.line, column: node.start.column))
                }
                if Step.flag(info.attributes["ignore"] == nil ? "excludeFromRunAll" : "ignore", in: info.attributes) { continue }
                let commands = ShellTranscript(node.literal, firstLine: node.start.line + 1, session: info.isSession).commands
                guard !commands.isEmpty else { continue }
                let step = Step(
                    name: "", kind: .command, section: sectionTitle, shell: info.language,
                    script: commands.map(\.text).joined(separator: "\n"), commands: commands,
                    line: node.start.line, column: node.start.column, attributes: info.attributes, checked: false)
                pending.append((step, info.attributes["name"]))
                if let sectionIndex { result.commandCounts[sectionIndex] += commands.count }
            case .taskItem(let checked):
                guard let sectionIndex, sections[sectionIndex].name != nil else { continue }
                let text = taskText(index)
                let step = Step(
                    name: "", kind: .manual, section: sectionTitle, shell: "", script: text, commands: [],
                    line: node.start.line, column: node.start.column, attributes: [:], checked: checked)
                pending.append((step, nil))
            default:
                continue
            }
        }
        var namer = StepNamer(reserving: pending.compactMap(\.explicitName))
        result.steps = pending.map { entry in
            var step = entry.step
            step.name = entry.explicitName ?? namer.derive(from: step.kind == .command ? step.commands[0].text : step.script)
            return step
        }
        return result
    }

    /// The task's own text: its first paragraph, not nested lists under it.
    private func taskText(_ index: Int) -> String {
        let paragraph = document.children(of: index).first { document.nodes[$0].kind == .paragraph }
        return paragraph.map { document.plainText(of: $0) } ?? ""
    }
}
