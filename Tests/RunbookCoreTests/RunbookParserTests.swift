@testable import RunbookCore
import Testing

@Suite struct RunbookParserTests {
    private let parser = RunbookParser(config: Config())

    private let sample = """
        ---
        title: etcd has no leader
        owner: team-storage
        severity: critical
        status: approved
        tags: [etcd, control-plane]
        alerts: [etcdNoLeader]
        patterns: ['etcdserver: no leader']
        autonomy: manual
        ---
        # etcd has no leader
        ## Summary
        The cluster lost its leader.
        ## Symptoms
        Writes fail. See [the dashboard](../dashboards/etcd.md).
        ## Diagnosis
        ```bash {name=member-list timeout=30s}
        etcdctl member list -w table
        ```
        ```sh {"name":"endpoint-status","retries":2}
        etcdctl endpoint status
        ```
        ## Mitigation
        ```console
        $ systemctl restart etcd \\
            --no-block
        active
        ```
        - [ ] Confirm a leader was elected
        ## Root Cause Fix
        Find out why.
        ## Escalation
        Page storage.

        """

    @Test func frontMatterIsTyped() {
        let runbook = parser.parse(path: "runbooks/etcd/no-leader.md", text: sample)
        #expect(runbook.frontMatterError == nil)
        #expect(runbook.id == "etcd/no-leader")
        #expect(runbook.title == "etcd has no leader")
        #expect(runbook.metadata.owner == "team-storage")
        #expect(runbook.metadata.tags == ["etcd", "control-plane"])
        #expect(runbook.metadata.patterns == ["etcdserver: no leader"])
        #expect(runbook.metadata.field("status")?.value.line == 5)
        #expect(runbook.bodyLine == 11)
    }

    @Test func sectionsAndHeadingsPointAtFileLines() {
        let runbook = parser.parse(path: "runbooks/etcd/no-leader.md", text: sample)
        #expect(runbook.headings.first?.location.line == 11)
        #expect(runbook.sections.map(\.title) == ["Summary", "Symptoms", "Diagnosis", "Mitigation", "Root Cause Fix", "Escalation"])
        #expect(runbook.sections.map(\.location.line) == [12, 14, 16, 23, 30, 32])
        #expect(runbook.sections.map(\.commandCount) == [0, 0, 2, 1, 0, 0])
    }

    @Test func stepsCarryNamesAttributesAndLines() {
        let runbook = parser.parse(path: "runbooks/etcd/no-leader.md", text: sample)
        #expect(runbook.steps.map(\.name) == ["member-list", "endpoint-status", "systemctl-restart-etcd", "confirm-a-leader"])
        #expect(runbook.steps.map(\.kind) == [.command, .command, .command, .manual])
        #expect(runbook.steps.map(\.line) == [17, 20, 24, 29])
        #expect(runbook.steps[0].attributes["timeout"] == "30s")
        #expect(runbook.steps[1].attributes["retries"] == "2")
        #expect(runbook.steps[2].commands == [Command(text: "systemctl restart etcd \\\n    --no-block", line: 25)])
        #expect(runbook.steps[2].section == "Mitigation")
        #expect(runbook.steps[3].script == "Confirm a leader was elected")
    }

    @Test func linksAreCollected() {
        let runbook = parser.parse(path: "runbooks/etcd/no-leader.md", text: sample)
        #expect(runbook.links.map(\.destination) == ["../dashboards/etcd.md"])
        #expect(runbook.links[0].location.line == 15)
    }

    @Test func derivedNamesAreUniqueAndAvoidExplicitOnes() {
        let text = "## Diagnosis\n```bash\nkubectl get pods\n```\n```bash {name=kubectl-get-pods}\necho\n```\n```bash\nkubectl get pods -A\n```\n"
        let runbook = parser.parse(path: "runbooks/x.md", text: text)
        #expect(runbook.steps.map(\.name) == ["kubectl-get-pods-2", "kubectl-get-pods", "kubectl-get-pods-3"])
    }

