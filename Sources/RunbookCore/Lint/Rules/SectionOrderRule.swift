/// Required sections in the wrong order (when `sections.ordered` is true), or, with
/// MD043 `sections.headings`, a heading sequence the pattern does not allow.
struct SectionOrderRule: Rule {
    static let description = RuleDescription(
        id: "section-order",
        summary: """
            Required sections are out of the order sections.required lists (checked when sections.ordered is true; \
            only the first heading of each required section counts, and extra sections may go anywhere). The fewest \
            moves that restore the order are reported, at the sections to move. With sections.headings (markdownlint \
            MD043), every heading must fit the pattern: a heading out of place, one no '*', '+' or '?' allows, or too \
            few headings for a '?' or '+' is reported at that heading.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                ## Summary
                The disk is full.
                ## Mitigation
                Free space.
                ## Diagnosis
                Find what grew.
                """,
                config: "sections: {required: [Summary, Diagnosis, Mitigation], commands: {}}",
                expected: ["6:1"]),
            RuleExample(
                """
                # Disk full
                ## Impact
                Writes fail.
                ## Meaning
                The disk is full.
                ### Details
                It filled overnight.
                """,
                config: "sections: {headings: ['?', '## Meaning', '*', '## Impact', '*'], commands: {}}",
                expected: ["4:1"]),
            RuleExample(
                """
                ## Meaning
                The disk is full.
                ## Notes
                Unplanned.
                ## Impact
                Writes fail.
                """,
                config: "sections: {headings: ['?', '## Meaning', '## Impact'], commands: {}}",
                expected: ["1:1", "3:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Summary
                The disk is full.
                ## Notes
                Extra sections may go anywhere.
                ## Diagnosis
                Find what grew.
                """,
                config: "sections: {required: [Summary, Diagnosis], commands: {}}"),
            RuleExample(
                """
                # Disk full
                ## Diagnosis
                Find what grew.
                ## Summary
                The disk is full.
                """,
                config: "sections: {required: [Summary, Diagnosis], ordered: false, commands: {}}"),
            RuleExample(
                """
                # Disk full
                ## Meaning
                The disk is full.
                ### Details
                It filled overnight.
                ## Impact
                Writes fail.
                """,
                config: "sections: {headings: ['?', '## Meaning', '*', '## Impact', '*'], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        let requirements = context.config.sections
        if let pattern = requirements.headings {
            return HeadingPatternMatcher(pattern: pattern, aliases: requirements.aliases).misplaced(in: runbook)
        }
        guard requirements.ordered else { return [] }
        // The first section standing for each required name, in document order, with its place in the list.
        var seen: Set<String> = []
        let present = runbook.sections.compactMap { section -> (section: Section, rank: Int)? in
            guard let name = section.name, let rank = requirements.required.firstIndex(of: name),
                  seen.insert(name).inserted else { return nil }
            return (section, rank)
        }
        let kept = Self.longestInOrder(present.map(\.rank))
        return present.indices.filter { !kept.contains($0) }.map { index in
            let (section, rank) = present[index]
            let keptSections = kept.map { present[$0] }
            let place: String
            if let next = keptSections.filter({ $0.rank > rank }).min(by: { $0.rank < $1.rank }) {
                place = "move it before '## \(next.section.title)' (line \(next.section.location.line))"
            } else if let previous = keptSections.filter({ $0.rank < rank }).max(by: { $0.rank < $1.rank }) {
                place = "move it after '## \(previous.section.title)' (line \(previous.section.location.line))"
            } else {
                place = "move it into place"
            }
            return Finding(
                at: section.location,
                "section '\(section.displayName)' is out of order (sections.required in runbook.yml: \(requirements.required.joined(separator: ", "))); \(place)")
        }
    }

    /// Indices of a longest increasing subsequence of `ranks`; among the longest, the
    /// one that keeps the earliest elements, so it is later sections that get moved.
    static func longestInOrder(_ ranks: [Int]) -> Set<Int> {
        // longest[i]: length of the longest increasing run of ranks starting at i.
        var longest = [Int](repeating: 1, count: ranks.count)
        for i in ranks.indices.reversed() {
            for j in (i + 1)..<ranks.count where ranks[j] > ranks[i] {
                longest[i] = max(longest[i], longest[j] + 1)
            }
        }
        var kept: Set<Int> = []
        var need = longest.max() ?? 0
        var last: (index: Int, rank: Int)?
        while need > 0 {
            let start = last.map { $0.index + 1 } ?? 0
            guard let next = (start..<ranks.count).first(where: {
                longest[$0] == need && ranks[$0] > (last?.rank ?? Int.min)
            }) else { break }
            kept.insert(next)
            last = (next, ranks[next])
            need -= 1
        }
        return kept
    }
}
