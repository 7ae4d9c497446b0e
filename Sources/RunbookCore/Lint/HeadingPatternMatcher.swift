/// Checks a runbook's headings against markdownlint MD043's `headings` list
/// (`sections.headings` in config): literal headings such as `## Diagnosis`, `?`
/// for exactly one heading of any text, `*` for zero or more and `+` for one or more.
///
/// Every heading of the document counts, at every level, in document order, as in
/// MD043; text compares without regard to case or runs of white space, and a
/// configured alias stands for its section. Unlike MD043, which stops at the first
/// mismatch, the matcher finds the alignment of headings to pattern with the fewest
/// faults and reports each one:
/// - a literal the document lacks entirely is *missing* (the `missing-section` rule);
/// - a heading present in the wrong place, a heading no wildcard allows, or too few
///   headings for a `?` or `+` is *misplaced* (the `section-order` rule).
///
/// Among equally good alignments, the one that keeps the earlier headings in place is
/// chosen, so it is the later of two swapped headings that is reported.
struct HeadingPatternMatcher: Sendable {
    let pattern: [HeadingPatternItem]
    /// `sections.aliases`: other names accepted for a literal's text.
    let aliases: [String: [String]]

    init(pattern: [HeadingPatternItem], aliases: [String: [String]] = [:]) {
        self.pattern = pattern
        self.aliases = aliases
    }

    /// What is wrong with a heading sequence, split by the rule that reports it.
    struct Outcome: Sendable, Hashable {
        var missing: [Finding] = []
        var misplaced: [Finding] = []

        var isMatch: Bool { missing.isEmpty && misplaced.isEmpty }
    }

    func missing(in runbook: Runbook) -> [Finding] {
        check(runbook.headings).missing
    }

    func misplaced(in runbook: Runbook) -> [Finding] {
        check(runbook.headings).misplaced
    }

    func matches(_ headings: [Heading]) -> Bool {
        check(headings).isMatch
    }

    // MARK: Alignment

    /// A pattern item after `+` is rewritten as `?` then `*`; `item` is its index in the configured list.
    private enum Token {
        case literal(level: Int, text: String, item: Int)
        case one(item: Int)
        case many(item: Int)

        var item: Int {
            switch self {
            case .literal(_, _, let item), .one(let item), .many(let item): return item
            }
        }
    }

    private enum Move {
        case match       // heading matched by a literal
        case consumeOne  // heading taken by `?` (or the first of `+`)
        case consumeMany // heading taken by `*` (or the rest of `+`)
        case leaveMany   // `*` done
        case delete      // a literal or `?` with no heading for it
        case skip        // a heading the pattern has no place for
    }

    func check(_ headings: [Heading]) -> Outcome {
        let tokens = pattern.enumerated().flatMap { index, item -> [Token] in
            switch item {
            case .heading(let level, let text): return [.literal(level: level, text: text, item: index)]
            case .any: return [.one(item: index)]
            case .zeroOrMore: return [.many(item: index)]
            case .oneOrMore: return [.one(item: index), .many(item: index)]
            }
        }
        let moves = align(headings, tokens)
        return report(headings, tokens, moves)
    }

