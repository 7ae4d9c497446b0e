import Testing
@testable import RunbookCore

@Suite("runbook new: a runbook that lint rejects until a human has written it")
struct NewRunbookTests {
    private func lint(_ text: String, config: Config) throws -> LintReport {
        try Linter(config: config).lint([SourceFile(path: "runbooks/disk-full.md", bytes: Array(text.utf8))], treePaths: ["runbooks/disk-full.md"])
    }

    @Test("front matter from the flags, every required section, status draft")
    func content() {
        let text = NewRunbook(title: "Disk full: /var", owner: "team-storage", severity: "critical", alerts: ["DiskFull", "yes"])
            .markdown(config: Config())
        #expect(text.hasPrefix("""
            ---
            title: "Disk full: /var"
            owner: team-storage
            severity: critical
            status: draft
            tags: []
            alerts: [DiskFull, "yes"]
            patterns: []
            ---
            # Disk full: /var

            ## Summary

            """))
        let runbook = RunbookParser(config: Config()).parse(path: "runbooks/disk-full.md", text: text)
        #expect(runbook.metadata.title == "Disk full: /var")
        #expect(runbook.metadata.alerts == ["DiskFull", "yes"])
        #expect(runbook.metadata.owner == "team-storage")
        #expect(runbook.sections.map(\.name) == SectionRequirements.standard.required)
    }

    @Test("lint fails on the placeholders, and passes once they are replaced")
    func lintUntilWritten() throws {
        let config = Config()
        let text = NewRunbook(title: "Disk full", owner: "team-storage").markdown(config: config)
        let report = try lint(text, config: config)
        let rules = Set(report.problems.map(\.ruleID))
        #expect(rules == ["placeholder", "too-few-commands"])

        var finished = text
        finished = finished.replacingOccurrences(
            of: "TODO: add the commands (this section needs at least 2 commands, sections.commands in runbook.yml), each in its own fenced block:\n\n```bash\n# TODO: the command to run\n```",
            with: "```bash\ndf -h /var\n```\n\n```bash\nsudo du -xsh /var/* | sort -h | tail\n```")
        finished = finished.replacingOccurrences(
            of: "TODO: add the commands (this section needs at least 1 command, sections.commands in runbook.yml), each in its own fenced block:\n\n```bash\n# TODO: the command to run\n```",
            with: "```bash\nsudo journalctl --vacuum-size=500M\n```")
        finished = finished.replacingOccurrences(of: "TODO: ", with: "")
        let problems = try lint(finished, config: config).problems
        #expect(problems.isEmpty, "\(problems.map(\.message))")
    }

    @Test("the sections and minimums come from the config, including markdownlint's headings form")
    func configuredSections() throws {
        let config = try ConfigParser(path: "runbook.yml").parse(
            "sections: {headings: ['# Runbook', '## Meaning', '*', '## Impact', '### Checks'], commands: {Checks: 1}}")
        let text = NewRunbook(title: "Disk full").markdown(config: config)
        #expect(!text.contains("# Disk full\n"))
        #expect(text.contains("# Runbook\n\n## Meaning\n\nTODO: write the Meaning section.\n\n## Impact\n"))
        #expect(text.contains("### Checks\n\nTODO: write the Checks section.\n\nTODO: add the commands (this section needs at least 1 command"))
        #expect(Set(try lint(text, config: config).problems.map(\.ruleID)) == ["placeholder"])
    }

    @Test("file names from titles")
    func slugs() {
        #expect(FileSlug.make("Disk full on /var") == "disk-full-on-var")
        #expect(FileSlug.make("  Ünïcode — Ärger!  ") == "unicode-arger")
        #expect(FileSlug.make("ディスク") == nil)
    }
}
