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

    /// A file made of one part per runbook (`index.json`, the search data),
    /// with the key of each part; nil for other files. Parts whose keys the
    /// previous site's file has are copied from it; it is asked of
    /// `previous` (with how each part opens and closes) for these two files only.
    func partedFile(
        of file: SiteFile, previous: (_ opening: UInt8, _ closing: UInt8) -> FileParts?
    ) -> PartedFile? {
        let keys: [PageKey?]
        let previousParts: FileParts?
        let render: (_ reuse: @escaping @Sendable (Int) -> ArraySlice<UInt8>?) -> (bytes: [UInt8], parts: [Range<Int>])
        switch file {
        case .indexJSON:
            let path = path(of: file)
            let baseURL = catalog.config.site.baseURL
            // The URL a line shows: `--base-url` changes it without changing runbook.yml.
            keys = catalog.entries.indices.map { index in
                pageKeys.partKey(of: index, in: path, detail: pageURL(catalog.entries[index]).map { baseURL + "\n" + $0 })
            }
            previousParts = previous(UInt8(ascii: "{"), UInt8(ascii: "}"))
            render = { IndexJSON.encodeInParts(catalog, baseURL: baseURL, pageURL: pageURL, reuse: $0) }
        case .searchData:
            let path = path(of: file)
            keys = catalog.entries.indices.map { pageKeys.partKey(of: $0, in: path, detail: nil) }
            previousParts = previous(UInt8(ascii: "\""), UInt8(ascii: "\""))
            render = { searchData(reuse: $0) }
        default:
            return nil
        }
        // Where each part to copy lies in the previous file, by catalog index.
        var copied: [Int: Range<Int>] = [:]
        if let previousParts {
            for (index, key) in keys.enumerated() {
                if let key, let range = previousParts.ranges[key] { copied[index] = range }
            }
        }
        // A part to copy is rendered empty, and the file's pieces copy it.
        let rendered = render { [copied] index in copied[index] == nil ? nil : [] }
        // One part per runbook, in order; anything else and nothing is recorded or copied.
        guard rendered.parts.count == keys.count else {
            return PartedFile(bytes: render { _ in nil }.bytes, ranges: [], keys: [])
        }
        return PartedFile(bytes: rendered.bytes, ranges: rendered.parts, keys: keys, copied: copied, previous: previousParts)
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
