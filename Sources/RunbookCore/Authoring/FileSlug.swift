import Foundation

/// File names made from titles: `Disk full on /var` → `disk-full-on-var`.
public enum FileSlug {
    /// Lowercase ASCII letters and digits joined by single dashes, accents folded
    /// (`Ünïcode` → `unicode`), at most 60 characters; nil when nothing is left.
    public static func make(_ text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var result = ""
        var pendingDash = false
        for byte in folded.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(Character(Unicode.Scalar(lower)))
                if result.utf8.count >= 60 { break }
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? nil : result
    }
}
