import Foundation

/// SARIF 2.1.0 (OASIS), the format code scanning services read.
public struct SARIFReporter: Reporter {
    let rules: [RuleDescription]

    public init(rules: [RuleDescription]) {
        self.rules = rules
    }

    public func render(_ report: LintReport) -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let log = Log(runs: [
            Run(
                tool: Tool(driver: Driver(
                    name: "runbook", version: RunbookVersion.current,
                    rules: rules.map { rule in
                        RuleMetadata(
                            id: rule.id, shortDescription: Text(text: rule.summary),
                            defaultConfiguration: Configuration(level: rule.defaultSeverity.rawValue))
                    })),
                results: report.problems.map { problem in
                    Result(
                        ruleId: problem.ruleID, ruleIndex: ruleIndex[problem.ruleID], level: problem.severity.rawValue,
                        message: Text(text: problem.message),
                        locations: [Location(physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: Self.uri(problem.path), uriBaseId: "%SRCROOT%"),
                            region: Region(startLine: problem.line, startColumn: problem.column)))])
                })
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain values cannot fail.
        let data = (try? encoder.encode(log)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A relative URI reference: each path segment percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    private struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    private struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    private struct Tool: Encodable {
        var driver: Driver
    }

    private struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [RuleMetadata]
    }

    private struct RuleMetadata: Encodable {
        var id: String
        var shortDescription: Text
        var defaultConfiguration: Configuration
    }

    private struct Configuration: Encodable {
        var level: String
    }

    private struct Text: Encodable {
        var text: String
    }

    private struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
    }

    private struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    private struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String
    }

    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }
}
