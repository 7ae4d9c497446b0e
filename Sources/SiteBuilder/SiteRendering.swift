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
    /// Parses a runbook's Markdown again for its page (the catalog keeps no trees).
    let parser: RunbookParser
    /// In catalog order.
    let summaries: [EntrySummary]
    /// Catalog indices of the runbooks carrying each tag, and answering each alert.
    let tagMembers: [String: [Int]]
    let alertMembers: [String: [Int]]
    /// The newest changes of all runbooks, as many as the recent-changes page and the feed show.
    let changes: [CatalogChange]
    let pageKeys: PageKeys

    /// - Parameter layout: the catalog's layout when the caller is making it
    ///   already, on another thread; used only when it fits.
    init(catalog: Catalog, template: SiteTemplate, linkStyle: LinkStyle, layout given: () -> SiteLayout? = { nil }) {
        self.catalog = catalog
        self.template = template
        // Hashing each runbook's inputs needs no layout: done first, on all
        // cores, while the caller's layout may still be in the making.
        let digests = PageKeys.digests(of: catalog.entries)
        changes = CatalogChange.newest(max(Self.recentChangeCount, Self.feedEntryCount), in: catalog)
        let assetPaths = Array(template.assets.keys)
        let layout = given().flatMap { $0.fits(catalog, assetPaths: assetPaths, linkStyle: linkStyle) ? $0 : nil }
            ?? SiteLayout(catalog: catalog, assetPaths: assetPaths, linkStyle: linkStyle)
        self.layout = layout
        links = RepositoryLinks(settings: catalog.config.site)
        chrome = PageChrome(catalog: catalog, layout: layout, links: links)
        resolver = LinkResolver(pages: layout.runbookFolders, links: links, layout: layout)
        parser = RunbookParser(config: catalog.config)
        summaries = catalog.entries.concurrentMap { [layout] in EntrySummary(entry: $0, config: catalog.config, layout: layout) }
        var tagMembers: [String: [Int]] = [:]
        var alertMembers: [String: [Int]] = [:]
        // A runbook naming a tag twice is listed once; no set per runbook (10,000 of them).
        // By index: binding a summary to a name copies every field of it.
        for index in summaries.indices {
            for tag in summaries[index].tags where tagMembers[tag]?.last != index { tagMembers[tag, default: []].append(index) }
            for alert in summaries[index].alerts where alertMembers[alert]?.last != index {
                alertMembers[alert, default: []].append(index)
            }
        }
        self.tagMembers = tagMembers
        self.alertMembers = alertMembers
        pageKeys = PageKeys(catalog: catalog, template: template, layout: layout, digests: digests)
    }

    /// Renders a page template for the page in `folder`, with the chrome added to `context`.
    func page(_ name: String, folder: String, _ context: TemplateObject, capacity: Int = 16_384) -> [UInt8] {
        template.render(name, chrome.context(folder: folder), .object(context), capacity: capacity)
    }

    /// A commit as pages show it: short id, full id, and a link when the repository URL is known.
    func commit(_ id: ObjectID) -> TemplateValue {
        var commit: TemplateObject = ["short": .text(id.short), "hex": .text(id.hex)]
        commit.setIfPresent("url", links.commit(id))
        return .object(commit)
    }

    /// One change of a runbook's lineage.
    func change(_ change: LineageChange) -> TemplateObject {
        var context: TemplateObject = [
            "date": .text(change.author.day), "iso": .text(change.author.iso8601), "author": .text(change.author.name),
            "subject": .text(change.subject), "kind": .text(change.kind.rawValue), "commit": commit(change.commit),
            "path": .text(change.path),
        ]
        context.setIfPresent("renamedFrom", change.renamedFrom)
        return context
    }

    func approval(_ approval: Approval?) -> TemplateValue? {
        guard let approval else { return nil }
        return [
            "approvers": .text(approval.approvers.joined(separator: ", ")),
            "names": .list(approval.approvers.map(TemplateValue.text)),
            "date": .text(approval.author.day), "iso": .text(approval.author.iso8601), "commit": commit(approval.commit),
            "fromTrailers": .bool(approval.fromTrailers),
        ]
    }

    func tagLinks(_ tags: [String], from folder: String) -> TemplateValue {
        .list(tags.map { tag in
            ["name": .text(tag), "url": .text(layout.link(from: folder, to: layout.tagFolders[tag] ?? "tags"))]
        })
    }

    func alertLinks(_ alerts: [String], from folder: String) -> TemplateValue {
        .list(alerts.map { alert in
            ["name": .text(alert), "url": .text(layout.link(from: folder, to: layout.alertFolders[alert] ?? "alerts"))]
        })
    }

    /// Rows of a runbook table for the page in `folder`.
    func rows(_ indices: [Int], from folder: String) -> TemplateValue {
        .list(indices.map { summaries[$0].row(from: folder, layout: layout) })
    }
}
