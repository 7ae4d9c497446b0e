/// What `runbook match` found, for people (`text`) and for machines (`json`).
public struct MatchReport: Sendable {
    /// One alert or text looked up.
    public struct Entry: Sendable, Hashable {
        /// The alert name, or the text given on the command line.
        public var query: String
        /// For an Alertmanager alert: its status and labels.
        public var alert: FiringAlert?
        public var matches: [RunbookMatch]

        public init(query: String, alert: FiringAlert?, matches: [RunbookMatch]) {
            self.query = query
            self.alert = alert
            self.matches = matches
        }
    }

    public var entries: [Entry]
    public var notes: [RunbookMatcher.Note]

    public init(entries: [Entry], notes: [RunbookMatcher.Note]) {
        self.entries = entries
        self.notes = notes
    }

    /// Whether every alert or text has at least one runbook.
    public var everyQueryMatched: Bool { entries.allSatisfy { !$0.matches.isEmpty } }

    /// `DiskFull firing {instance="node-3"}` then one indented line per runbook
    /// (`id  title  url  (alert DiskFull)`), or `no runbook`.
    public func text() -> String {
        var lines: [String] = []
        for entry in entries {
            var heading = RunbookSkeleton.oneLine(entry.query)
            if let alert = entry.alert {
                heading += " \(alert.status)"
                let labels = alert.labels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }
                if !labels.isEmpty {
                    heading += " {" + labels.map { "\($0.key)=\(JSONText.quote($0.value))" }.joined(separator: ", ") + "}"
                }
            }
            lines.append(heading)
            if entry.matches.isEmpty { lines.append("  no runbook") }
            for match in entry.matches {
                let reason: String
                switch match.reason {
                case .alert(let name): reason = "alert \(name)"
                case .pattern(let pattern): reason = "pattern '\(pattern)'"
                }
                lines.append("  \(match.runbook.id)  \(RunbookSkeleton.oneLine(match.runbook.title))  \(match.runbook.url)  (\(reason))")
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// `{"matches": [{"query", "status"?, "labels"?, "runbooks": [{"id", "title", "url", "matchedBy", "value"}]}], "notes": [...]}`,
    /// keys in a fixed order, one entry per line.
    public func json() -> String {
        let items = entries.map { entry in
            var fields = ["\"query\": \(JSONText.quote(entry.query))"]
            if let alert = entry.alert {
                fields.append("\"status\": \(JSONText.quote(alert.status))")
                let labels = alert.labels.sorted { $0.key < $1.key }.map { "\(JSONText.quote($0.key)): \(JSONText.quote($0.value))" }
                fields.append("\"labels\": {\(labels.joined(separator: ", "))}")
            }
            let runbooks = entry.matches.map { match in
                let (kind, value): (String, String) = switch match.reason {
                case .alert(let name): ("alert", name)
                case .pattern(let pattern): ("pattern", pattern)
                }
                return "{\"id\": \(JSONText.quote(match.runbook.id)), \"title\": \(JSONText.quote(match.runbook.title)), "
                    + "\"url\": \(JSONText.quote(match.runbook.url)), \"matchedBy\": \(JSONText.quote(kind)), \"value\": \(JSONText.quote(value))}"
            }
            fields.append("\"runbooks\": [\(runbooks.joined(separator: ", "))]")
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        let notes = self.notes.map { "    " + JSONText.quote($0.description) }
        return "{\n  \"matches\": \(Self.list(items)),\n  \"notes\": \(Self.list(notes))\n}\n"
    }

    /// `[]`, or the items one a line.
    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n  ]"
    }
}
