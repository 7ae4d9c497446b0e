extension SiteRendering {
    /// Every change of the runbook at `index`, newest first, with its approval.
    func historyPage(_ index: Int) -> [UInt8] {
        let entry = catalog.entries[index]
        let summary = summaries[index]
        let folder = summary.historyFolder
        var context: [String: Any] = [
            "runbook": runbookContext(summary, runbook: entry.runbook, folder: folder),
            "changes": entry.lineage.changes.map(change),
            "truncated": entry.lineage.truncated,
            "authors": entry.lineage.authors.map(\.name),
        ]
        if let approval = approval(entry.lineage.approval) { context["approval"] = approval }
        context.setIfPresent("sourceURL", links.blob(entry.runbook.path))
        return page("history", folder: folder, context)
    }
}
