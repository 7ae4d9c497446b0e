/// `site:` in config, used when building the site.
public struct SiteSettings: Sendable, Hashable {
    public var title = "Runbooks"
    public var baseURL = ""
    public var repoURL = ""
    public var branch = "main"

    public init() {}

    /// Whether `text` is an absolute `http`/`https` URL with nothing a link could
    /// be tricked with (spaces, control characters, quotes, angle brackets): the
    /// only kind of base and repository URL the site and the index accept.
    public static func isWebURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return false }
        return hasOnlyLinkSafeCharacters(text)
    }

    /// A base URL: an `http(s)` URL, or a path on the same server (`/runbooks/`)
    /// for a site whose feed and sitemap may stay relative.
    public static func isBaseURL(_ text: String) -> Bool {
        isWebURL(text) || (text.hasPrefix("/") && !text.hasPrefix("//") && hasOnlyLinkSafeCharacters(text))
    }

    private static func hasOnlyLinkSafeCharacters(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !"\"'<>`\\".unicodeScalars.contains(scalar)
        }
    }
}
