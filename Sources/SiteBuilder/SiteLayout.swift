import RunbookCore

/// Where every page of a site goes (its folder, relative to the site root, with
/// an `index.html` inside), and how one page links to another. Folder names come
/// from ids, tags and alert names through `PathSegment`, and one registry hands
/// them out, so no name can write outside its folder or over another file.
///
/// It needs the runbooks but not their lineage: a build lays the site out
/// while the history is still being read (`init(placements:template:)`).
public struct SiteLayout: Sendable {
    /// Files at fixed places; claimed before any name from a runbook.
    static let fixedFiles = [
        "index.html", "404.html", "index.json", "index.schema.json", "sitemap.xml", "feed.atom", "search-data.js",
        SiteDirectoryWriter.markerName, "tags/index.html", "alerts/index.html", "changes/index.html",
    ]

    let linkStyle: LinkStyle
    /// Page folder of each runbook (`runbooks/etcd/no-leader`), by repository path.
    private(set) var runbookFolders: [String: String] = [:]
    /// History page folder of each runbook (`history/etcd/no-leader`), by repository path.
    private(set) var historyFolders: [String: String] = [:]
    /// Page folder of each tag (`tags/etcd`).
    private(set) var tagFolders: [String: String] = [:]
    /// Page folder of each alert name (`alerts/EtcdNoLeader`).
    private(set) var alertFolders: [String: String] = [:]

    /// A digest of where every page goes: a page's key includes it, since its
    /// links to other pages follow from it. Nil when hashing failed.
    private(set) var key: PageKey?

    /// What it was laid out from, to tell whether it fits a catalog (`fits`).
    let placed: [Placement]
    /// Sorted.
    let assetPaths: [String]

    /// What of a runbook decides where its pages and its tags' and alerts'
    /// pages go: a few strings, quick to take from the runbooks and to hand
    /// to another thread that lays the site out.
    public struct Placement: Equatable, Sendable {
        let path: String
        let id: String
        let tags: [String]
        let alerts: [String]

        public init(_ runbook: Runbook) {
            path = runbook.path
            id = runbook.id
            tags = runbook.metadata.tags
            alerts = runbook.metadata.alerts
        }
    }

    /// The layout of a catalog of runbooks placed so, in this order (their lineage does not matter).
    public init(placements: [Placement], template: SiteTemplate, linkStyle: LinkStyle = .indexFiles) {
        self.init(placements: placements, assetPaths: Array(template.assets.keys), linkStyle: linkStyle)
    }

    init(catalog: Catalog, assetPaths: [String], linkStyle: LinkStyle) {
        self.init(placements: catalog.entries.map { Placement($0.runbook) }, assetPaths: assetPaths, linkStyle: linkStyle)
    }

    /// - Parameter assetPaths: paths inside `assets/`, already checked by `SiteTemplate`.
    init(placements: [Placement], assetPaths: [String], linkStyle: LinkStyle) {
        self.linkStyle = linkStyle
        self.assetPaths = assetPaths.sorted()
        placed = placements
        // Two pages per runbook (its page and history), and room for as many tag and alert pages.
        var registry = OutputPathRegistry(capacity: Self.fixedFiles.count + assetPaths.count + 3 * placed.count)
        for file in Self.fixedFiles + self.assetPaths.map({ "assets/" + $0 }) {
            _ = registry.claimFile(file)
        }
        // Ids keep their folders (`etcd/no-leader`); a tag or alert name is one folder.
        let ids = placed.map { runbook in (key: runbook.path, name: runbook.id, segments: PathSegment.segments(of: runbook.id)) }
        for (path, folder) in Self.claim(ids, under: "runbooks", in: &registry) {
            runbookFolders[path] = folder
            let history = "history" + folder.dropFirst("runbooks".count)
            historyFolders[path] = registry.claimFile(history + "/index.html")
                ? history : registry.claimPage(under: "history", segments: PathSegment.segments(of: String(folder.dropFirst("runbooks/".count))))
        }
        let tags = Set(placed.flatMap(\.tags)).sorted()
            .map { (key: $0, name: $0, segments: [PathSegment.sanitize($0)]) }
        tagFolders = Dictionary(uniqueKeysWithValues: Self.claim(tags, under: "tags", in: &registry))
        let alerts = Set(placed.flatMap(\.alerts)).sorted()
            .map { (key: $0, name: $0, segments: [PathSegment.sanitize($0)]) }
        alertFolders = Dictionary(uniqueKeysWithValues: Self.claim(alerts, under: "alerts", in: &registry))
        // In the order laid out, which the same runbooks always give: no
        // sorting of 30,000 folders.
        var key = PageKey.Builder("layout")
        key.add(linkStyle == .indexFiles ? "index-files" : "directories")
        key.add(placed.count)
        for runbook in placed {
            key.add(runbook.path)
            key.add(runbookFolders[runbook.path])
            key.add(historyFolders[runbook.path])
        }
        for (names, folders) in [(tags, tagFolders), (alerts, alertFolders)] {
            key.add(names.count)
            for name in names {
                key.add(name.key)
                key.add(folders[name.key])
            }
        }
        self.key = key.key
    }

