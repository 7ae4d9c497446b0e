extension SiteRendering {
    static let feedEntryCount = 50

    /// The newest changes as an Atom feed. Every date is a commit's, so the feed
    /// changes only when the history does. Links are absolute with a base URL;
    /// without one they are relative to the feed (which Atom allows).
    func atomFeed() -> [UInt8] {
        let base = absoluteBase ?? ""
        let title = XMLText.escape(catalog.config.site.title.isEmpty ? "Runbooks" : catalog.config.site.title)
        let recent = changes.prefix(Self.feedEntryCount)
        let updated = recent.first?.change.author.iso8601 ?? catalog.source.commitDate?.iso8601 ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(title): recent changes</title>
            <id>\(XMLText.escape(base.isEmpty ? "urn:runbook:feed:" + RepositoryLinks.encode(catalog.config.site.title) : base + "feed.atom"))</id>
            <updated>\(updated)</updated>
            <link rel="alternate" type="text/html" href="\(XMLText.escape(base + layout.link(from: "", to: "changes")))"/>

            """
        if !base.isEmpty { xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(base))feed.atom\"/>\n" }
        xml += "<generator>runbook</generator>\n"
        for item in recent {
            let change = item.change
            let summary = summaries[item.entry]
            let link = base + layout.link(from: "", to: summary.historyFolder)
            var content = "\(change.kind.rawValue) by \(change.author.name) in \(change.commit.short)"
            if let from = change.renamedFrom { content += ", renamed from \(from)" }
            xml += """
                <entry>
                <title>\(XMLText.escape(summary.title + ": " + change.subject))</title>
                <id>urn:runbook:change:\(change.commit.hex):\(XMLText.escape(RepositoryLinks.encode(summary.id)))</id>
                <updated>\(change.author.iso8601)</updated>
                <author><name>\(XMLText.escape(change.author.name))</name></author>
                <link rel="alternate" type="text/html" href="\(XMLText.escape(link))"/>
                <summary>\(XMLText.escape(content))</summary>
                </entry>

                """
        }
        xml += "</feed>\n"
        return Array(xml.utf8)
    }

    /// Every page worth indexing. The sitemap protocol wants absolute URLs, so
    /// without `site.base_url` the locations are relative to the site root: set a
    /// base URL before pointing a crawler at it.
    func sitemap() -> [UInt8] {
        let base = absoluteBase ?? ""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        func add(_ folder: String, lastModified: String?) {
            xml += "<url><loc>\(XMLText.escape(base + (folder.isEmpty ? "" : folder + "/")))</loc>"
            if let lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
            xml += "</url>\n"
        }
        let newest = changes.first?.change.author.iso8601 ?? catalog.source.commitDate?.iso8601
        add("", lastModified: newest)
        for summary in summaries {
            add(summary.pageFolder, lastModified: summary.updated?.author.iso8601)
            add(summary.historyFolder, lastModified: summary.updated?.author.iso8601)
        }
        add("tags", lastModified: nil)
        for tag in layout.tagFolders.keys.sorted() { add(layout.tagFolders[tag] ?? "tags", lastModified: nil) }
        add("changes", lastModified: newest)
        xml += "</urlset>\n"
        return Array(xml.utf8)
    }
}
