import GitKit
import RunbookCore
@testable import SiteBuilder

/// Catalogs built in memory: runbooks parsed from text, lineage made by hand.
enum TestCatalog {
    static let fullRunbook = """
        ---
        title: etcd has no leader
        owner: team-storage
        severity: critical
        status: approved
        tags: [etcd, control-plane]
        alerts: [EtcdNoLeader]
        ---
        # etcd has no leader

        ## Summary

        The cluster has **no leader**; see [failover](../db/failover.md#promote) and <span>raw</span>.

        ## Symptoms

        - [ ] Confirm the alert
        - [x] Page the owner

        | Signal | Threshold |
        |:--|--:|
        | `leader` | 0 |

        ## Diagnosis

        ```bash {name=member-list timeout=30s}
        etcdctl member list -w table
        ```

        ```console
        $ etcdctl endpoint health \\
            --cluster
        healthy
        ```

        ## Mitigation

        ```sh
        systemctl restart etcd
        ```

        ## Root Cause Fix

        Fix the disk.

        ## Escalation

        Call the storage team.
        """

    static let failover = """
        ---
        title: Database failover
        owner: team-db
        severity: high
        status: draft
        tags: [db]
        alerts: [PostgresDown, EtcdNoLeader]
        ---
        # Database failover

        ## Summary

        Promote the replica.
        """

    static func signature(_ name: String, day: Int) -> Signature {
        // 2024-03-01T10:00:00Z plus whole days, at +01:00.
        Signature(name: name, email: "\(name.lowercased().filter(\.isLetter))@example.com", time: 1_709_287_200 + Int64(day) * 86_400, offsetMinutes: 60)
    }

    static func commit(_ digit: Character) -> ObjectID {
        ObjectID(hex: String(repeating: digit, count: 40))!
    }

    static func lineage(_ path: String, renamedFrom: String? = nil) -> Lineage {
        var changes = [
            LineageChange(commit: commit("c"), author: signature("Carol", day: 9), subject: "Approve the etcd runbook",
                          kind: .modified, path: path, blob: commit("e")),
            LineageChange(commit: commit("b"), author: signature("Bob", day: 5), subject: "Move to etcd/",
                          kind: .renamed, path: path, renamedFrom: renamedFrom ?? "old/etcd.md", blob: commit("e")),
            LineageChange(commit: commit("a"), author: signature("Alice", day: 0), subject: "Add etcd runbook",
                          kind: .added, path: renamedFrom ?? "old/etcd.md", blob: commit("e")),
        ]
        changes.sort { $0.author.time > $1.author.time }
        let approval = Approval(commit: commit("c"), author: signature("Carol", day: 9), approvers: ["Dave", "Erin"], fromTrailers: true)
        return Lineage(changes: changes, approval: approval, truncated: false)
    }

    /// A catalog of the given files, each with the hand-made lineage unless `lineages` says otherwise.
    static func make(
        _ files: [(path: String, text: String)],
        lineages: [String: Lineage] = [:],
        configure: (inout Config) -> Void = { _ in }
    ) -> Catalog {
        var config = Config()
        config.site.title = "Ops runbooks"
        configure(&config)
        let parser = RunbookParser(config: config)
        let entries = files.map { file in
            let runbook = parser.parse(path: file.path, bytes: Array(file.text.utf8))
            let problems = runbook.path.hasSuffix("failover.md")
                ? [Problem(ruleID: "missing-section", severity: .error, path: file.path, line: 9, column: 1, message: "missing section 'Symptoms'")]
                : []
            return CatalogEntry(runbook: runbook, blob: commit("e"), problems: problems, lineage: lineages[file.path] ?? lineage(file.path))
        }
        let source = CatalogSource(ref: "main", commit: commit("c"), commitDate: signature("Carol", day: 9), isWorkingTree: false, isShallow: false)
        return Catalog(source: source, config: config, entries: entries, unreadable: [])
    }

    static var standard: Catalog {
        make([("runbooks/etcd/no-leader.md", fullRunbook), ("runbooks/db/failover.md", failover)]) {
            $0.site.repoURL = "https://git.example.com/ops/runbooks"
        }
    }

    /// Renders a catalog with the built-in template into memory.
    static func render(_ catalog: Catalog, linkStyle: LinkStyle = .indexFiles, overrides: [String: [UInt8]] = [:]) throws -> [String: String] {
        let site = Site(catalog: catalog, template: try SiteTemplate(overrides: overrides), linkStyle: linkStyle)
        let output = MemorySiteOutput()
        try site.render(into: output)
        return output.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }
}
