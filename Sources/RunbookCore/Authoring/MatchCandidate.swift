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
