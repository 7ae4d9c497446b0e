import MarkdownKit

/// Text for XML (the Atom feed, the sitemap): escaped, and without the characters
/// XML 1.0 forbids even as references (most C0 controls), which a commit subject
/// may well contain. One such character makes the whole feed unreadable.
enum XMLText {
    static func escape(_ text: String) -> String {
        let allowed = text.unicodeScalars.allSatisfy(isAllowed)
        let clean = allowed ? text : String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
        return HTMLEscaping.escape(clean)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
