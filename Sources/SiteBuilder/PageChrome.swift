import RunbookCore

/// What every page shows around its content: the site's title, navigation, assets
/// and the revision it was built from. Links are relative to the page's folder.
struct PageChrome: Sendable {
    private let layout: SiteLayout
    private let siteTitle: String
    private let build: [String: String]
    private let worktree: Bool

    init(catalog: Catalog, layout: SiteLayout, links: RepositoryLinks) {
        self.layout = layout
        siteTitle = catalog.config.site.title.isEmpty ? "Runbooks" : catalog.config.site.title
        var build = ["ref": catalog.source.ref]
        if let commit = catalog.source.commit {
            build["short"] = commit.short
            build["commit"] = commit.hex
            build["commitURL"] = links.commit(commit)
        }
        build["date"] = catalog.source.commitDate?.day
        self.build = build
        worktree = catalog.source.isWorkingTree
    }

    func context(folder: String) -> [String: Any] {
        var build: [String: Any] = self.build
        build["worktree"] = worktree
        return [
            "siteTitle": siteTitle,
            "generator": "runbook \(RunbookVersion.current)",
            "build": build,
            "homeURL": layout.link(from: folder, to: ""),
            "tagsURL": layout.link(from: folder, to: "tags"),
            "alertsURL": layout.link(from: folder, to: "alerts"),
            "changesURL": layout.link(from: folder, to: "changes"),
            "feedURL": layout.link(from: folder, toFile: "feed.atom"),
            "indexJSONURL": layout.link(from: folder, toFile: "index.json"),
            "cssURL": layout.link(from: folder, toFile: "assets/site.css"),
            "jsURL": layout.link(from: folder, toFile: "assets/site.js"),
        ]
    }
}
