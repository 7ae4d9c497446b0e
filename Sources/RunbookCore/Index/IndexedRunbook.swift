/// One runbook of an index: identity, front matter, steps, lineage summary and lint state.
public struct IndexedRunbook: Sendable, Decodable {
    public var id: String
    public var title: String
    /// Path in the repository.
    public var path: String
    /// Git blob id of the file the index was built from.
    public var blob: String
    /// The runbook's site page (with the index's base URL in front); nil when not built as a site.
    public var url: String?
    public var metadata: Metadata
    public var steps: [IndexedStep]
    public var lineage: Lineage
    public var lint: Lint

    public struct Metadata: Sendable, Decodable {
        public var owner: String?
        public var severity: String?
        public var status: String?
        public var autonomy: String?
        public var tags: [String]
        public var alerts: [String]
        public var patterns: [String]
        public var variables: [RunbookVariable]
    }

    public struct Lineage: Sendable, Decodable {
        public var updated: Change?
        public var approval: Approval?
        public var truncated: Bool
    }

    public struct Change: Sendable, Decodable {
        public var commit: String
        public var author: String
        public var date: String
    }

    public struct Approval: Sendable, Decodable {
        public var commit: String
        public var approvers: [String]
    }

    public struct Lint: Sendable, Decodable {
        public var errors: Int
        public var warnings: Int
        public var problems: [IndexedProblem]
    }
}
