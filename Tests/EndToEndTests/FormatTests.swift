import Foundation
import Testing

@Suite("lint --format: text, json, sarif, github; --strict")
struct FormatTests {
    /// A repository with one clean and one broken runbook, in the working tree.
    private func brokenRepository() async throws -> FixtureRepository {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try repo.write("runbooks/storage/disk-full.md", Fixtures.broken)
        return repo
    }

    @Test("text: path:line:col: error: message [rule-id], a summary on stderr")
    func text() async throws {
        let repo = try await brokenRepository()
        for arguments in [["lint"], ["lint", "--format", "text"]] {
            let result = try await repo.runbook(arguments)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/storage/disk-full.md"), "\(result)")
            #expect(result.stderrLines == [Fixtures.summary(runbooks: 2, errors: 2)], "\(result)")
        }
    }

    @Test("json: an array of {path, line, column, severity, rule, message}")
    func json() async throws {
        let repo = try await brokenRepository()
        let result = try await repo.runbook("lint", "--format", "json")
        #expect(result.status == 1, "\(result)")
        let problems = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result)")
        #expect(problems.count == 2, "\(result)")
        for problem in problems {
            #expect(Set(problem.keys) == ["path", "line", "column", "severity", "rule", "message"], "\(problem)")
        }
        let rows = problems.map { JSONProblem(json: $0) }
        #expect(rows == [
            JSONProblem(path: "runbooks/storage/disk-full.md", line: 1, column: 1, severity: "error", rule: "missing-section", message: Fixtures.missingEscalation),
            JSONProblem(path: "runbooks/storage/disk-full.md", line: 15, column: 1, severity: "error", rule: "too-few-commands", message: Fixtures.tooFewDiagnosis),
        ])
    }

    @Test("json: a clean run is an empty array")
    func jsonClean() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await repo.runbook("lint", "--format", "json")
        #expect(result.status == 0, "\(result)")
        let problems = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
        #expect(problems?.isEmpty == true, "\(result)")
    }

    @Test("sarif: version 2.1.0, driver runbook, results with ruleId and a location")
    func sarif() async throws {
        let repo = try await brokenRepository()
        let result = try await repo.runbook("lint", "--format", "sarif")
        #expect(result.status == 1, "\(result)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = (runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["name"] as? String == "runbook")
        let ruleIDs = ((driver?["rules"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        #expect(ruleIDs.contains("missing-section") && ruleIDs.contains("too-few-commands"), "\(ruleIDs)")
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        let rows = results.map(SARIFResult.init)
        #expect(rows == [
            SARIFResult(ruleID: "missing-section", level: "error", message: Fixtures.missingEscalation, uri: "runbooks/storage/disk-full.md", line: 1, column: 1),
            SARIFResult(ruleID: "too-few-commands", level: "error", message: Fixtures.tooFewDiagnosis, uri: "runbooks/storage/disk-full.md", line: 15, column: 1),
        ])
        // A ruleIndex, when given, must point at the rule of that id.
        for result in results {
            if let index = result["ruleIndex"] as? Int {
                #expect(index >= 0 && index < ruleIDs.count && ruleIDs[index] == result["ruleId"] as? String, "\(result)")
            }
        }
    }

    @Test("sarif: a clean run has an empty results list")
    func sarifClean() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await repo.runbook("lint", "--format", "sarif")
        #expect(result.status == 0, "\(result)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"]) as? [Any]
        #expect(results?.isEmpty == true, "\(result)")
    }

    @Test("github: ::error file=…,line=…,col=…,title=…::message")
    func github() async throws {
        let repo = try await brokenRepository()
        let result = try await repo.runbook("lint", "--format", "github")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == [
            "::error file=runbooks/storage/disk-full.md,line=1,col=1,title=missing-section::\(Fixtures.missingEscalation)",
            "::error file=runbooks/storage/disk-full.md,line=15,col=1,title=too-few-commands::\(Fixtures.tooFewDiagnosis)",
        ], "\(result)")
    }

    @Test("github: warnings are ::warning")
    func githubWarning() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "rules: {placeholder: warning}\n")
        try repo.write("runbooks/dns.md", Fixtures.withTODO)
        let result = try await repo.runbook("lint", "--format", "github")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == [
            "::warning file=runbooks/dns.md,line=13,col=1,title=placeholder::placeholder 'TODO' left in the runbook; replace it with the real content before an incident needs it",
        ], "\(result)")
    }

    @Test("--strict: a warning-only runbook passes without it and fails with it", arguments: ReportFormats.all)
    func strict(format: String) async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "rules: {placeholder: warning}\n")
        try repo.write("runbooks/dns.md", Fixtures.withTODO)

        let lenient = try await repo.runbook("lint", "--format", format)
        #expect(lenient.status == 0, "\(lenient)")
        let strict = try await repo.runbook("lint", "--format", format, "--strict")
        #expect(strict.status == 1, "\(strict)")
        #expect(strict.stdout == lenient.stdout, "--strict changes the exit code, not the report")
        if format == "text" {
            #expect(lenient.stdoutLines == [Fixtures.placeholderLine("runbooks/dns.md", severity: "warning")], "\(lenient)")
            #expect(lenient.stderrLines == [Fixtures.summary(runbooks: 1, warnings: 1)], "\(lenient)")
        }
        if format == "json" {
            let problems = try JSONSerialization.jsonObject(with: Data(strict.stdout.utf8)) as? [[String: Any]]
            #expect(problems?.map { $0["severity"] as? String } == ["warning"], "\(strict)")
        }
    }

    @Test("--strict with a clean runbook still exits 0")
    func strictClean() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await repo.runbook("lint", "--strict")
        #expect(result.status == 0, "\(result)")
    }

    @Test("a rule turned off reports nothing")
    func ruleOff() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "rules: {placeholder: off}\n")
        try repo.write("runbooks/dns.md", Fixtures.withTODO)
        let result = try await repo.runbook("lint", "--strict")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }
}

