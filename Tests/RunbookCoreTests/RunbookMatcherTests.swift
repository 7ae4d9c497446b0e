import Testing
@testable import RunbookCore

@Suite("Finding the runbook for an alert")
struct RunbookMatcherTests {
    static let candidates = [
        MatchCandidate(id: "etcd/no-leader", title: "etcd has no leader", url: "https://rb.example/runbooks/etcd/no-leader/",
                       alerts: ["etcdNoLeader"], patterns: ["etcdserver: no leader", "raft: .* lost leader"]),
        MatchCandidate(id: "storage/disk-full", title: "Disk full", url: "https://rb.example/runbooks/storage/disk-full/",
                       alerts: ["NodeDiskFull", "DiskAlmostFull"], patterns: ["(?i)no space left on device"]),
        MatchCandidate(id: "hostile", title: "Hostile", url: "u", alerts: [], patterns: ["(a+)+$", "broken ("]),
    ]

    @Test("by alert name, exactly")
    func byName() {
        var matcher = RunbookMatcher(candidates: Self.candidates)
        let result = matcher.match(name: "NodeDiskFull")
        #expect(result.matches.map(\.runbook.id) == ["storage/disk-full"])
        #expect(result.matches.first?.reason == .alert("NodeDiskFull"))
        #expect(matcher.match(name: "nodediskfull").matches.isEmpty)
    }

    @Test("by pattern, in the name or in the alert's texts")
    func byPattern() {
        var matcher = RunbookMatcher(candidates: Self.candidates)
        let line = matcher.match(name: "Mar 05 14:02 etcd[812]: etcdserver: no leader elected")
        #expect(line.matches.map(\.runbook.id) == ["etcd/no-leader"])
        #expect(line.matches.first?.reason == .pattern("etcdserver: no leader"))
        let annotated = matcher.match(name: "KubeletDown", texts: ["write /var/lib/kubelet: No space left on device"])
        #expect(annotated.matches.map(\.runbook.id) == ["storage/disk-full"])
        #expect(matcher.match(name: "Watchdog").matches.isEmpty)
    }

    @Test("a runbook is listed once, by its alert before its patterns")
    func once() {
        var matcher = RunbookMatcher(candidates: Self.candidates)
        let result = matcher.match(name: "etcdNoLeader", texts: ["etcdserver: no leader"])
        #expect(result.matches == [RunbookMatch(runbook: Self.candidates[0], reason: .alert("etcdNoLeader"))])
    }

    @Test("an invalid pattern is skipped and noted; a pathological one is abandoned once and not tried again")
    func hostilePatterns() {
        var matcher = RunbookMatcher(candidates: Self.candidates, budget: 0.02)
        #expect(matcher.skipped.map(\.pattern) == ["broken ("])
        let hostile = String(repeating: "a", count: 64) + "b"
        let first = matcher.match(name: hostile)
        #expect(first.matches.isEmpty)
        #expect(first.notes.map(\.pattern) == ["(a+)+$"])
        #expect(first.notes.first?.description.contains("was abandoned after 20 ms") == true)
        #expect(matcher.match(name: hostile).notes.isEmpty)
    }

    @Test("all pattern searches together stop at the total budget")
    func totalBudget() {
        let many = (0..<20).map { MatchCandidate(id: "h\($0)", title: "", url: "", alerts: [], patterns: ["(x+x+)+y"]) }
        var matcher = RunbookMatcher(candidates: many, budget: 0.02, totalBudget: 0.1)
        let result = matcher.match(name: String(repeating: "x", count: 64))
        #expect(result.notes.last?.problem.contains("were not tried") == true)
        #expect(result.notes.count < 20)
    }

    @Test("Alertmanager payloads: every alert with its status, labels and texts")
    func payload() throws {
        let json = """
            {"version": "4", "status": "firing", "receiver": "runbook", "alerts": [
              {"status": "firing", "labels": {"alertname": "NodeDiskFull", "instance": "node-3:9100", "severity": "critical"},
               "annotations": {"summary": "Disk full on node-3", "runbook_url": "x"}},
              {"status": "resolved", "labels": {"alertname": "etcdNoLeader"}},
              {"labels": {"alertname": "Watchdog"}}
            ]}
            """
        let alerts = try AlertmanagerPayload.alerts(in: Array(json.utf8), source: "payload.json")
        #expect(alerts.map(\.name) == ["NodeDiskFull", "etcdNoLeader", "Watchdog"])
        #expect(alerts.map(\.status) == ["firing", "resolved", "firing"])
        #expect(alerts[0].labels["instance"] == "node-3:9100")
        #expect(alerts[0].texts == ["Disk full on node-3"])
    }

    @Test("payloads that are not Alertmanager's are clear errors", arguments: [
        ("not json", "is not JSON"), ("[1]", "expected a JSON object"), (#"{"alerts": 3}"#, "'alerts' is missing or not a list"),
        (#"{"alerts": [{"labels": {}}]}"#, "alerts[0] has no 'alertname' label"), (#"{"alerts": [7]}"#, "alerts[0] has no 'labels' object"),
    ])
    func badPayloads(json: String, message: String) {
        #expect {
            try AlertmanagerPayload.alerts(in: Array(json.utf8), source: "p.json")
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("the report, as text and as JSON")
    func report() {
        let alert = FiringAlert(name: "NodeDiskFull", status: "firing", labels: ["alertname": "NodeDiskFull", "instance": "node-3"], texts: [])
        let report = MatchReport(entries: [
            MatchReport.Entry(query: "NodeDiskFull", alert: alert, matches: [RunbookMatch(runbook: Self.candidates[1], reason: .alert("NodeDiskFull"))]),
            MatchReport.Entry(query: "Watchdog", alert: FiringAlert(name: "Watchdog", status: "firing", labels: ["alertname": "Watchdog"], texts: []), matches: []),
        ], notes: [])
        #expect(!report.everyQueryMatched)
        #expect(report.text() == """
            NodeDiskFull firing {instance="node-3"}
              storage/disk-full  Disk full  https://rb.example/runbooks/storage/disk-full/  (alert NodeDiskFull)
            Watchdog firing
              no runbook

            """)
        #expect(report.json() == """
            {
              "matches": [
                {"query": "NodeDiskFull", "status": "firing", "labels": {"alertname": "NodeDiskFull", "instance": "node-3"}, "runbooks": [{"id": "storage/disk-full", "title": "Disk full", "url": "https://rb.example/runbooks/storage/disk-full/", "matchedBy": "alert", "value": "NodeDiskFull"}]},
                {"query": "Watchdog", "status": "firing", "labels": {"alertname": "Watchdog"}, "runbooks": []}
              ],
              "notes": []
            }

            """)
    }
}
