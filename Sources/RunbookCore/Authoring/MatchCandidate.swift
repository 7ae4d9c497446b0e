import Foundation

/// A runbook as `runbook match` sees it: what it answers, and where its page is.
public struct MatchCandidate: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The page on the site: absolute when the index knows its base URL.
    public var url: String
    public var alerts: [String]
    public var patterns: [String]

    public init(id: String, title: String, url: String, alerts: [String], patterns: [String]) {
        self.id = id
        self.title = title
        self.url = url
        self.alerts = alerts
        self.patterns = patterns
    }
}

extension MatchCandidate {
    /// The candidates of an index, with page URLs a reader can open: an index built
    /// without a base URL holds site-relative URLs, which are resolved against the
    /// index's own URL (`--index https://…`) or its folder (`--index site/index.json`,
    /// giving the page's file). Without a location they stay relative to the site root.
    public static func all(in index: IndexDocument, location: String?) -> [MatchCandidate] {
        index.runbooks.map { runbook in
            MatchCandidate(
                id: runbook.id, title: runbook.title, url: pageURL(runbook.url ?? "", location: location),
                alerts: runbook.metadata.alerts, patterns: runbook.metadata.patterns)
        }
    }

    private static func pageURL(_ url: String, location: String?) -> String {
        guard let location, !url.isEmpty, URL(string: url)?.scheme == nil else { return url }
        if IndexLoader.isURL(location) {
            return URL(string: url, relativeTo: URL(string: location))?.absoluteString ?? url
        }
        let folder = (location as NSString).deletingLastPathComponent
        let page = url.hasSuffix("/") ? url + "index.html" : url
        return folder.isEmpty ? page : folder + "/" + page
    }
}
