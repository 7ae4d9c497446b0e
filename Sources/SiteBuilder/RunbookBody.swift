import MarkdownKit
import RunbookCore

/// A runbook's Markdown as page HTML: each command step's block wrapped by the
/// `step` template (name, attributes, copy button, source line), relative links
/// rewritten for the site, the H1 left out when the page shows it as the title;
/// and the table of contents and step list that go with it.
struct RunbookBody {
    let rendering: SiteRendering
    let entry: CatalogEntry
    /// The page's folder.
    let folder: String

    struct Output {
        var html: String
        var toc: [[String: Any]]
        var steps: [[String: Any]]
    }

    func render() -> Output {
        let runbook = entry.runbook
        let document = runbook.document
        var stepIDs: [String: String] = [:]
        var slugger = HeadingSlugger(reserving: SiteRendering.reservedIDs)
        for step in runbook.steps where step.kind == .command && stepIDs[step.name] == nil {
            stepIDs[step.name] = slugger.slug(for: "step-" + step.name)
        }
        let commandSteps = Dictionary(
            runbook.steps.filter { $0.kind == .command }.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })

        var renderer = HTMLRenderer(document: document)
        renderer.reservedIDs = SiteRendering.reservedIDs.union(stepIDs.values)
        if let title = runbook.headings.first, title.level == 1, title.text == runbook.displayTitle {
            renderer.skippedNodes = [title.node]
        }
        let source = runbook.path
        renderer.rewriteURL = { [rendering, folder] destination, isImage in
            rendering.resolver.resolve(destination, isImage: isImage, source: source, page: folder)
        }
        renderer.decorateCodeBlock = { node, html in
            let start = document.nodes[node].start
            guard let step = commandSteps[start.line], step.column == start.column else { return nil }
            return rendering.template.render("step", stepContext(step, id: stepIDs[step.name] ?? "", code: html))
        }
        let rendered = renderer.render()

        let toc: [[String: Any]] = runbook.headings.compactMap { heading in
            guard (2...3).contains(heading.level), let id = rendered.headingIDs[heading.node] else { return nil }
            return ["level": heading.level, "text": heading.text, "id": id]
        }
        let steps: [[String: Any]] = runbook.steps.map { step in
            var context: [String: Any] = ["name": step.name, "kind": step.kind.rawValue, "line": step.line]
            context.setIfPresent("section", step.section)
            context.setIfPresent("id", step.kind == .command ? stepIDs[step.name] : nil)
            if step.kind == .manual { context["text"] = step.script }
            if entry.dangerousSteps[step.name] != nil { context["dangerous"] = true }
            return context
        }
        return Output(html: rendered.html, toc: toc, steps: steps)
    }

    private func stepContext(_ step: Step, id: String, code: String) -> [String: Any] {
        var context: [String: Any] = [
            "name": step.name, "id": id, "shell": step.shell, "line": step.line, "script": step.script, "code": code,
            "section": step.section, "commandCount": step.commands.count,
            "attributes": step.attributes.filter { $0.key != "name" }.sorted { $0.key < $1.key }.map { ["key": $0.key, "value": $0.value] },
        ]
        context.setIfPresent("sourceURL", rendering.links.blob(entry.runbook.path, line: step.line))
        if let match = entry.dangerousSteps[step.name] {
            context["dangerous"] = ["reason": match.reason, "rule": match.entryID]
        }
        return context
    }
}