    /// The cheapest alignment, as the moves taken from the start. A fault (deleted
    /// item, skipped heading) costs `weight`; a wildcard taking a heading that some
    /// literal names costs 1, so literals get their headings whenever faults tie.
    /// Time and memory are proportional to headings × pattern items.
    private func align(_ headings: [Heading], _ tokens: [Token]) -> [(move: Move, heading: Int, token: Int)] {
        let n = headings.count, m = tokens.count
        let weight = n + 1
        let width = m + 1
        // literal[i * m + j]: heading i is what literal token j asks for.
        let texts = headings.map { SectionRequirements.normalized($0.text) }
        var literal = [Bool](repeating: false, count: n * m)
        for (j, token) in tokens.enumerated() {
            guard case .literal(let level, let text, _) = token else { continue }
            let accepted = acceptedTexts(for: text)
            for i in 0..<n where headings[i].level == level && accepted.contains(texts[i]) {
                literal[i * m + j] = true
            }
        }
        let named = (0..<n).map { i in (0..<m).contains { literal[i * m + $0] } }
        var cost = [Int](repeating: 0, count: (n + 1) * width)
        var chosen = [Move](repeating: .skip, count: (n + 1) * width)
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: m, through: 0, by: -1) where i < n || j < m {
                // Candidates in order of preference among equal costs: matches before faults,
                // and a deleted item before a skipped heading (so earlier headings keep their place).
                var best = Int.max
                var move = Move.skip
                func consider(_ candidate: Move, _ value: Int) {
                    if value < best { best = value; move = candidate }
                }
                let wildcardCost = i < n && named[i] ? 1 : 0
                if j < m {
                    switch tokens[j] {
                    case .literal:
                        if i < n, literal[i * m + j] { consider(.match, cost[(i + 1) * width + j + 1]) }
                        consider(.delete, weight + cost[i * width + j + 1])
                    case .one:
                        if i < n { consider(.consumeOne, wildcardCost + cost[(i + 1) * width + j + 1]) }
                        consider(.delete, weight + cost[i * width + j + 1])
                    case .many:
                        consider(.leaveMany, cost[i * width + j + 1])
                        if i < n { consider(.consumeMany, wildcardCost + cost[(i + 1) * width + j]) }
                    }
                }
                if i < n { consider(.skip, weight + cost[(i + 1) * width + j]) }
                cost[i * width + j] = best
                chosen[i * width + j] = move
            }
        }
        var moves: [(move: Move, heading: Int, token: Int)] = []
        var i = 0, j = 0
        while i < n || j < m {
            let move = chosen[i * width + j]
            moves.append((move, i, j))
            switch move {
            case .match, .consumeOne: i += 1; j += 1
            case .consumeMany, .skip: i += 1
            case .leaveMany, .delete: j += 1
            }
        }
        return moves
    }

    /// The normalized heading texts a literal accepts: its own and its aliases'.
    private func acceptedTexts(for text: String) -> Set<String> {
        let wanted = SectionRequirements.normalized(text)
        var accepted: Set<String> = [wanted]
        for (name, alternatives) in aliases where SectionRequirements.normalized(name) == wanted {
            accepted.formUnion(alternatives.map(SectionRequirements.normalized))
        }
        return accepted
    }

    // MARK: Findings

    private func report(_ headings: [Heading], _ tokens: [Token], _ moves: [(move: Move, heading: Int, token: Int)]) -> Outcome {
        var outcome = Outcome()
        var matchedHeading: [Int: Int] = [:]  // token → heading it matched
        var skipped: [Int] = []
        var skippedAt: [Int: Int] = [:]  // skipped heading → token the pattern was at
        var wildcard: [Int] = []
        for step in moves {
            switch step.move {
            case .match: matchedHeading[step.token] = step.heading
            case .skip:
                skipped.append(step.heading)
                skippedAt[step.heading] = step.token
            case .consumeOne, .consumeMany: wildcard.append(step.heading)
            case .leaveMany, .delete: break
            }
        }
        var reported: Set<Int> = []
        for step in moves where step.move == .delete {
            let place = context(of: step.token, tokens, headings, matchedHeading)
            guard case .literal(let level, let text, _) = tokens[step.token] else {
                // Too few headings for a `?` or `+`.
                let item = tokens[step.token].item
                let wanted = "the headings pattern in runbook.yml (item \(item + 1), '\(pattern[item])') expects one more heading"
                if step.heading < headings.count {
                    let next = headings[step.heading]
                    outcome.misplaced.append(Finding(at: next.location, "\(wanted) before '\(Self.show(next))'"))
                } else if let last = headings.last {
                    outcome.misplaced.append(Finding(at: last.location, "\(wanted) after '\(Self.show(last))'"))
                } else {
                    outcome.misplaced.append(Finding(line: 1, "\(wanted); the document has no headings"))
                }
                continue
            }
            let literal = String(repeating: "#", count: level) + " " + text
            let candidates = (skipped + wildcard).filter { !reported.contains($0) }.sorted()
            if let found = candidates.first(where: { matches(headings[$0], level: level, text: text) }) {
                reported.insert(found)
                let heading = headings[found]
                outcome.misplaced.append(Finding(
                    at: heading.location,
                    "heading '\(Self.show(heading))' is out of order: the headings pattern in runbook.yml puts it \(place)"))
            } else if let found = candidates.first(where: { sameText(headings[$0], text) }) {
                reported.insert(found)
                let heading = headings[found]
                outcome.missing.append(Finding(
                    at: heading.location,
                    "required heading '\(literal)' is missing: '\(Self.show(heading))' here is a level-\(heading.level) heading; make it '\(literal)'"))
            } else {
                outcome.missing.append(Finding(
                    line: 1, "required heading '\(literal)' is missing; add it \(place) (headings pattern in runbook.yml)"))
            }
        }
        for index in skipped where !reported.contains(index) {
            let heading = headings[index]
            let token = skippedAt[index]!
            let expected: String
            if token == tokens.count {
                expected = "no more headings are allowed"
            } else if case .literal(let level, let text, _) = tokens[token] {
                expected = "'\(String(repeating: "#", count: level)) \(text)' comes next"
            } else {
                expected = "item \(tokens[token].item + 1), '\(pattern[tokens[token].item])', comes next"
            }
            outcome.misplaced.append(Finding(
                at: heading.location,
                "heading '\(Self.show(heading))' is not allowed here by the headings pattern in runbook.yml (\(expected)); remove it, or allow it with a '*', '+' or '?' item"))
        }
        outcome.missing.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        outcome.misplaced.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return outcome
    }

    /// "before '## Mitigation' (line 12)" or "after '## Diagnosis' (line 8)": the nearest literal that did match.
    private func context(of token: Int, _ tokens: [Token], _ headings: [Heading], _ matched: [Int: Int]) -> String {
        if let next = (token + 1..<tokens.count).first(where: { matched[$0] != nil }), let heading = matched[next] {
            return "before '\(Self.show(headings[heading]))' (line \(headings[heading].location.line))"
        }
        if let previous = (0..<token).reversed().first(where: { matched[$0] != nil }), let heading = matched[previous] {
            return "after '\(Self.show(headings[heading]))' (line \(headings[heading].location.line))"
        }
        return "where the pattern says"
    }

    private func matches(_ heading: Heading, level: Int, text: String) -> Bool {
        heading.level == level && sameText(heading, text)
    }

    private func sameText(_ heading: Heading, _ text: String) -> Bool {
        acceptedTexts(for: text).contains(SectionRequirements.normalized(heading.text))
    }

    private static func show(_ heading: Heading) -> String {
        String(repeating: "#", count: heading.level) + " " + heading.text
    }
}
