import GitKit
import RunbookCore

/// Everything pages are rendered from, worked out once per build and then read by
/// many threads: the layout, each runbook's summary, the chrome, repository links.
struct SiteRendering: Sendable {
    let catalog: Catalog
    let template: SiteTemplate
    let layout: SiteLayout
    let links: RepositoryLinks
    let chrome: PageChrome
    let resolver: LinkResolver
    /// In catalog order.
    let summaries: [EntrySummary]
    /// Every change of every runbook, newest first.
    let changes: [CatalogChange]

    init(catalog: Catalog, template: SiteTemplate, linkStyle: LinkStyle) {
        self.catalog = catalog
        self.template = template
        layout = SiteLayout(catalog: catalog, assetPaths: Array(template.assets.keys), linkStyle: linkStyle)
        links = RepositoryLinks(settings: catalog.config.site)
        chrome = PageChrome(catalog: catalog, layout: layout, links: links)
        resolver = LinkResolver(pages: layout.runbookFolders, links: links, layout: layout)
        summaries = catalog.entries.map { [layout] in EntrySummary(entry: $0, config: catalog.config, layout: layout) }
        changes = CatalogChange.all(in: catalog)
    }

    /// Renders a page template for the page in `folder`, with the chrome added to `context`.
    func page(_ name: String, folder: String, _ context: [String: Any]) -> [UInt8] {
        var full = chrome.context(folder: folder)
        full.merge(context) { _, page in page }
        return Array(template.render(name, full).utf8)
    }

    /// A commit as pages show it: short id, full id, and a link when the repository URL is known.
    func commit(_ id: ObjectID) -> [String: Any] {
        var commit: [String: Any] = ["short": id.short, "hex": id.hex]
        commit.setIfPresent("url", links.commit(id))
        return commit
    }

    /// One change of a runbook's lineage.
    func change(_ change: LineageChange) -> [String: Any] {
        var context: [String: Any] = [
            "date": change.author.day, "iso": change.author.iso8601, "author": change.author.name,
            "subject": change.subject, "kind": change.kind.rawValue, "commit": commit(change.commit), "path": change.path,
        ]
        context.setIfPresent("renamedFrom", change.renamedFrom)
        return context
    }

    func approval(_ approval: Approval?) -> [String: Any]? {
        guard let approval else { return nil }
        return [
            "approvers": approval.approvers.joined(separator: ", "), "names": approval.approvers,
            "date": approval.author.day, "iso": approval.author.iso8601, "commit": commit(approval.commit),
            "fromTrailers": approval.fromTrailers,
        ]
    }

    func tagLinks(_ tags: [String], from folder: String) -> [[String: Any]] {
        tags.map { tag in ["name": tag, "url": layout.link(from: folder, to: layout.tagFolders[tag] ?? "tags")] }
    }

    func alertLinks(_ alerts: [String], from folder: String) -> [[String: Any]] {
        alerts.map { alert in ["name": alert, "url": layout.link(from: folder, to: layout.alertFolders[alert] ?? "alerts")] }
    }
}
