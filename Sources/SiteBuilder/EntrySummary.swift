import GitKit
import RunbookCore

/// What lists and pages show of one runbook, worked out once per build.
struct EntrySummary: Sendable {
    let path: String
    let id: String
    let title: String
    /// The runbook's folder under the runbooks root ("" at the root itself).
    let folder: String
    let severity: String
    let status: String
    let owner: String
    let tags: [String]
    let alerts: [String]
    let lint: LintState
    let updated: LineageChange?
    let pageFolder: String
    let historyFolder: String

    init(entry: CatalogEntry, config: Config, layout: SiteLayout) {
        let runbook = entry.runbook
        path = runbook.path
        id = runbook.id
        title = runbook.displayTitle
        let relative = config.pathUnderRoot(runbook.path) ?? runbook.path
        folder = relative.split(separator: "/").dropLast().joined(separator: "/")
        severity = runbook.metadata.severity ?? ""
        status = runbook.metadata.status ?? ""
        owner = runbook.metadata.owner ?? ""
        tags = runbook.metadata.tags
        alerts = runbook.metadata.alerts
        lint = LintState(errors: entry.errorCount, warnings: entry.warningCount)
        updated = entry.lineage.updated
        pageFolder = layout.runbookFolders[runbook.path] ?? "runbooks/_"
        historyFolder = layout.historyFolders[runbook.path] ?? "history/_"
    }

    /// The runbook as a row of a runbook table on the page in folder `page`.
    func row(from page: String, layout: SiteLayout) -> TemplateValue {
        var row: TemplateObject = [
            "title": .text(title), "id": .text(id), "path": .text(path), "url": .text(layout.link(from: page, to: pageFolder)),
            "lint": lint.context,
        ]
        row.setIfPresent("folder", folder)
        row.setIfPresent("severity", severity)
        row.setIfPresent("status", status)
        row.setIfPresent("owner", owner)
        row.setIfPresent("updated", updated?.author.day)
        return .object(row)
    }
}
