/// Decides whether a link or image destination may appear in rendered HTML.
///
/// An allow-list of schemes rather than a deny-list: a scheme nobody thought of
/// (`vbscript:`, `livescript:`, a browser's private one) is dropped, not passed on.
/// The destination is read the way a browser reads it: leading spaces and control
/// characters are ignored and tabs and line breaks anywhere are removed (so
/// `java\tscript:` is `javascript:`), and the scheme is matched without case.
/// cmark has already decoded entities and backslash escapes (`&#106;avascript:`).
public enum URLSafety {
    /// Schemes safe to follow from a runbook.
    public static let allowedSchemes: Set<String> = [
        "http", "https", "mailto", "tel", "ftp", "ftps", "sftp", "ssh", "irc", "ircs", "xmpp", "slack", "msteams",
    ]

    /// `data:` URLs of raster images (never SVG, which may carry script).
    private static let imageDataPrefixes = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// Whether the destination is relative (no scheme), or has an allowed scheme, or is
    /// a raster image `data:` URL.
    public static func isSafe(_ destination: String) -> Bool {
        // Every C0 control and space goes, not only the ones browsers drop: being
        // stricter than any browser only ever makes a URL look more like a scheme.
        let squeezed = String(decoding: destination.utf8.filter { $0 > 0x20 && $0 != 0x7F }, as: UTF8.self)
        guard let scheme = scheme(of: squeezed) else { return true }
        if allowedSchemes.contains(scheme) { return true }
        let lowered = squeezed.lowercased()
        return imageDataPrefixes.contains { prefix in
            lowered.hasPrefix(prefix) && lowered.dropFirst(prefix.count).first.map { $0 == ";" || $0 == "," } == true
        }
    }

    /// The lowercased scheme, or nil for a relative reference. As in the URL standard,
    /// a scheme is a letter followed by letters, digits, `+`, `-` or `.` up to a `:`;
    /// anything else before the first `:` (or a `/`, `?` or `#` first) makes it relative.
    public static func scheme(of url: String) -> String? {
        var scheme = ""
        for character in url.unicodeScalars {
            switch character {
            case ":":
                return scheme.isEmpty ? nil : scheme.lowercased()
            case "a"..."z", "A"..."Z":
                scheme.unicodeScalars.append(character)
            case "0"..."9", "+", "-", ".":
                if scheme.isEmpty { return nil }
                scheme.unicodeScalars.append(character)
            default:
                return nil
            }
        }
        return nil
    }
}
