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

    /// A file's path in the site.
    func path(of file: SiteFile) -> String {
        switch file {
        case .index: return "index.html"
        case .runbook(let index): return summaries[index].pageFolder + "/index.html"
        case .history(let index): return summaries[index].historyFolder + "/index.html"
        case .tags: return "tags/index.html"
        case .tag(let tag): return (layout.tagFolders[tag] ?? "tags/_") + "/index.html"
        case .alerts: return "alerts/index.html"
        case .alert(let alert): return (layout.alertFolders[alert] ?? "alerts/_") + "/index.html"
        case .changes: return "changes/index.html"
        case .notFound: return "404.html"
        case .feed: return "feed.atom"
        case .sitemap: return "sitemap.xml"
        case .searchData: return "search-data.js"
        case .indexJSON: return "index.json"
        case .indexSchema: return "index.schema.json"
        case .asset(let path): return "assets/" + path
        }
    }

    /// A file's bytes.
    /// - Throws: when a runbook's text, left unread by the build, cannot be read.
    func bytes(of file: SiteFile) throws -> [UInt8] {
        switch file {
        case .index: return indexPage()
        case .runbook(let index): return try runbookPage(index)
        case .history(let index): return historyPage(index)
        case .tags: return tagsPage()
        case .tag(let tag): return tagPage(tag)
        case .alerts: return alertsPage()
        case .alert(let alert): return alertPage(alert)
        case .changes: return changesPage()
        case .notFound: return notFoundPage()
        case .feed: return atomFeed()
        case .sitemap: return sitemap()
        // Without the parts' keys: no output records them here (`Site.indexJSON`).
        case .searchData: return searchData().bytes
        case .indexJSON: return indexJSON
        case .indexSchema: return Array(IndexSchema.text.utf8)
        case .asset(let path): return template.assets[path] ?? []
        }
    }

    /// `index.json` as `render` writes it, parts and all.
    var indexJSON: [UInt8] {
        IndexJSON.encode(catalog, baseURL: catalog.config.site.baseURL, pageURL: pageURL)
    }

    /// The bytes of a file made of one part per runbook (`index.json`, the
    /// search data), with the key and range of each part; nil for other files.
    /// Parts whose keys the previous site's file has are copied from it; it is
    /// asked of `previous` for these two files only.
    func partedBytes(
        of file: SiteFile, previous: () -> FileParts?
    ) -> (bytes: [UInt8], parts: [PageKey: Range<Int>])? {
        let rendered: (bytes: [UInt8], parts: [Range<Int>])
        let keys: [PageKey?]
        switch file {
        case .indexJSON:
            let (path, previous) = (path(of: file), previous())
            let baseURL = catalog.config.site.baseURL
            // The URL a line shows: `--base-url` changes it without changing runbook.yml.
            keys = catalog.entries.indices.map { index in
                pageKeys.partKey(of: index, in: path, detail: pageURL(catalog.entries[index]).map { baseURL + "\n" + $0 })
            }
            rendered = IndexJSON.encodeInParts(catalog, baseURL: baseURL, pageURL: pageURL) { [keys] index in
                previous?.part(keys[index], opening: "{", closing: "}")
            }
        case .searchData:
            let (path, previous) = (path(of: file), previous())
            keys = catalog.entries.indices.map { pageKeys.partKey(of: $0, in: path, detail: nil) }
            rendered = searchData { previous?.part(keys[$0], opening: "\"", closing: "\"") }
        default:
            return nil
        }
        // One part per runbook, in order; anything else and nothing is recorded.
        guard rendered.parts.count == keys.count else { return (rendered.bytes, [:]) }
        var parts: [PageKey: Range<Int>] = [:]
        for (key, range) in zip(keys, rendered.parts) {
            // Two runbooks with one key would be one part twice: recorded once, either serves.
            if let key { parts[key] = range }
        }
        return (rendered.bytes, parts)
    }

    /// A runbook's page in `index.json`, relative to the site root (`runbooks/etcd/no-leader/`).
    private func pageURL(_ entry: CatalogEntry) -> String? {
        layout.runbookFolders[entry.runbook.path].map { $0 + "/" }
    }

    /// The digest of what the file is rendered from, for the pages that have one.
    func key(of file: SiteFile) -> PageKey? {
        pageKeys.key(for: file, tagMembers: tagMembers, alertMembers: alertMembers)
    }
}