    /// A layout as `SiteLayoutRecord` kept it, for the placements it was made from.
    init(
        recorded placed: [Placement], assetPaths: [String], linkStyle: LinkStyle, runbookFolders: [String: String],
        historyFolders: [String: String], tagFolders: [String: String], alertFolders: [String: String], key: PageKey?
    ) {
        self.placed = placed
        self.assetPaths = assetPaths
        self.linkStyle = linkStyle
        self.runbookFolders = runbookFolders
        self.historyFolders = historyFolders
        self.tagFolders = tagFolders
        self.alertFolders = alertFolders
        self.key = key
    }

    /// Every page folder and the folders above them, each after its parent.
    public var folders: [String] {
        var folders: Set<String> = []
        for pages in [runbookFolders, historyFolders, tagFolders, alertFolders] {
            for folder in pages.values {
                var folder = folder[...]
                while folders.insert(String(folder)).inserted, let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                }
            }
        }
        // A parent is a prefix of its child, so it sorts first.
        return folders.sorted()
    }

    /// Whether this is the layout of `catalog`'s runbooks with these assets and links.
    func fits(_ catalog: Catalog, assetPaths: [String], linkStyle: LinkStyle) -> Bool {
        linkStyle == self.linkStyle && assetPaths.sorted() == self.assetPaths
            && catalog.entries.count == placed.count && zip(catalog.entries, placed).allSatisfy { Placement($0.runbook) == $1 }
    }

    /// Claims a page folder for each item in order. Names that are already clean
    /// go first, so `db-failover` keeps its folder even when `db failover` (which
    /// cleans to the same) comes earlier.
    private static func claim(
        _ items: [(key: String, name: String, segments: [String])], under parent: String, in registry: inout OutputPathRegistry
    ) -> [(String, String)] {
        let isClean = items.map { $0.segments.joined(separator: "/") == $0.name }
        let clean = items.indices.filter { isClean[$0] }
        let unclean = items.indices.filter { !isClean[$0] }
        return (clean + unclean).map { (items[$0].key, registry.claimPage(under: parent, segments: items[$0].segments)) }
    }

    /// A link from the page in folder `page` to the page in folder `target` ("" is the site root).
    func link(from page: String, to target: String) -> String {
        let path = up(from: page) + (target.isEmpty ? "" : target + "/")
        switch linkStyle {
        case .indexFiles: return path + "index.html"
        case .directories: return path.isEmpty ? "./" : path
        }
    }

    /// A link from the page in folder `page` to a file (`assets/site.css`).
    func link(from page: String, toFile file: String) -> String {
        up(from: page) + file
    }

    /// `../` for each folder between the page and the site root. Folders never
    /// start or end with `/` nor hold `//`, so counting slashes is enough.
    func up(from page: String) -> String {
        guard !page.isEmpty else { return "" }
        let depth = 1 + page.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        return String(repeating: "../", count: depth)
    }
}
