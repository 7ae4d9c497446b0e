import RunbookCore

extension SiteRendering {
    /// Every file of the site, the longest jobs first (`index.json`, the search
    /// data and the index page cover every runbook), so no thread is left with a
    /// long job at the end.
    var files: [SiteFile] {
        var files: [SiteFile] = [.indexJSON, .searchData, .index, .indexSchema, .feed, .sitemap, .notFound, .tags, .alerts, .changes]
        files += template.assets.keys.sorted().map(SiteFile.asset)
        files += catalog.entries.indices.flatMap { [SiteFile.runbook($0), .history($0)] }
        files += layout.tagFolders.keys.sorted().map(SiteFile.tag)
        files += layout.alertFolders.keys.sorted().map(SiteFile.alert)
        return files
    }

    /// A file's path in the site and its bytes.
    func render(_ file: SiteFile) -> (path: String, bytes: [UInt8]) {
        switch file {
        case .index: return ("index.html", indexPage())
        case .runbook(let index): return (summaries[index].pageFolder + "/index.html", runbookPage(index))
        case .history(let index): return (summaries[index].historyFolder + "/index.html", historyPage(index))
        case .tags: return ("tags/index.html", tagsPage())
        case .tag(let tag): return ((layout.tagFolders[tag] ?? "tags/_") + "/index.html", tagPage(tag))
        case .alerts: return ("alerts/index.html", alertsPage())
        case .alert(let alert): return ((layout.alertFolders[alert] ?? "alerts/_") + "/index.html", alertPage(alert))
        case .changes: return ("changes/index.html", changesPage())
        case .notFound: return ("404.html", notFoundPage())
        case .feed: return ("feed.atom", atomFeed())
        case .sitemap: return ("sitemap.xml", sitemap())
        case .searchData: return ("search-data.js", searchData())
        case .indexJSON:
            return ("index.json", IndexJSON.encode(catalog, baseURL: catalog.config.site.baseURL) { entry in
                layout.runbookFolders[entry.runbook.path].map { $0 + "/" }
            })
        case .indexSchema: return ("index.schema.json", Array(IndexSchema.text.utf8))
        case .asset(let path): return ("assets/" + path, template.assets[path] ?? [])
        }
    }
}
