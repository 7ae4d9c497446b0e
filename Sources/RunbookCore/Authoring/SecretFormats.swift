import Foundation

/// Credentials recognisable by their shape alone, wherever they appear in a command:
/// cloud and platform tokens with fixed prefixes, JSON Web Tokens, private key blocks,
/// and Slack webhook URLs.
enum SecretFormats {
    // The patterns are fixed and tested, so compiling them cannot fail.
    private static let expression = try! NSRegularExpression(pattern: [
        #"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b"#,  // AWS access key ids
        #"\bgh[pousr]_[A-Za-z0-9]{36,255}\b"#,  // GitHub tokens
        #"\bgithub_pat_[A-Za-z0-9_]{22,255}\b"#,
        #"\bglpat-[A-Za-z0-9_-]{20,}"#,  // GitLab
        #"\bxox[abposr]-[A-Za-z0-9-]{10,}"#,  // Slack
        #"\bAIza[0-9A-Za-z_-]{35}"#,  // Google API keys
        #"\b[sr]k_(?:live|test)_[0-9A-Za-z]{16,}"#,  // Stripe
        #"\bsk-(?:[A-Za-z0-9]+-)*[A-Za-z0-9_-]{32,}"#,  // OpenAI and Anthropic style keys
        #"\bnpm_[A-Za-z0-9]{36}\b"#,
        #"\bhv[sbr]\.[A-Za-z0-9_-]{20,}"#,  // HashiCorp Vault
        #"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#,  // JSON Web Tokens
        #"(?<=hooks\.slack\.com/services/)[A-Za-z0-9/]+"#,
        #"-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END[A-Z ]*PRIVATE KEY-----|$)"#,
    ].joined(separator: "|"))

    /// Byte ranges (in the UTF-8 of `text`) of every credential found.
    static func ranges(in text: String) -> [Range<Int>] {
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.matches(in: text, range: whole).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            return start..<(start + text.utf8.distance(from: range.lowerBound, to: range.upperBound))
        }
    }
}
