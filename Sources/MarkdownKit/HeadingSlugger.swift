/// Makes heading anchors the way GitHub does (github-slugger), so links written
/// against GitHub's rendering (`#root-cause-fix`) work on the site too: lowercase,
/// drop everything but letters, marks, digits, connector punctuation, `-` and
/// spaces, turn each space into `-`; a repeat gets `-1`, `-2`, ….
public struct HeadingSlugger: Sendable {
    private var used: Set<String>
    /// The next suffix to try for each base slug, so a thousand repeats of one
    /// heading cost a thousand steps, not half a million.
    private var nextSuffix: [String: Int] = [:]

    /// - Parameter reserved: ids the page uses itself; no heading is given one.
    public init(reserving reserved: Set<String> = []) {
        used = reserved
    }

    /// A unique id for a heading with this text.
    public mutating func slug(for text: String) -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = "heading" }
        var candidate = base
        var suffix = nextSuffix[base, default: 0]
        while used.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        nextSuffix[base] = suffix
        used.insert(candidate)
        return candidate
    }

    /// The slug before de-duplication.
    public static func slug(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case " ": result.append("-")
            case "-": result.append(scalar)
            default:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .enclosingMark,
                     .decimalNumber, .letterNumber, .connectorPunctuation:
                    result.append(scalar)
                default:
                    break
                }
            }
        }
        return String(result)
    }

    /// The same rules on ASCII bytes, without Unicode property lookups: the common case.
    private static func asciiSlug(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                bytes.append(byte)
            case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
