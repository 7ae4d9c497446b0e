import Yams

/// Reads untrusted YAML into `YAMLValue`s, with limits that keep a hostile file
/// from crashing or stalling the tool.
public enum YAMLReader {
    /// More nesting than any real front matter or config has. Yams composes
    /// recursively, so unbounded nesting would overflow the stack.
    static let maximumNesting = 128
    /// Aliases are shared while composing but multiply when walked; a "billion
    /// laughs" document stops here instead of exhausting memory.
    static let maximumValues = 20_000

    /// Values are kept as text, so the basic resolver (no regular expressions per
    /// scalar) is enough; `null` is recognised in `convert`.
    /// Yams's `Constructor` holds only constant tables, so sharing it is safe.
    nonisolated(unsafe) private static let constructor = Constructor()

    /// - Parameter firstLine: the file line on which `text` starts.
    public static func read(_ text: String, firstLine: Int = 1) throws(YAMLError) -> YAMLValue {
        if let (message, line) = preflight(text) {
            throw YAMLError(message: message, line: line + firstLine - 1, column: 1)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .basic, constructor, .utf8)
        } catch let error as YamlError {
            throw translate(error, firstLine: firstLine)
        } catch {
            throw YAMLError(message: "\(error)", line: firstLine, column: 1)
        }
        guard let node else { return YAMLValue(kind: .null, line: firstLine, column: 1) }
        var budget = maximumValues
        return try convert(node, firstLine: firstLine, budget: &budget)
    }

    private static func convert(_ node: Node, firstLine: Int, budget: inout Int) throws(YAMLError) -> YAMLValue {
        let line = (node.mark?.line ?? 1) + firstLine - 1
        let column = node.mark?.column ?? 1
        budget -= 1
        if budget < 0 {
            throw YAMLError(
                message: "YAML expands to more than \(maximumValues) values (aliases repeating a large value?)",
                line: line, column: column)
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return YAMLValue(kind: .null, line: line, column: column)
            }
            return YAMLValue(kind: .scalar(scalar.string), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence {
                items.append(try convert(item, firstLine: firstLine, budget: &budget))
            }
            return YAMLValue(kind: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let keyValue = try convert(key, firstLine: firstLine, budget: &budget)
                guard let keyText = keyValue.scalar else {
                    throw YAMLError(message: "a mapping key must be plain text", line: keyValue.line, column: keyValue.column)
                }
                if entries.contains(where: { $0.key == keyText }) {
                    throw YAMLError(message: "duplicate key '\(keyText)'", line: keyValue.line, column: keyValue.column)
                }
                entries.append(YAMLEntry(
                    key: keyText, keyLine: keyValue.line, keyColumn: keyValue.column,
                    value: try convert(value, firstLine: firstLine, budget: &budget)))
            }
            return YAMLValue(kind: .mapping(entries), line: line, column: column)
        case .alias:
            throw YAMLError(message: "unresolved YAML alias", line: line, column: column)
        }
    }

    /// Rejects, before Yams sees it, what would make Yams itself recurse or hash
    /// without bound. Nesting deeper than `maximumNesting` (a cheap upper bound:
    /// open flow brackets plus, per line, indentation and block indicators, as
    /// `- - - x` nests three lists on one line). And any key that is not plain
    /// text (an alias, a `[...]` or `{...}`, or an explicit `? ` key): Yams hashes
    /// every key whole, which a key aliasing a large value multiplies, and front
    /// matter and config only ever need text keys. Quoted text is skipped;
    /// anything else may overcount, but real files never come near the bounds.
    private static func preflight(_ text: String) -> (message: String, line: Int)? {
        let keyMessage = "a YAML key must be plain text (no aliases, lists, mappings or '? ' keys)"
        var flowDepth = 0
        var line = 1
        var lineDepth = 0
        var atIndent = true
        var previous = UInt8(ascii: "\n")
        var inAlias = false
        /// An alias or a closing bracket just ended: a `:` next would make it a key.
        var awaitingColon = false
        var quote: UInt8?
        for byte in text.utf8 {
            if let open = quote {
                // Quoted text is data. Flow scalars may span lines.
                if byte == open { quote = nil }
                if byte == UInt8(ascii: "\n") { line += 1 }
                previous = byte
                continue
            }
            if inAlias {
                if isAliasNameByte(byte) { continue }
                inAlias = false
                awaitingColon = true
            }
            if awaitingColon {
                if byte == UInt8(ascii: " ") { continue }
                awaitingColon = false
                if byte == UInt8(ascii: ":") { return (keyMessage, line) }
            }
            let atTokenStart = [UInt8(ascii: " "), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "\n")]
                .contains(previous)
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                lineDepth = 0
                atIndent = true
                previous = byte
                continue
            case UInt8(ascii: " ") where atIndent:
                lineDepth += 1
            case UInt8(ascii: " ") where previous == UInt8(ascii: "-") || previous == UInt8(ascii: ":"):
                lineDepth += 1
            case UInt8(ascii: " ") where previous == UInt8(ascii: "?"):
                return (keyMessage, line)
            case UInt8(ascii: "'") where atTokenStart || previous == UInt8(ascii: ":"),
                 UInt8(ascii: "\"") where atTokenStart || previous == UInt8(ascii: ":"):
                quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
                awaitingColon = true
            case UInt8(ascii: "*") where atTokenStart:
                inAlias = true
            default:
                break
            }
            if byte != UInt8(ascii: " ") { atIndent = false }
            // A `?` counts as a key indicator only at the start of a token.
            previous = byte == UInt8(ascii: "?") && !atTokenStart ? UInt8(ascii: "x") : byte
            // Indentation counts in columns and a level takes at least one, so the
            // bound may be loose but is never too tight.
            if flowDepth + lineDepth > maximumNesting {
                return ("YAML nests too deeply (more than \(maximumNesting) levels of indentation or brackets)", line)
            }
        }
        return nil
    }

    private static func isAliasNameByte(_ byte: UInt8) -> Bool {
        !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "\r"))
    }

    private static func translate(_ error: YamlError, firstLine: Int) -> YAMLError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return YAMLError(message: "invalid YAML: \(message)", line: mark.line + firstLine - 1, column: mark.column)
        case .reader(let problem, _, _, _):
            return YAMLError(message: "unreadable YAML: \(problem)", line: firstLine, column: 1)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return YAMLError(
                message: "duplicate key '\(duplicates.joined(separator: "', '"))'",
                line: context.mark.line + firstLine - 1, column: context.mark.column)
        default:
            return YAMLError(message: "invalid YAML: \(error)", line: firstLine, column: 1)
        }
    }
}
