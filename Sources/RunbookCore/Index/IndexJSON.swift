import Dispatch
import GitKit
import Synchronization

/// The machine-readable index of a build (`index.json`): what the executor and
/// other tools consume. Described by `IndexSchema` (`index.schema.json`);
/// keys come in a fixed order so two builds of one commit are byte-identical.
public enum IndexJSON {
    /// Bumped when a consumer of version 1 could misread the new form.
    public static let schemaVersion = 1

    /// `index.schema.json`, as shipped in the binary and copied into every site.
    public static var schema: [UInt8] { Array(IndexSchema.text.utf8) }

    /// - Parameter pageURL: the site page of a runbook, relative to the site root
    ///   (`runbooks/etcd-no-leader/`); `baseURL` is put in front of it.
    public static func encode(
        _ catalog: Catalog, baseURL: String, pageURL: (CatalogEntry) -> String? = { _ in nil }
    ) -> [UInt8] {
        encodeInParts(catalog, baseURL: baseURL, pageURL: pageURL).bytes
    }

    /// The index as `encode` renders it, and where each runbook's part (its
    /// line, without indent or comma) lies in it, in catalog order.
    ///
    /// - Parameter reuse: the part of the runbook at a catalog index, when the
    ///   caller has it from an earlier build (rendered with the same URL); nil
    ///   to render it. An empty part leaves its place empty, for a caller
    ///   that puts the part there itself (copying it file to file).
    public static func encodeInParts(
        _ catalog: Catalog, baseURL: String, pageURL: (CatalogEntry) -> String?,
        reuse: @Sendable (_ index: Int) -> ArraySlice<UInt8>? = { _ in nil }
    ) -> (bytes: [UInt8], parts: [Range<Int>]) {
        var parts: [Range<Int>] = []
        // Top-level keys and each runbook on a line of their own.
        let bytes = document(catalog, baseURL: baseURL, pageURL: pageURL, reuse: reuse).rendered(prettyDepth: 2, renderedRanges: &parts)
        return (bytes, parts)
    }

    static func document(
        _ catalog: Catalog, baseURL: String, pageURL: (CatalogEntry) -> String?,
        reuse: @Sendable (Int) -> ArraySlice<UInt8>?
    ) -> JSONValue {
        let base = baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        let problems = catalog.problems
        return .object([
            ("schemaVersion", .int(schemaVersion)),
            ("generator", .string("runbook \(RunbookVersion.current)")),
            ("title", .string(catalog.config.site.title)),
            ("baseURL", .string(baseURL)),
            ("source", source(catalog.source)),
            ("lint", .object([
                ("runbooks", .int(catalog.entries.count)),
                ("errors", .int(problems.count { $0.severity == .error })),
                ("warnings", .int(problems.count { $0.severity == .warning })),
                ("unreadable", .array(catalog.unreadable.map { problem($0, withPath: true) })),
            ])),
            ("runbooks", .array(runbooks(catalog.entries, base: base, pageURL: pageURL, reuse: reuse))),
            ("alerts", alerts(catalog.entries)),
            ("patterns", .array(catalog.entries.flatMap { entry in
                entry.runbook.metadata.patterns.map { .object([("pattern", .string($0)), ("runbook", .string(entry.runbook.id))]) }
            })),
        ])
    }

