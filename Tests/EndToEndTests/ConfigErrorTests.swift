import Foundation
import Testing

@Suite("lint with a bad runbook.yml: exit 2, naming the file, line and key")
struct ConfigErrorTests {
    struct BadConfig: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        /// What stderr must start with: `runbook.yml:<line>:<column>: error: <key>: `.
        var prefix: String
        var key: String
        var testDescription: String { name }
    }

    static let badConfigs = [
        BadConfig(
            name: "unknown top-level key",
            text: "root: runbooks\nreviw_after: 90d\n",
            prefix: "runbook.yml:2:1: error: reviw_after: unknown key",
            key: "reviw_after"),
        BadConfig(
            name: "unknown nested key",
            text: "root: runbooks\nsections:\n  required: [Summary]\n  orderd: true\n",
            prefix: "runbook.yml:4:3: error: sections.orderd: unknown key",
            key: "sections.orderd"),
        BadConfig(
            name: "unknown rule id",
            text: "rules:\n  placeholders: warning\n",
            prefix: "runbook.yml:2:3: error: rules.placeholders: unknown key",
            key: "rules.placeholders"),
        BadConfig(
            name: "a list where text is expected",
            text: "# comment\nroot: [runbooks, docs]\n",
            prefix: "runbook.yml:2:7: error: root: expected text",
            key: "root"),
        BadConfig(
            name: "text where a boolean is expected",
            text: "sections:\n  ordered: maybe\n",
            prefix: "runbook.yml:2:12: error: sections.ordered: expected true or false",
            key: "sections.ordered"),
        BadConfig(
            name: "a negative command minimum",
            text: "sections:\n  commands: {Diagnosis: -1}\n",
            prefix: "runbook.yml:2:25: error: sections.commands.Diagnosis: expected a whole number",
            key: "sections.commands.Diagnosis"),
        BadConfig(
            name: "a bad size",
            text: "max_file_size: huge\n",
            prefix: "runbook.yml:1:16: error: max_file_size: expected a size",
            key: "max_file_size"),
        BadConfig(
            name: "a bad severity",
            text: "rules: {placeholder: loud}\n",
            prefix: "runbook.yml:1:22: error: rules.placeholder: expected error, warning or off",
            key: "rules.placeholder"),
    ]

    @Test("working tree", arguments: badConfigs)
    func workingTree(config: BadConfig) async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", config.text)
        try repo.write("runbooks/broken.md", Fixtures.broken)
        let result = try await repo.runbook("lint")
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "no runbook is linted with a bad config: \(result)")
        #expect(result.stderr.hasPrefix(config.prefix), "\(result)")
        #expect(result.stderr.contains(config.key), "\(result)")
    }

    @Test("--rev and --staged read runbook.yml from Git and report it the same way", arguments: badConfigs.prefix(2))
    func fromGit(config: BadConfig) async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", config.text)
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add a config with a mistake")
        try repo.write("runbooks/dns.md", Fixtures.valid(summary: "Changed."))
        try await repo.add("runbooks/dns.md")
        for arguments in [["lint", "--rev", "HEAD"], ["lint", "--staged"], ["lint", "runbooks/dns.md"]] {
            let result = try await repo.runbook(arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.hasPrefix(config.prefix), "\(arguments): \(result)")
        }
    }

    @Test("a runbook.yml that is not YAML exits 2 naming the line")
    func invalidYAML() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "root: runbooks\nsections: {required: [Summary\n")
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await repo.runbook("lint")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("runbook.yml:"), "\(result)")
        #expect(result.stderr.contains(": error: "), "\(result)")
    }

    @Test("a runbook.yml that is not UTF-8 exits 2")
    func notUTF8() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", bytes: Data("root: caf".utf8 + [0xE9] + Data("\n".utf8)))
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await repo.runbook("lint")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("runbook.yml:1:1: error: "), "\(result)")
        #expect(result.stderr.contains("UTF-8"), "\(result)")
    }

    @Test("--config FILE replaces runbook.yml, and its errors name that file")
    func explicitConfig() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "rules: {placeholder: error}\n")
        try repo.write("ci/lenient.yml", "rules: {placeholder: warning}\n")
        try repo.write("ci/typo.yml", "\n\nrulez: {}\n")
        try repo.write("runbooks/dns.md", Fixtures.withTODO)

        let lenient = try await repo.runbook("lint", "--config", "ci/lenient.yml")
        #expect(lenient.status == 0, "\(lenient)")
        #expect(lenient.stdoutLines == [Fixtures.placeholderLine("runbooks/dns.md", severity: "warning")], "\(lenient)")

        let typo = try await repo.runbook("lint", "--config", "ci/typo.yml")
        #expect(typo.status == 2, "\(typo)")
        #expect(typo.stderr.hasPrefix("ci/typo.yml:3:1: error: rulez: unknown key"), "\(typo)")

        let missing = try await repo.runbook("lint", "--config", "ci/nope.yml")
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("ci/nope.yml"), "\(missing)")
    }

    @Test("an empty runbook.yml means the defaults")
    func emptyConfig() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "# all defaults\n")
        try repo.write("runbooks/broken.md", Fixtures.broken)
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/broken.md"), "\(result)")
    }

    @Test("root, include and exclude in runbook.yml choose the runbooks")
    func customRoot() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "root: ops/playbooks\nexclude: ['**/drafts/**']\n")
        try repo.write("ops/playbooks/broken.md", Fixtures.broken)
        try repo.write("ops/playbooks/drafts/wip.md", Fixtures.broken)
        try repo.write("runbooks/ignored.md", Fixtures.broken)
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("ops/playbooks/broken.md"), "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 1, errors: 2)], "\(result)")
    }
}
