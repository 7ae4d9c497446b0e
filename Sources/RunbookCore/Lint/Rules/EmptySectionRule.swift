import Foundation
import MarkdownKit

/// A level-2 section with nothing in it for the reader.
struct EmptySectionRule: Rule {
    static let description = RuleDescription(
        id: "empty-section",
        summary: """
            A section (a level-2 heading, required or not) has no content before the next level-1 or level-2 \
            heading. Subheadings alone are not content: a section whose subsections are all empty is empty; \
            neither are HTML comments or thematic breaks. Reported at the section heading.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                ## Summary
                ## Escalation
                Page the storage on-call.
                """,
                config: "sections: {required: [Summary, Escalation], commands: {}}",
                expected: ["2:1"]),
            RuleExample(
                """
                # Disk full
                ## Summary
                The disk is full.
                ## Escalation
                ### Business hours
                <!-- fill in -->
                ### Out of hours
                """,
                config: "sections: {required: [Summary, Escalation], commands: {}}",
                expected: ["4:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Summary
                The disk is full.
                ## Escalation
                ### Business hours
                Page the storage on-call.
                """,
                config: "sections: {required: [Summary, Escalation], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        let nodes = runbook.document.nodes
        return runbook.sections.filter { section in
            !section.contentNodes.contains { index in nodes[index].parent == 0 && Self.isContent(nodes[index]) }
        }.map { section in
            Finding(
                at: section.location,
                "section '\(section.title)' is empty; write what the responder should know or do here, or remove the heading")
        }
    }

    /// Whether a top-level block says something to the reader.
    private static func isContent(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .heading, .thematicBreak:
            return false
        case .htmlBlock:
            return !isOnlyComments(node.literal)
        default:
            return true
        }
    }

    private static func isOnlyComments(_ html: String) -> Bool {
        var rest = html[...]
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.isEmpty { return true }
            guard rest.hasPrefix("<!--"), let close = rest.range(of: "-->") else { return false }
            rest = rest[close.upperBound...]
        }
    }
}
