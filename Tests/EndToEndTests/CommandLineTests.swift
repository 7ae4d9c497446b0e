import Foundation
import Testing

@Suite("runbook as a command: version and usage errors")
struct CommandLineTests {
    @Test("--version prints the version and exits 0")
    func version() async throws {
        let repo = try await FixtureRepository()
        let result = try await repo.runbook("--version")
        #expect(result.status == 0, "\(result)")
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(result.stdoutLines.count == 1, "\(result)")
        #expect(version.range(of: #"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$"#, options: .regularExpression) != nil, "\(result)")
    }

    @Test("an unknown option exits 2 and names the option", arguments: [
        ["lint", "--bogus"],
        ["--bogus"],
        ["hook", "install", "--pre-commit", "--bogus"],
    ])
    func unknownOption(arguments: [String]) async throws {
        let repo = try await FixtureRepository()
        let result = try await repo.runbook(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--bogus"), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    @Test("usage errors exit 2", arguments: [
        ["frobnicate"],
        ["lint", "--format", "xml"],
        ["lint", "--staged", "--rev", "HEAD"],
        ["lint", "--staged", "runbooks/dns.md"],
        ["lint", "--rev"],
        ["hook", "install"],
    ])
    func usageErrors(arguments: [String]) async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await repo.runbook(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(!result.stderr.isEmpty, "\(result)")
    }

    @Test("a repository that does not exist exits 2")
    func missingRepository() async throws {
        let repo = try await FixtureRepository()
        let result = try await repo.runbook("lint", "--rev", "HEAD", "--repo", repo.sandbox + "/nowhere")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("nowhere"), "\(result)")
    }
}