    @Test func ignoredFencesAndOtherLanguagesAreNotSteps() {
        let text = "## Diagnosis\n```bash {ignore=true}\nrm x\n```\n```python\nprint(1)\n```\n```\nplain\n```\n"
        #expect(parser.parse(path: "runbooks/x.md", text: text).steps.isEmpty)
    }

    @Test func taskItemsOutsideRequiredSectionsAreNotSteps() {
        let text = "## Notes\n- [ ] not a step\n## Mitigation\n- [x] a step\n"
        let steps = parser.parse(path: "runbooks/x.md", text: text).steps
        #expect(steps.map(\.script) == ["a step"])
        #expect(steps[0].checked)
    }

    @Test func titleFallsBackToH1ThenFileName() {
        #expect(parser.parse(path: "runbooks/a.md", text: "# From H1\n").title == "From H1")
        let untitled = parser.parse(path: "runbooks/dir/b c.md", text: "text\n")
        #expect(untitled.title == nil)
        #expect(untitled.displayTitle == "b c.md")
    }

    @Test(arguments: [
        ([UInt8]("# ok\n".utf8) + [0xFF, 0xFE] + [UInt8]("\n".utf8), "not valid UTF-8"),
        ([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], "binary"),
    ])
    func unreadableBytesAreRecorded(_ bytes: [UInt8], _ reason: String) {
        let runbook = parser.parse(path: "runbooks/x.md", bytes: bytes)
        #expect(runbook.unreadableReason?.contains(reason) == true)
    }

    @Test func oversizedFilesAreNotParsed() {
        var config = Config()
        config.maxFileSize = 10
        let runbook = RunbookParser(config: config).parse(path: "runbooks/x.md", bytes: Array(repeating: 65, count: 11))
        #expect(runbook.unreadableReason?.contains("over the limit") == true)
    }

    @Test(arguments: [
        ("", nil as String?),
        ("---\ntitle: only\n---\n", nil),
        ("---\ntitle: [unclosed\n---\n# T\n", "invalid YAML"),
        ("---\ntitle: x\n", "never closed"),
        ("---\n- a\n- b\n---\n", "must be a mapping"),
        ("---\ntags: {a: b}\n---\n", "'tags' must be a list"),
    ])
    func frontMatterEdgeCases(_ text: String, _ error: String?) {
        let runbook = parser.parse(path: "runbooks/x.md", text: text)
        if let error {
            #expect(runbook.frontMatterError?.message.contains(error) == true)
        } else {
            #expect(runbook.frontMatterError == nil)
        }
    }

    @Test func frontMatterErrorLinesAreFileLines() {
        let runbook = parser.parse(path: "runbooks/x.md", text: "---\ntitle: ok\nowner: [a\n---\n")
        #expect(runbook.frontMatterError?.line ?? 0 >= 3)
    }

    /// A page parses the tree again on its own; it must be the tree `parse` made.
    @Test(arguments: [
        "---\ntitle: T\n---\n# T\n\n## Steps\n\n```sh\nls\n```\n",
        "\u{FEFF}# With a byte order mark\n\ntext\n",
        "---\ntitle: x\nnever closed\n# H\n",
        "no front matter\n\n- [ ] task\n",
        "# ok\n\u{0}binary",
        "",
    ])
    func theTreeAloneIsTheTreeOfAWholeParse(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(parser.document(of: bytes).nodes == parser.parse(path: "runbooks/x.md", bytes: bytes).document.nodes)
    }

    @Test func theTreeAloneOfUnreadableBytesIsTheUnreadableRunbooksTree() {
        let bytes: [UInt8] = [UInt8]("# ok\n".utf8) + [0xFF, 0xFE]
        #expect(parser.document(of: bytes).nodes == parser.parse(path: "runbooks/x.md", bytes: bytes).document.nodes)
        var config = Config()
        config.maxFileSize = 3
        let small = RunbookParser(config: config)
        #expect(small.document(of: bytes).nodes == small.parse(path: "runbooks/x.md", bytes: bytes).document.nodes)
    }
}
