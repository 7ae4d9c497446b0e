import MarkdownKit
import RunbookCore

extension SiteRendering {
    /// Element ids the page templates use; headings and steps never get them.
    static let reservedIDs: Set<String> = ["rb-main", "rb-toc", "rb-steps", "rb-problems", "rb-meta", "rb-filters", "rb-search", "rb-unreadable"]

    /// The page of the runbook at `index` in the catalog.
    func runbookPage(_ index: Int) throws -> [UInt8] {
        let entry = catalog.entries[index]
        let summary = summaries[index]
        let runbook = entry.runbook
        let folder = summary.pageFolder
        let body = try RunbookBody(rendering: self, entry: entry, folder: folder).render()
        let lineage = entry.lineage

        var context: TemplateObject = [
            "runbook": runbookContext(summary, runbook: runbook, folder: folder),
            "body": .text(body.html),
            "toc": .list(body.toc),
            "steps": .list(body.steps),
            "manualSteps": .list(body.manualSteps),
            "run": .text("runbook run " + ShellQuote.quote(runbook.id)),
            "historyURL": .text(layout.link(from: folder, to: summary.historyFolder)),
            "problems": .list(entry.problems.map { problem in
                var context: TemplateObject = [
                    "severity": .text(problem.severity.rawValue), "rule": .text(problem.ruleID), "message": .text(problem.message),
                    "line": .number(problem.line), "column": .number(problem.column),
                ]
                context.setIfPresent("url", links.blob(problem.path, line: problem.line))
                return .object(context)
            }),
            "changeCount": .number(lineage.changes.count),
            "truncated": .bool(lineage.truncated),
            "uncommitted": .bool(lineage.changes.isEmpty),
        ]
        if let updated = lineage.updated { context["updated"] = .object(change(updated)) }
        if let created = lineage.created, lineage.changes.count > 1 { context["created"] = .object(change(created)) }
        context["approval"] = approval(lineage.approval)
        context.setIfPresent("sourceURL", links.blob(runbook.path))
        context.setIfPresent("editURL", links.edit(runbook.path))
        context.setIfPresent("unreadable", runbook.unreadableReason)
        return page("runbook", folder: folder, context)
    }

    /// The runbook's own facts, for its page and its history page.
    func runbookContext(_ summary: EntrySummary, runbook: Runbook, folder: String) -> TemplateValue {
        var context: TemplateObject = [
            "title": .text(summary.title), "id": .text(summary.id), "path": .text(summary.path),
            "url": .text(layout.link(from: folder, to: summary.pageFolder)),
            "lint": summary.lint.context,
            "tags": tagLinks(summary.tags, from: folder),
            "alerts": alertLinks(summary.alerts, from: folder),
        ]
        context.setIfPresent("folder", summary.folder)
        context.setIfPresent("severity", summary.severity)
        context.setIfPresent("severityClass", Self.className(summary.severity))
        context.setIfPresent("status", summary.status)
        context.setIfPresent("statusClass", Self.className(summary.status))
        context.setIfPresent("owner", summary.owner)
        context.setIfPresent("autonomy", runbook.metadata.autonomy)
        return .object(context)
    }

    /// A value as a CSS class suffix: lowercase letters, digits and `-`.
    static func className(_ value: String) -> String {
        String(value.lowercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "0"..."9": return Character(scalar)
            default: return "-"
            }
        })
    }
}
