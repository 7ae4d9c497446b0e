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
        var toc: [TemplateValue]
        /// Command steps, with their anchors.
        var steps: [TemplateValue]
        /// Task-list items of required sections, which the executor asks the operator to confirm.
        var manualSteps: [TemplateValue]
    }

    /// - Throws: when the runbook's text, left unread by the build, cannot be read.
    func render() throws -> Output {
        let runbook = try entry.withDocument(parser: rendering.parser, blobs: rendering.catalog.blobs)
        let document = runbook.document
        var stepIDs: [String: String] = [:]
        var slugger = HeadingSlugger(reserving: SiteRendering.reservedIDs)
        for step in runbook.steps where step.kind == .command && stepIDs[step.name] == nil {
            stepIDs[step.name] = slugger.slug(for: "step-" + step.name)
        }
        // Fence line → step index: a step is found by where its block starts.
        var commandSteps: [Int: Int] = [:]
        for (index, step) in runbook.steps.enumerated() where step.kind == .command && commandSteps[step.line] == nil {
            commandSteps[step.line] = index
        }

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
            guard let index = commandSteps[start.line], runbook.steps[index].column == start.column else { return nil }
            let step = runbook.steps[index]
            let context = stepContext(step, id: stepIDs[step.name] ?? "", code: html)
            return String(decoding: rendering.template.render("step", context, capacity: html.utf8.count + 1024), as: UTF8.self)
        }
        let rendered = renderer.render()

        let toc: [TemplateValue] = runbook.headings.compactMap { heading in
            guard (2...3).contains(heading.level), let id = rendered.headingIDs[heading.node] else { return nil }
            return ["level": .number(heading.level), "text": .text(heading.text), "id": .text(id)]
        }
        var steps: [TemplateValue] = []
        var manualSteps: [TemplateValue] = []
        for step in runbook.steps {
            var context: TemplateObject = ["name": .text(step.name), "line": .number(step.line)]
            context.setIfPresent("section", step.section)
            if step.kind == .command {
                context.setIfPresent("id", stepIDs[step.name])
                if entry.dangerousSteps[step.name] != nil { context["dangerous"] = true }
                steps.append(.object(context))
            } else {
                context["text"] = .text(step.script)
                context["checked"] = .bool(step.checked)
                manualSteps.append(.object(context))
            }
        }
        return Output(html: rendered.html, toc: toc, steps: steps, manualSteps: manualSteps)
    }

    private func stepContext(_ step: Step, id: String, code: String) -> TemplateValue {
        var context: TemplateObject = [
            "name": .text(step.name), "id": .text(id), "shell": .text(step.shell), "line": .number(step.line),
            "script": .text(step.script), "code": .text(code), "section": .text(step.section),
            "commandCount": .number(step.commands.count),
            "attributes": .list(step.attributes.filter { $0.key != "name" }.sorted { $0.key < $1.key }.map {
                ["key": .text($0.key), "value": .text($0.value)]
            }),
        ]
        context.setIfPresent("sourceURL", rendering.links.blob(entry.runbook.path, line: step.line))
        if let match = entry.dangerousSteps[step.name] {
            context["dangerous"] = ["reason": .text(match.reason), "rule": .text(match.entryID)]
        }
        return .object(context)
    }
}
