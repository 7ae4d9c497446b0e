import Foundation
import Testing

/// `runbook match`: from an alert name, a log line or an Alertmanager payload to runbooks.
@Suite("match: alerts to runbooks")
struct MatchTests {
    static func runbook(title: String, alerts: [String], patterns: [String]) -> String {
        let quoted = patterns.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }
        return """
            ---
            title: \(title)
            owner: team-ops
            severity: critical
            status: approved
            alerts: [\(alerts.joined(separator: ", "))]
            patterns: [\(quoted.joined(separator: ", "))]
            ---
            # \(title)

            ## Summary
            What to do.

            """
    }

    /// A repository with three runbooks and its site built with a base URL.
    private func builtRepository() async throws -> FixtureRepository {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "sections: {required: [Summary], commands: {}}\nsite: {base_url: 'https://rb.example.com/'}\n")
        try repo.write("runbooks/etcd/no-leader.md", Self.runbook(
            title: "etcd has no leader", alerts: ["etcdNoLeader"], patterns: ["etcdserver: no leader"]))
        try repo.write("runbooks/storage/disk-full.md", Self.runbook(
            title: "Disk full", alerts: ["NodeDiskFull", "DiskAlmostFull"], patterns: ["(?i)no space left on device"]))
        try repo.write("runbooks/hostile.md", Self.runbook(title: "Hostile", alerts: [], patterns: ["(a+)+$", "broken ("]))
        try await repo.commitAll("Add runbooks")
        let built = try await repo.runbook("build", "--out", "site")
        guard built.status == 0 || built.status == 1 else { throw FixtureError("build failed: \(built)") }
        return repo
    }

    @Test("by alert name")
    func byName() async throws {
        let repo = try await builtRepository()
        let result = try await repo.runbook("match", "NodeDiskFull", "--index", "site/index.json")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == """
            NodeDiskFull
              storage/disk-full  Disk full  https://rb.example.com/runbooks/storage/disk-full/  (alert NodeDiskFull)

            """, "\(result)")
    }

    @Test("by pattern, the words of a log line given as they come")
    func byPattern() async throws {
        let repo = try await builtRepository()
        let result = try await repo.runbook("match", "--index", "site/index.json", "Mar", "5", "etcd[812]:", "etcdserver:", "no", "leader", "elected")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == [
            "Mar 5 etcd[812]: etcdserver: no leader elected",
            "  etcd/no-leader  etcd has no leader  https://rb.example.com/runbooks/etcd/no-leader/  (pattern 'etcdserver: no leader')",
        ], "\(result)")
    }

    @Test("no runbook: reported as such, exit 1")
    func noRunbook() async throws {
        let repo = try await builtRepository()
        let result = try await repo.runbook("match", "Watchdog", "--index", "site/index.json")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "Watchdog\n  no runbook\n", "\(result)")
    }

    static let payload = """
        {"version": "4", "status": "firing", "receiver": "runbook", "groupKey": "{}:{}", "alerts": [
          {"status": "firing", "labels": {"alertname": "NodeDiskFull", "instance": "node-3:9100", "severity": "critical"},
           "annotations": {"summary": "Disk almost full on node-3"}, "startsAt": "2024-03-05T14:00:00Z"},
          {"status": "firing", "labels": {"alertname": "KubeletDown", "instance": "node-4"},
           "annotations": {"description": "kubelet: write /var/lib/kubelet: no space left on device"}},
          {"status": "resolved", "labels": {"alertname": "etcdNoLeader"}},
          {"status": "firing", "labels": {"alertname": "Watchdog"}}
        ]}
        """

    @Test("from an Alertmanager payload: each firing alert with its runbooks, or none")
    func alertmanager() async throws {
        let repo = try await builtRepository()
        try repo.write("payload.json", Self.payload)
        let result = try await repo.runbook("match", "--alertmanager", "payload.json", "--index", "site/index.json")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == [
            #"NodeDiskFull firing {instance="node-3:9100", severity="critical"}"#,
            "  storage/disk-full  Disk full  https://rb.example.com/runbooks/storage/disk-full/  (alert NodeDiskFull)",
            #"KubeletDown firing {instance="node-4"}"#,
            "  storage/disk-full  Disk full  https://rb.example.com/runbooks/storage/disk-full/  (pattern '(?i)no space left on device')",
            "Watchdog firing",
            "  no runbook",
        ], "\(result)")
    }

    @Test("from an Alertmanager payload on standard input, as JSON")
    func alertmanagerJSON() async throws {
        let repo = try await builtRepository()
        let result = try await RunbookProcess.runbook(
            ["match", "--alertmanager", "-", "--index", "site/index.json", "--json"], in: repo.path, environment: repo.environment,
            stdin: Data(Self.payload.utf8))
        #expect(result.status == 1, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let matches = try #require(object["matches"] as? [[String: Any]])
        #expect(matches.map { $0["query"] as? String } == ["NodeDiskFull", "KubeletDown", "Watchdog"])
        let first = try #require(matches.first?["runbooks"] as? [[String: Any]])
        #expect(first.first?["url"] as? String == "https://rb.example.com/runbooks/storage/disk-full/")
        #expect(first.first?["matchedBy"] as? String == "alert")
        #expect((matches.last?["runbooks"] as? [Any])?.isEmpty == true)
        #expect((matches.first?["labels"] as? [String: String])?["instance"] == "node-3:9100")
    }

    @Test("every firing alert with a runbook: exit 0; a payload with nothing firing: exit 0 and a note")
    func allMatched() async throws {
        let repo = try await builtRepository()
        try repo.write("one.json", #"{"alerts": [{"status": "firing", "labels": {"alertname": "etcdNoLeader"}}]}"#)
        try repo.write("none.json", #"{"status": "resolved", "alerts": [{"labels": {"alertname": "etcdNoLeader"}}]}"#)
        let one = try await repo.runbook("match", "--alertmanager", "one.json", "--index", "site/index.json")
        #expect(one.status == 0, "\(one)")
        let none = try await repo.runbook("match", "--alertmanager", "none.json", "--index", "site/index.json")
        #expect(none.status == 0, "\(none)")
        #expect(none.stdout.isEmpty && none.stderr.contains("no firing alerts"), "\(none)")
        let noneJSON = try await repo.runbook("match", "--alertmanager", "none.json", "--index", "site/index.json", "--json")
        #expect(noneJSON.status == 0 && noneJSON.stdout == "{\n  \"matches\": [],\n  \"notes\": []\n}\n", "\(noneJSON)")
    }

    @Test("a pathological pattern cannot hang match, and an invalid one is skipped; both are noted")
    func hostilePatterns() async throws {
        let repo = try await builtRepository()
        let result = try await repo.runbook("match", String(repeating: "a", count: 64) + "!", "--index", "site/index.json")
        #expect(!result.timedOut)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("pattern 'broken (' of runbook hostile was skipped"), "\(result)")
        #expect(result.stderr.contains("pattern '(a+)+$' of runbook hostile was abandoned after 100 ms"), "\(result)")
    }

    @Test("without a base URL, page URLs are resolved against the index: its folder, its URL, or the site root")
    func relativeURLs() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "sections: {required: [Summary], commands: {}}\n")
        try repo.write("runbooks/etcd/no-leader.md", Self.runbook(title: "etcd has no leader", alerts: ["etcdNoLeader"], patterns: []))
        try await repo.commitAll("Add a runbook")
        let built = try await repo.runbook("build", "--out", "site")
        #expect(built.status == 0, "\(built)")

        let fromFile = try await repo.runbook("match", "etcdNoLeader", "--index", "site/index.json")
        #expect(fromFile.stdoutLines.last == "  etcd/no-leader  etcd has no leader  site/runbooks/etcd/no-leader/index.html  (alert etcdNoLeader)",
                "\(fromFile)")
        let fromRepository = try await repo.runbook("match", "etcdNoLeader")
        #expect(fromRepository.status == 0, "\(fromRepository)")
        #expect(fromRepository.stdoutLines.last == "  etcd/no-leader  etcd has no leader  runbooks/etcd/no-leader/  (alert etcdNoLeader)",
                "\(fromRepository)")

        let server = try SiteServer(serving: repo.path + "/site", for: repo)
        defer { server.stop() }
        let overHTTP = try await server.whenServing { try await repo.runbook("match", "etcdNoLeader", "--index", server.url("index.json")) }
        #expect(overHTTP.stdoutLines.last
                == "  etcd/no-leader  etcd has no leader  \(server.url("runbooks/etcd/no-leader/"))  (alert etcdNoLeader)",
                "\(overHTTP)")
    }

    @Test("errors exit 2", arguments: [
        (["match", "x", "--index", "nowhere.json"], "nowhere.json"),
        (["match", "--alertmanager", "bad.json", "--index", "site/index.json"], "is not JSON"),
        (["match", "--index", "site/index.json"], "give the text to match, or --alertmanager"),
        (["match", "x", "--alertmanager", "bad.json", "--index", "site/index.json"], "not both"),
    ])
    func errors(arguments: [String], message: String) async throws {
        let repo = try await builtRepository()
        try repo.write("bad.json", "{alerts")
        let result = try await repo.runbook(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
    }
}
