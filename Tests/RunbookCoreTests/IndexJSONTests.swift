import Foundation
import GitKit
@testable import RunbookCore
import Testing

@Suite struct IndexJSONTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    private let runbookText = """
        ---
        title: "etcd <script>alert(1)</script> has no leader"
        owner: team-storage
        severity: critical
        status: approved
        tags: [etcd]
        alerts: [etcdNoLeader, etcdHighFsyncDurations]
        patterns: ['etcdserver: no leader']
        variables:
          - {name: CLUSTER, prompt: Which cluster?}
        ---
        # etcd has no leader
        ## Summary
        The cluster lost its leader.
        ## Diagnosis
        ```bash {name=member-list timeout=30s}
        etcdctl member list -w table
        ```
        ## Mitigation
        ```bash
        mkfs.ext4 /dev/sdb
        ```
        - [x] Confirm a leader was elected
        """

    private func catalog() throws -> Catalog {
        let config = try ConfigParser(path: "runbook.yml").parse("sections: {required: [Summary, Diagnosis, Mitigation]}")
        let linter = try Linter(config: config)
        let runbook = RunbookParser(config: config).parse(path: "runbooks/etcd/no-leader.md", bytes: Array(runbookText.utf8))
        let author = Signature(name: "Ada \"Lovelace\"", email: "ada@example.com", time: 1_704_067_200, offsetMinutes: 60)
        let commit = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        let lineage = Lineage(
            changes: [
                LineageChange(commit: commit, author: author, subject: "Approve", kind: .modified, path: runbook.path,
                              blob: commit),
                LineageChange(commit: commit, author: author, subject: "Move", kind: .renamed, path: runbook.path,
                              renamedFrom: "runbooks/etcd.md", blob: commit),
            ],
            approval: Approval(commit: commit, author: author, approvers: ["Grace Hopper"], fromTrailers: true),
            truncated: false)
        let problem = Problem(ruleID: "placeholder", severity: .warning, path: runbook.path, line: 3, column: 1, message: "TODO left")
        let entry = CatalogEntry(
            runbook: runbook, blob: try ObjectID(hashingBlob: Array(runbookText.utf8)), problems: [problem],
            lineage: lineage, dangerousSteps: linter.dangerousSteps(of: runbook))
        let unreadable = Problem(ruleID: "unreadable-file", severity: .error, path: "runbooks/x.md", line: 1, column: 1, message: "binary")
        return Catalog(
            source: CatalogSource(ref: "HEAD", commit: commit, commitDate: author, isWorkingTree: false, isShallow: false),
            config: config, entries: [entry], unreadable: [unreadable])
    }

    @Test func theEmbeddedSchemaIsTheRepositorysSchemaFile() throws {
        let file = try String(contentsOfFile: Self.repositoryRoot + "/schema/index.schema.json", encoding: .utf8)
        #expect(IndexSchema.text == file, "run scripts/embed-index-schema after editing schema/index.schema.json")
    }

    @Test func anIndexValidatesAgainstTheSchema() throws {
        let bytes = IndexJSON.encode(try catalog(), baseURL: "https://runbooks.example.com/") { _ in "runbooks/etcd/no-leader/" }
        let problems = try IndexSchemaValidator.validate(bytes)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func theValidatorRejectsAnIndexThatBreaksTheSchema() throws {
        var text = String(decoding: IndexJSON.encode(try catalog(), baseURL: ""), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": \"one\"")
        let problems = try IndexSchemaValidator.validate(Array(text.utf8))
        #expect(problems.contains("schemaVersion"))
    }

    @Test func theIndexCarriesStepsLineageAndLintInAFixedOrder() throws {
        let bytes = IndexJSON.encode(try catalog(), baseURL: "https://runbooks.example.com") { _ in "runbooks/etcd/no-leader/" }
        #expect(bytes == IndexJSON.encode(try catalog(), baseURL: "https://runbooks.example.com") { _ in "runbooks/etcd/no-leader/" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let runbook = try #require((json["runbooks"] as? [[String: Any]])?.first)
        #expect(runbook["url"] as? String == "https://runbooks.example.com/runbooks/etcd/no-leader/")
        #expect(runbook["title"] as? String == "etcd <script>alert(1)</script> has no leader")
        let steps = try #require(runbook["steps"] as? [[String: Any]])
        #expect(steps.map { $0["id"] as? String } == ["member-list", "mkfs-ext4-dev-sdb", "confirm-a-leader"])
        #expect(steps.map { $0["dangerous"] as? Bool } == [false, true, false])
        #expect((steps[0]["attributes"] as? [String: String]) == ["name": "member-list", "timeout": "30s"])
        let lineage = try #require(runbook["lineage"] as? [String: Any])
        #expect((lineage["paths"] as? [String]) == ["runbooks/etcd.md"])
        #expect((lineage["created"] as? [String: Any])?["date"] as? String == "2024-01-01T01:00:00+01:00")
        #expect(((lineage["approval"] as? [String: Any])?["approvers"] as? [String]) == ["Grace Hopper"])
        #expect((json["alerts"] as? [String: [String]])?["etcdNoLeader"] == ["etcd/no-leader"])
        let text = String(decoding: bytes, as: UTF8.self)
        // Keys in the documented order, not alphabetical; one runbook a line.
        let lines = text.split(separator: "\n")
        let runbookLine = try #require(lines.first { $0.hasPrefix("    {\"id\":\"etcd/no-leader\",\"title\":\"etcd <script>") })
        #expect(runbookLine.hasSuffix("}"))
        #expect(lines.first == "{" && lines[1] == "  \"schemaVersion\": 1,")
    }

    @Test func theReaderGetsBackWhatTheWriterWrote() throws {
        let bytes = IndexJSON.encode(try catalog(), baseURL: "https://runbooks.example/") { _ in "runbooks/etcd/no-leader/" }
        let document = try IndexDocument(json: Data(bytes), origin: "index.json")
        #expect(document.sourceCommit == String(repeating: "ab", count: 20))
        #expect(document.alerts["etcdNoLeader"] == ["etcd/no-leader"])
        #expect(document.patterns == [IndexedPattern(pattern: "etcdserver: no leader", runbook: "etcd/no-leader")])
        let runbook = try #require(document.runbook(id: "etcd/no-leader"))
        #expect(runbook.url == "https://runbooks.example/runbooks/etcd/no-leader/")
        #expect(runbook.metadata.status == "approved")
        #expect(runbook.metadata.variables == [RunbookVariable(name: "CLUSTER", prompt: "Which cluster?")])
        #expect(runbook.steps.map(\.id) == ["member-list", "mkfs-ext4-dev-sdb", "confirm-a-leader"])
        #expect(runbook.steps.map(\.kind) == [.command, .command, .manual])
        #expect(runbook.steps[1].dangerous && runbook.steps[1].danger != nil)
        #expect(runbook.steps[0].attributes["timeout"] == "30s")
        #expect(runbook.lineage.approval?.approvers == ["Grace Hopper"])
        #expect(runbook.lint.warnings == 1)
    }

    @Test func anotherSchemaVersionIsRefusedByName() {
        let json = Data(#"{"schemaVersion": 2, "runbooks": "whatever"}"#.utf8)
        #expect { try IndexDocument(json: json, origin: "site/index.json") } throws: { error in
            "\(error)".hasPrefix("site/index.json: schemaVersion 2 is not supported")
        }
    }

    @Test func aDamagedIndexSaysWhere() throws {
        let bytes = IndexJSON.encode(try catalog(), baseURL: "")
        let damaged = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"line\":", with: "\"line\":\"x\",\"was\":")
        #expect { try IndexDocument(json: Data(damaged.utf8), origin: "index.json") } throws: { error in
            "\(error)".contains("the index is damaged: at runbooks[0].")
        }
        #expect { try IndexDocument(json: Data("<html>".utf8), origin: "https://x/") } throws: { error in
            "\(error)".hasPrefix("https://x/: not a runbook index")
        }
    }
}
