/// `site:` in config, used when building the site.
public struct SiteSettings: Sendable, Hashable {
    public var title = "Runbooks"
    public var baseURL = ""
    public var repoURL = ""
    public var branch = "main"

    public init() {}
}