    /// Each runbook rendered compact on all cores: the index of 10,000 runbooks
    /// is the largest file of a site, and its value trees together would be
    /// several times its size.
    private static func runbooks(
        _ entries: [CatalogEntry], base: String, pageURL: (CatalogEntry) -> String?,
        reuse: @Sendable (Int) -> ArraySlice<UInt8>?
    ) -> [JSONValue] {
        let urls = entries.map { pageURL($0).map { base + $0 } }
        let parts = Mutex([ArraySlice<UInt8>](repeating: [], count: entries.count))
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let bytes = reuse(index) ?? runbook(entries[index], url: urls[index]).rendered(prettyDepth: 0).dropLast()
            parts.withLock { $0[index] = bytes }
        }
        return parts.withLock { $0 }.map(JSONValue.rendered)
    }

    private static func source(_ source: CatalogSource) -> JSONValue {
        .object([
            ("ref", .string(source.ref)),
            ("commit", .optional(source.commit?.hex)),
            ("date", .optional(source.commitDate?.iso8601)),
            ("worktree", .bool(source.isWorkingTree)),
            ("shallow", .bool(source.isShallow)),
        ])
    }

    private static func runbook(_ entry: CatalogEntry, url: String?) -> JSONValue {
        let runbook = entry.runbook
        let metadata = runbook.metadata
        return .object([
            ("id", .string(runbook.id)),
            ("title", .string(runbook.displayTitle)),
            ("path", .string(runbook.path)),
            ("blob", .string(entry.blob.hex)),
            ("url", .optional(url)),
            ("metadata", .object([
                ("owner", .optional(metadata.owner)),
                ("severity", .optional(metadata.severity)),
                ("status", .optional(metadata.status)),
                ("autonomy", .optional(metadata.autonomy)),
                ("tags", .array(metadata.tags.map(JSONValue.string))),
                ("alerts", .array(metadata.alerts.map(JSONValue.string))),
                ("patterns", .array(metadata.patterns.map(JSONValue.string))),
                ("variables", .array(metadata.variables.map { variable in
                    .object([
                        ("name", .string(variable.name)),
                        ("prompt", .optional(variable.prompt)),
                        ("default", .optional(variable.defaultValue)),
                        ("pattern", .optional(variable.pattern)),
                    ])
                })),
                ("fields", .object(metadata.fields.map { ($0.key, yaml($0.value)) })),
            ])),
            ("sections", .array(runbook.sections.map { section in
                .object([
                    ("title", .string(section.title)),
                    ("name", .optional(section.name)),
                    ("line", .int(section.location.line)),
                    ("commands", .int(section.commandCount)),
                ])
            })),
            ("steps", .array(runbook.steps.map { step($0, danger: entry.dangerousSteps[$0.name]) })),
            ("lineage", lineage(entry.lineage)),
            ("lint", .object([
                ("errors", .int(entry.errorCount)),
                ("warnings", .int(entry.warningCount)),
                ("problems", .array(entry.problems.map { problem($0, withPath: false) })),
            ])),
        ])
    }

    private static func step(_ step: Step, danger: DenylistMatch?) -> JSONValue {
        .object([
            ("id", .string(step.name)),
            ("section", .string(step.section)),
            ("kind", .string(step.kind.rawValue)),
            ("shell", .string(step.shell)),
            ("command", .string(step.script)),
            ("line", .int(step.line)),
            ("attributes", .object(step.attributes.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("checked", .bool(step.checked)),
            ("dangerous", .bool(danger != nil)),
            ("danger", danger.map { .object([("entry", .string($0.entryID)), ("reason", .string($0.reason))]) } ?? .null),
        ])
    }

    private static func lineage(_ lineage: Lineage) -> JSONValue {
        .object([
            ("commits", .array(lineage.changes.map { .string($0.commit.hex) })),
            ("created", lineage.created.map(change) ?? .null),
            ("updated", lineage.updated.map(change) ?? .null),
            ("authors", .array(lineage.authors.map { .object([("name", .string($0.name)), ("email", .string($0.email))]) })),
            ("paths", .array(lineage.earlierPaths.map(JSONValue.string))),
            ("approval", lineage.approval.map { approval in
                .object([
                    ("commit", .string(approval.commit.hex)),
                    ("date", .string(approval.author.iso8601)),
                    ("approvers", .array(approval.approvers.map(JSONValue.string))),
                    ("fromTrailers", .bool(approval.fromTrailers)),
                ])
            } ?? .null),
            ("truncated", .bool(lineage.truncated)),
        ])
    }

    private static func change(_ change: LineageChange) -> JSONValue {
        .object([
            ("commit", .string(change.commit.hex)),
            ("author", .string(change.author.name)),
            ("email", .string(change.author.email)),
            ("date", .string(change.author.iso8601)),
            ("subject", .string(change.subject)),
            ("path", .string(change.path)),
        ])
    }

    private static func problem(_ problem: Problem, withPath: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = withPath ? [("path", .string(problem.path))] : []
        members += [
            ("line", .int(problem.line)),
            ("column", .int(problem.column)),
            ("severity", .string(problem.severity.rawValue)),
            ("rule", .string(problem.ruleID)),
            ("message", .string(problem.message)),
        ]
        return .object(members)
    }

    /// Alert name → ids of the runbooks naming it, names sorted.
    private static func alerts(_ entries: [CatalogEntry]) -> JSONValue {
        var runbooks: [String: [String]] = [:]
        // By index, and each runbook's few alerts without a set: this runs on
        // every build, and copying 10,000 entries would be most of its time.
        for index in entries.indices {
            let alerts = entries[index].runbook.metadata.alerts
            for (position, alert) in alerts.enumerated() where !alerts[..<position].contains(alert) {
                runbooks[alert, default: []].append(entries[index].runbook.id)
            }
        }
        return .object(runbooks.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map(JSONValue.string))) })
    }

    /// Front matter as JSON: scalars stay strings (YAML's types are not guessed).
    private static func yaml(_ value: YAMLValue) -> JSONValue {
        switch value.kind {
        case .scalar(let text): return .string(text)
        case .null: return .null
        case .sequence(let items): return .array(items.map(yaml))
        case .mapping(let entries): return .object(entries.map { ($0.key, yaml($0.value)) })
        }
    }
}
