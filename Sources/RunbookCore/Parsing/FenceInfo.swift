import Foundation

/// A fence's info string: the language, then optional attributes in either of
/// Runme's forms, `{name=x timeout=30s}` or `{"name":"x","timeout":"30s"}`.
struct FenceInfo {
    static let shellLanguages: Set<String> = ["bash", "sh", "shell", "zsh", "console", "shell-session", "shellsession"]
    static let sessionLanguages: Set<String> = ["console", "shell-session", "shellsession"]

    var language: String
    var attributes: [String: String] = [:]
    /// Why the attributes could not be read, if they could not.
    var error: String?

    var isShell: Bool { Self.shellLanguages.contains(language) }
    var isSession: Bool { Self.sessionLanguages.contains(language) }

    init(_ info: String) {
        let trimmed = Self.trimmed(info[...])
        let languageEnd = trimmed.firstIndex { $0 == " " || $0 == "\t" || $0 == "{" } ?? trimmed.endIndex
        language = trimmed[..<languageEnd].lowercased()
        let rest = Self.trimmed(trimmed[languageEnd...])
        guard !rest.isEmpty else { return }
        guard rest.hasPrefix("{"), rest.hasSuffix("}") else {
            // Anything else after the language (e.g. a file name) is not ours to judge.
            return
        }
        let inner = Self.trimmed(rest.dropFirst().dropLast())
        if inner.hasPrefix("\"") {
            parseJSON(rest)
        } else {
            parsePairs(inner)
        }
    }

    /// Spaces and tabs off both ends (Foundation's trimming is costly, and this runs per fence).
    private static func trimmed(_ text: Substring) -> String {
        let isBlank = { (character: Character) in character == " " || character == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(text[first...last])
    }

    private mutating func parseJSON(_ text: String) {
        do {
            let object = try JSONDecoder().decode([String: JSONScalar].self, from: Data(text.utf8))
            attributes = object.mapValues(\.text)
        } catch {
            self.error = "attributes are not a JSON object of text, numbers or true/false: \(text)"
        }
    }

    /// `key=value` pairs separated by spaces; values may be quoted; a bare key means true.
    private mutating func parsePairs(_ text: String) {
        var scanner = text[...]
        while true {
            scanner = scanner.drop { $0 == " " || $0 == "\t" || $0 == "," }
            guard !scanner.isEmpty else { return }
            let key = scanner.prefix { $0 != "=" && $0 != " " && $0 != "\t" && $0 != "," }
            scanner = scanner.dropFirst(key.count)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                error = "cannot read attributes '{\(text)}': expected key=value pairs"
                return
            }
            guard scanner.first == "=" else {
                attributes[String(key)] = "true"
                continue
            }
            scanner = scanner.dropFirst()
            if let quote = scanner.first, quote == "\"" || quote == "'" {
                let body = scanner.dropFirst()
                guard let close = body.firstIndex(of: quote) else {
                    error = "cannot read attributes '{\(text)}': unclosed quote in '\(key)'"
                    return
                }
                attributes[String(key)] = String(body[..<close])
                scanner = body[body.index(after: close)...]
            } else {
                let value = scanner.prefix { $0 != " " && $0 != "\t" }
                attributes[String(key)] = String(value)
                scanner = scanner.dropFirst(value.count)
            }
        }
    }
}

/// A JSON attribute value; Runme writes some as numbers or booleans.
private struct JSONScalar: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let bool = try? container.decode(Bool.self) {
            text = bool ? "true" : "false"
        } else if let integer = try? container.decode(Int.self) {
            text = String(integer)
        } else {
            text = String(try container.decode(Double.self))
        }
    }
}
