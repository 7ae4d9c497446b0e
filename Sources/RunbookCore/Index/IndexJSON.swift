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
            let bytes = reuse(index) ?? runbook(entries[index], url: urls[index])
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

    /// A runbook's line, compact.
    private static func runbook(_ entry: CatalogEntry, url: String?) -> ArraySlice<UInt8> {
        let runbook = entry.runbook
        let metadata = runbook.metadata
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.field("id", runbook.id)
            json.field("title", runbook.displayTitle)
            json.field("path", runbook.path)
            json.field("blob", id: entry.blob)
            json.field("url", url)
            json.field("metadata", object: { json in
                json.field("owner", metadata.owner)
                json.field("severity", metadata.severity)
                json.field("status", metadata.status)
                json.field("autonomy", metadata.autonomy)
                json.field("tags", strings: metadata.tags)
                json.field("alerts", strings: metadata.alerts)
                json.field("patterns", strings: metadata.patterns)
                json.field("variables", array: metadata.variables) { json, variable in
                    json.object { json in
                        json.field("name", variable.name)
                        json.field("prompt", variable.prompt)
                        json.field("default", variable.defaultValue)
                        json.field("pattern", variable.pattern)
                    }
                }
                json.field("fields", .object(metadata.fields.map { ($0.key, yaml($0.value)) }))
            })
            json.field("sections", array: runbook.sections) { json, section in
                json.object { json in
                    json.field("title", section.title)
                    json.field("name", section.name)
                    json.field("line", section.location.line)
                    json.field("commands", section.commandCount)
                }
            }
            json.field("steps", array: runbook.steps) { step($1, danger: entry.dangerousSteps[$1.name], to: &$0) }
            json.key("lineage")
            lineage(entry.lineage, to: &json)
            json.field("lint", object: { json in
                json.field("errors", entry.errorCount)
                json.field("warnings", entry.warningCount)
                json.field("problems", array: entry.problems) { $0.value(problem($1, withPath: false)) }
            })
        }
        return json.bytes[...]
    }

    private static func step(_ step: Step, danger: DenylistMatch?, to json: inout JSONWriter) {
        json.object { json in
            json.field("id", step.name)
            json.field("section", step.section)
            json.field("kind", step.kind.rawValue)
            json.field("shell", step.shell)
            json.field("command", step.script)
            json.field("line", step.line)
            json.field("attributes", object: { json in
                for (name, value) in step.attributes.sorted(by: { $0.key < $1.key }) { json.field(name, value) }
            })
            json.field("checked", step.checked)
            json.field("dangerous", danger != nil)
            json.key("danger")
            if let danger {
                json.object { json in
                    json.field("entry", danger.entryID)
                    json.field("reason", danger.reason)
                }
            } else {
                json.value(.null)
            }
        }
    }

    private static func lineage(_ lineage: Lineage, to json: inout JSONWriter) {
        json.object { json in
            json.field("commits", ids: lineage.changes.lazy.map(\.commit))
            json.key("created")
            change(lineage.created, to: &json)
            json.key("updated")
            change(lineage.updated, to: &json)
            json.field("authors", array: lineage.authors) { json, author in
                json.object { json in
                    json.field("name", author.name)
                    json.field("email", author.email)
                }
            }
            json.field("paths", strings: lineage.earlierPaths)
            json.key("approval")
            if let approval = lineage.approval {
                json.object { json in
                    json.field("commit", id: approval.commit)
                    json.field("date", approval.author.iso8601)
                    json.field("approvers", strings: approval.approvers)
                    json.field("fromTrailers", approval.fromTrailers)
                }
            } else {
                json.value(.null)
            }
            json.field("truncated", lineage.truncated)
        }
    }

    /// A change, or `null`.
    private static func change(_ change: LineageChange?, to json: inout JSONWriter) {
        guard let change else { return json.value(.null) }
        json.object { json in
            json.field("commit", id: change.commit)
            json.field("author", change.author.name)
            json.field("email", change.author.email)
            json.field("date", change.author.iso8601)
            json.field("subject", change.subject)
            json.field("path", change.path)
        }
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
