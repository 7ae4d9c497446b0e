/// One file of a site, before it is rendered.
enum SiteFile: Sendable {
    case index
    case runbook(Int)
    case history(Int)
    case tags
    case tag(String)
    case alerts
    case alert(String)
    case changes
    case notFound
    case feed
    case sitemap
    case searchData
    case indexJSON
    case indexSchema
    case asset(String)
}
