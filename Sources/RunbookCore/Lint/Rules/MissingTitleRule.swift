import Foundation
import MarkdownKit

/// A runbook with no title: neither a front matter `title` nor a level-1 heading, or an empty one.
struct MissingTitleRule: Rule {
    static let description = RuleDescription(
        id: "missing-title",
        summary: """
            The runbook has no title: no front matter 'title' and no level-1 heading, or the one it has is empty. \
            (The site would fall back to the file name.)
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                ## Summary
                The disk is full.
                """,
                config: "sections: {required: [Summary], commands: {}}",
                expected: ["1:1"]),
            RuleExample(
                """
                ---
                title: ""
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}",
                expected: ["2:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Summary
                The disk is full.
                """,
                config: "sections: {required: [Summary], commands: {}}"),
            RuleExample(
                """
                ---
                title: Disk full
                ---
                ## Summary
                The disk is full.
                """,
                config: "sections: {required: [Summary], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        guard let title = runbook.title else {
            return [Finding(line: 1, "runbook has no title; start it with a '# Title' heading or set 'title:' in the front matter")]
        }
        guard title.allSatisfy(\.isWhitespace) else { return [] }
        let location = runbook.titleLocation ?? SourceLocation(line: 1, column: 1)
        if runbook.metadata.title != nil {
            return [Finding(at: location, "front matter 'title' is empty; give it a value, or remove it to use the first '# heading'")]
        }
        return [Finding(at: location, "the title heading is empty; write the runbook's title after the '#'")]
    }
}