enum ReportFormats {
    static let all = ["text", "json", "sarif", "github"]
}

/// One problem of the json format, compared as a whole.
struct JSONProblem: Equatable, CustomStringConvertible {
    var path: String?
    var line: Int?
    var column: Int?
    var severity: String?
    var rule: String?
    var message: String?

    init(path: String?, line: Int?, column: Int?, severity: String?, rule: String?, message: String?) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    init(json: [String: Any]) {
        self.init(
            path: json["path"] as? String, line: json["line"] as? Int, column: json["column"] as? Int,
            severity: json["severity"] as? String, rule: json["rule"] as? String, message: json["message"] as? String)
    }

    var description: String {
        "\(path ?? "nil"):\(line ?? -1):\(column ?? -1): \(severity ?? "nil"): \(message ?? "nil") [\(rule ?? "nil")]"
    }
}

/// The parts of one SARIF result these tests check.
struct SARIFResult: Equatable, CustomStringConvertible {
    var ruleID: String?
    var level: String?
    var message: String?
    var uri: String?
    var line: Int?
    var column: Int?

    init(ruleID: String?, level: String?, message: String?, uri: String?, line: Int?, column: Int?) {
        self.ruleID = ruleID
        self.level = level
        self.message = message
        self.uri = uri
        self.line = line
        self.column = column
    }

    init(_ json: [String: Any]) {
        let location = (json["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        let artifact = location?["artifactLocation"] as? [String: Any]
        let region = location?["region"] as? [String: Any]
        self.init(
            ruleID: json["ruleId"] as? String, level: json["level"] as? String,
            message: (json["message"] as? [String: Any])?["text"] as? String, uri: artifact?["uri"] as? String,
            line: region?["startLine"] as? Int, column: region?["startColumn"] as? Int)
    }

    var description: String {
        "\(uri ?? "nil"):\(line ?? -1):\(column ?? -1): \(level ?? "nil"): \(message ?? "nil") [\(ruleID ?? "nil")]"
    }
}
