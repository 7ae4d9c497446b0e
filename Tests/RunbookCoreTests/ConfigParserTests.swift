@testable import RunbookCore
import Testing

@Suite struct ConfigParserTests {
    private func parse(_ yaml: String) throws(ConfigError) -> Config {
        try ConfigParser(path: "runbook.yml").parse(yaml)
    }

    @Test func emptyConfigIsTheDefault() throws {
        let config = try parse("")
        #expect(config.root == "runbooks")
        #expect(config.sections.required == ["Summary", "Symptoms", "Diagnosis", "Mitigation", "Root Cause Fix", "Escalation"])
        #expect(config.sections.commands == ["Diagnosis": 2, "Mitigation": 1])
        #expect(config.sections.ordered)
        #expect(config.metadata.statuses == ["draft", "proposed", "approved", "deprecated"])
        #expect(config.reviewAfterDays == 180)
        #expect(config.executor.requireStatus == "approved")
        #expect(config.isRunbook("runbooks/etcd/no-leader.md"))
        #expect(!config.isRunbook("runbooks/README.md"))
        #expect(!config.isRunbook("docs/x.md"))
    }

    @Test func everyKeyOfTheDesignSketchIsRead() throws {
        let config = try parse("""
            root: docs/runbooks
            include: ['**/*.md']
            exclude: ['**/README.md', 'drafts/**']
            sections:
              required: [Summary, Diagnosis, Mitigation]
              aliases: {Mitigation: [Remediation, Resolution]}
              ordered: false
              commands: {Diagnosis: 1}
            metadata:
              required: [owner, severity]
              statuses: [draft, approved]
            review_after: 26w
            site: {title: Ops, base_url: /rb, repo_url: 'https://github.com/acme/runbooks', branch: trunk}
            executor: {require_status: approved, deny: ['rm -rf /data'], shell: zsh}
            rules: {placeholder: warning, broken-link: off}
            max_file_size: 2MB
            """)
        #expect(config.rootPrefix == "docs/runbooks")
        #expect(!config.isRunbook("docs/runbooks/drafts/x.md"))
        #expect(config.sections.canonicalName(for: "resolution") == "Mitigation")
        #expect(!config.sections.ordered)
        #expect(config.sections.commands == ["Diagnosis": 1])
        #expect(config.metadata.required == ["owner", "severity"])
        #expect(config.reviewAfterDays == 182)
        #expect(config.site.repoURL == "https://github.com/acme/runbooks")
        #expect(config.executor.shell == "zsh")
        #expect(config.severity(of: "placeholder", default: .error) == .warning)
        #expect(config.severity(of: "broken-link", default: .error) == nil)
        #expect(config.maxFileSize == 2_000_000)
    }

    @Test func defaultMinimumsFollowTheirSections() throws {
        #expect(try parse("sections: {required: [Summary, Diagnosis]}").sections.commands == ["Diagnosis": 2])
        #expect(try parse("sections: {required: [Summary]}").sections.commands == [:])
    }

    @Test func commandMinimumsAreKeyedByRequiredName() throws {
        let config = try parse("sections: {required: [Diagnosis, Mitigation], aliases: {Mitigation: [Remediation]}, commands: {remediation: 3}}")
        #expect(config.sections.commands == ["Mitigation": 3])
    }

    @Test func markdownlintHeadingsForm() throws {
        let config = try parse("sections:\n  headings: ['*', '## Summary', '+', '## Diagnosis', '?', '*']\n  commands: {}\n")
        #expect(config.sections.headings?.count == 6)
        #expect(config.sections.requiredNames == ["Summary", "Diagnosis"])
    }

    @Test(arguments: [
        ("roots: x\n", 1, "roots"),
        ("sections:\n  commands: {Diagnosis: two}\n", 2, "sections.commands.Diagnosis"),
        ("sections:\n  required: [A]\n  commands: {B: 1}\n", 3, "sections.commands.B"),
        ("rules:\n  no-such-rule: off\n", 2, "rules.no-such-rule"),
        ("rules:\n  placeholder: loud\n", 2, "rules.placeholder"),
        ("site:\n  title: [a]\n", 2, "site.title"),
        ("review_after: soon\n", 1, "review_after"),
        ("executor:\n  deny: ['(']\n", 2, "executor.deny"),
        ("sections:\n  headings: ['Summary']\n", 2, "sections.headings"),
        ("include: {a: b}\n", 1, "include"),
        ("a: [\n", 2, ""),
    ])
    func badConfigNamesLineAndKey(_ yaml: String, _ line: Int, _ key: String) {
        do {
            _ = try parse(yaml)
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.line == line)
            #expect(error.key == key)
            #expect(error.description.hasPrefix("runbook.yml:\(line):"))
        }
    }
}
