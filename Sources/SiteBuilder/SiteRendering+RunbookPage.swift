import MarkdownKit
import RunbookCore

extension SiteRendering {
    /// Element ids the page templates use; headings and steps never get them.
    static let reservedIDs: Set<String> = ["rb-main", "rb-toc", "rb-steps", "rb-problems", "rb-meta", "rb-filters", "rb-search"]

    /// The page of the runbook at `index` in the catalog.
    func runbookPage(_ index: Int) -> [UInt8] {
        let entry = catalog.entries[index]
        let summary = summaries[index]
        let runbook = entry.runbook
        let folder = summary.pageFolder
        let body = RunbookBody(rendering: self, entry: entry, folder: folder).render()

        var context: [String: Any] = [
            "runbook": runbookContext(summary, runbook: runbook, folder: folder),
            "body": body.html,
            "toc": body.toc,
            "steps": body.steps,
            "run": "runbook run " + ShellQuote.quote(runbook.id),
            "historyURL": layout.link(from: folder, to: summary.historyFolder),
            "problems": entry.problems.map { problem in
                var context: [String: Any] = [
                    "severity": problem.severity.rawValue, "rule": problem.ruleID, "message": problem.message,
                    "line": problem.line, "column": problem.column,
                ]
                context.setIfPresent("url", links.blob(problem.path, line: problem.line))
                return context
            },
            "changeCount": entry.lineage.changes.count,
            "truncated": entry.lineage.truncated,
            "uncommitted": entry.lineage.changes.isEmpty,
        ]
        if let updated = entry.lineage.updated { context["updated"] = change(updated) }
        if let created = entry.lineage.created, entry.lineage.changes.count > 1 { context["created"] = change(created) }
        if let approval = approval(entry.lineage.approval) { context["approval"] = approval }
        context.setIfPresent("sourceURL", links.blob(runbook.path))
        context.setIfPresent("editURL", links.edit(runbook.path))
        if let reason = runbook.unreadableReason { context["unreadable"] = reason }
        return page("runbook", folder: folder, context)
    }

    /// The runbook's own facts, for its page and its history page.
    func runbookContext(_ summary: EntrySummary, runbook: Runbook, folder: String) -> [String: Any] {
        var context: [String: Any] = [
            "title": summary.title, "id": summary.id, "path": summary.path,
            "url": layout.link(from: folder, to: summary.pageFolder),
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
        return context
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
