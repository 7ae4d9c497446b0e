import Foundation

/// An `index.json` as read back by the executor and `match`: what `runbook build`
/// wrote (`IndexJSON`), decoded into plain values. Only `schemaVersion` 1 is read;
/// any other version is refused rather than guessed at.
public struct IndexDocument: Sendable, Decodable {
    public var schemaVersion: Int
    public var title: String
    /// The URL the site was built for; runbook `url`s are already prefixed with it.
    public var baseURL: String
    /// The commit the index was built from; nil for a build of the working tree without commits.
    public var sourceCommit: String?
    public var runbooks: [IndexedRunbook]
    /// Alert name → ids of the runbooks that name it.
    public var alerts: [String: [String]]
    public var patterns: [IndexedPattern]

    /// Decodes an index, refusing an unknown `schemaVersion` before reading anything else.
    /// - Parameter origin: where the bytes came from, for messages (a path or URL).
    public init(json: Data, origin: String) throws(IndexError) {
        let decoder = JSONDecoder()
        let version: Int
        do {
            version = try decoder.decode(VersionProbe.self, from: json).schemaVersion
        } catch {
            throw IndexError(origin, "not a runbook index (\(Self.reason(error))); point --index at the index.json that `runbook build` writes")
        }
        guard version == IndexJSON.schemaVersion else {
            throw IndexError(
                origin, "schemaVersion \(version) is not supported (this runbook reads version \(IndexJSON.schemaVersion)); "
                    + "use a runbook release that matches the one that built the index")
        }
        do {
            self = try decoder.decode(IndexDocument.self, from: json)
        } catch {
            throw IndexError(origin, "the index is damaged: \(Self.reason(error)); rebuild it with `runbook build`")
        }
    }

    public func runbook(id: String) -> IndexedRunbook? {
        runbooks.first { $0.id == id }
    }

    private struct VersionProbe: Decodable {
        var schemaVersion: Int
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, title, baseURL, source, runbooks, alerts, patterns
    }

    private struct Source: Decodable {
        var commit: String?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        title = try container.decode(String.self, forKey: .title)
        baseURL = try container.decode(String.self, forKey: .baseURL)
        sourceCommit = try container.decode(Source.self, forKey: .source).commit
        runbooks = try container.decode([IndexedRunbook].self, forKey: .runbooks)
        alerts = try container.decode([String: [String]].self, forKey: .alerts)
        patterns = try container.decode([IndexedPattern].self, forKey: .patterns)
    }

    /// A decoding error as "at runbooks[3].steps[0].line: expected a number".
    private static func reason(_ error: any Error) -> String {
        let context: DecodingError.Context
        switch error as? DecodingError {
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found): context = found
        case .keyNotFound(let key, let found):
            return "\(path(found.codingPath + [key])) is missing"
        default:
            return "\(error)"
        }
        let place = context.codingPath.isEmpty ? "" : "at \(path(context.codingPath)): "
        return place + context.debugDescription
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { text, key in
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
    }
}
