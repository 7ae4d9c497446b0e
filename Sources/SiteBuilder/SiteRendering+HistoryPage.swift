extension SiteRendering {
    /// Every change of the runbook at `index`, newest first, with its approval.
    func historyPage(_ index: Int) -> [UInt8] {
        let entry = catalog.entries[index]
        let summary = summaries[index]
        let folder = summary.historyFolder
        var context: TemplateObject = [
            "runbook": runbookContext(summary, runbook: entry.runbook, folder: folder),
            "changes": .list(entry.lineage.changes.map { .object(change($0)) }),
            "truncated": .bool(entry.lineage.truncated),
            "authors": .text(entry.lineage.authors.map(\.name).joined(separator: ", ")),
        ]
        context["approval"] = approval(entry.lineage.approval)
        context.setIfPresent("sourceURL", links.blob(entry.runbook.path))
        return page("history", folder: folder, context)
    }
}
