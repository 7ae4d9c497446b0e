import RunbookCore

/// What every page shows around its content: the site's title, navigation and
/// assets, and on the pages at the root the revision the site was built from.
/// Links are relative, so they depend only on how deep the page's folder is: the
/// chrome is made once per depth.
struct PageChrome: Sendable {
    private let layout: SiteLayout
    private let siteTitle: String
    private let build: TemplateValue
    /// Chrome of pages `index` folders below the root.
    private var byDepth: [TemplateValue] = []

    init(catalog: Catalog, layout: SiteLayout, links: RepositoryLinks) {
        self.layout = layout
        siteTitle = catalog.config.site.title.isEmpty ? "Runbooks" : catalog.config.site.title
        var build: TemplateObject = ["ref": .text(catalog.source.ref), "worktree": .bool(catalog.source.isWorkingTree)]
        if let commit = catalog.source.commit {
            build["short"] = .text(commit.short)
            build["commit"] = .text(commit.hex)
            build.setIfPresent("commitURL", links.commit(commit))
        }
        build.setIfPresent("date", catalog.source.commitDate?.day)
        self.build = .object(build)
        let folders = layout.runbookFolders.values.map { $0 } + layout.historyFolders.values.map { $0 }
            + layout.tagFolders.values.map { $0 } + layout.alertFolders.values.map { $0 }
        let deepest = folders.map(Self.depth).max() ?? 1
        byDepth = (0...max(deepest, 1)).map(makeChrome)
    }

    /// The chrome for the page in `folder`.
    func context(folder: String) -> TemplateValue {
        let depth = Self.depth(folder)
        return depth < byDepth.count ? byDepth[depth] : makeChrome(depth: depth)
    }

    private func makeChrome(depth: Int) -> TemplateValue {
        // Any folder of this depth gives the same relative links.
        let folder = Array(repeating: "x", count: depth).joined(separator: "/")
        var chrome: TemplateObject = [
            "siteTitle": .text(siteTitle),
            "generator": .text("runbook \(RunbookVersion.current)"),
            "homeURL": .text(layout.link(from: folder, to: "")),
            "tagsURL": .text(layout.link(from: folder, to: "tags")),
            "alertsURL": .text(layout.link(from: folder, to: "alerts")),
            "changesURL": .text(layout.link(from: folder, to: "changes")),
            "feedURL": .text(layout.link(from: folder, toFile: "feed.atom")),
            "indexJSONURL": .text(layout.link(from: folder, toFile: "index.json")),
            "cssURL": .text(layout.link(from: folder, toFile: "assets/site.css")),
            "jsURL": .text(layout.link(from: folder, toFile: "assets/site.js")),
        ]
        // Only the root pages name the built commit: a page that did not change
        // keeps its bytes from one commit to the next, so a rebuild rewrites
        // (and a deploy uploads) only what a commit touched.
        if depth == 0 { chrome["build"] = build }
        return .object(chrome)
    }

    private static func depth(_ folder: String) -> Int {
        folder.isEmpty ? 0 : 1 + folder.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
    }
}
