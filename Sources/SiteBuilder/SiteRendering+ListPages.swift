import MarkdownKit

extension SiteRendering {
    /// All runbooks in one table, with what the filters offer.
    func indexPage() -> [UInt8] {
        let filters: [(key: String, label: String, values: [String])] = [
            ("severity", "Severity", summaries.map(\.severity)),
            ("status", "Status", summaries.map(\.status)),
            ("owner", "Owner", summaries.map(\.owner)),
            ("lint", "Lint", summaries.map(\.lint.kind.rawValue)),
        ]
        var context: [String: Any] = [
            "runbooks": summaries.map { $0.row(from: "", layout: layout) },
            "count": summaries.count,
            "countLabel": CountPhrase.of(summaries.count, "runbook"),
            "filters": filters.map { filter in
                [
                    "key": filter.key, "label": filter.label,
                    "options": Set(filter.values.filter { !$0.isEmpty }).sorted().map { ["value": $0] },
                ] as [String: Any]
            },
            "searchDataURL": "search-data.js",
            "unreadable": catalog.unreadable.map { ["path": $0.path, "message": $0.message, "line": $0.line] },
        ]
        let lint = LintState(
            errors: catalog.entries.reduce(0) { $0 + $1.errorCount }, warnings: catalog.entries.reduce(0) { $0 + $1.warningCount })
        if lint.kind != .clean { context["lint"] = lint.context }
        return page("index", folder: "", context)
    }

    /// Every tag with how many runbooks carry it.
    func tagsPage() -> [UInt8] {
        let counts = Dictionary(summaries.flatMap { Set($0.tags) }.map { ($0, 1) }, uniquingKeysWith: +)
        let tags: [[String: Any]] = layout.tagFolders.keys.sorted().map { tag in
            ["name": tag, "url": layout.link(from: "tags", to: layout.tagFolders[tag] ?? "tags"), "count": counts[tag] ?? 0]
        }
        return page("tags", folder: "tags", ["tags": tags])
    }

    func tagPage(_ tag: String) -> [UInt8] {
        let folder = layout.tagFolders[tag] ?? "tags"
        let runbooks = summaries.filter { $0.tags.contains(tag) }.map { $0.row(from: folder, layout: layout) }
        return page("tag", folder: folder, ["tag": tag, "runbooks": runbooks, "countLabel": CountPhrase.of(runbooks.count, "runbook")])
    }

    /// Every alert name with the runbooks that answer it.
    func alertsPage() -> [UInt8] {
        let alerts: [[String: Any]] = layout.alertFolders.keys.sorted().map { alert in
            [
                "name": alert, "url": layout.link(from: "alerts", to: layout.alertFolders[alert] ?? "alerts"),
                "runbooks": summaries.filter { $0.alerts.contains(alert) }.map { $0.row(from: "alerts", layout: layout) },
            ]
        }
        return page("alerts", folder: "alerts", ["alerts": alerts])
    }

    /// The stable address for an alert's `runbook_url`: leads to its runbook, or
    /// lists them when several answer the alert.
    func alertPage(_ alert: String) -> [UInt8] {
        let folder = layout.alertFolders[alert] ?? "alerts"
        let runbooks = summaries.filter { $0.alerts.contains(alert) }.map { $0.row(from: folder, layout: layout) }
        var context: [String: Any] = ["alert": alert, "runbooks": runbooks, "countLabel": CountPhrase.of(runbooks.count, "runbook")]
        if runbooks.count == 1 { context["redirect"] = runbooks[0]["url"] }
        return page("alert", folder: folder, context)
    }

    /// The newest changes across all runbooks.
    func changesPage() -> [UInt8] {
        let recent: [[String: Any]] = changes.prefix(Self.recentChangeCount).map { item in
            var context = change(item.change)
            context["runbook"] = summaries[item.entry].row(from: "changes", layout: layout)
            return context
        }
        return page("changes", folder: "changes", ["changes": recent, "limit": Self.recentChangeCount])
    }

    static let recentChangeCount = 200

    /// Served by web servers for any missing path, at any depth: with a base URL the
    /// page uses `<base href>`, so its links work from anywhere; without one they are
    /// relative to the site root.
    func notFoundPage() -> [UInt8] {
        var context: [String: Any] = [:]
        context.setIfPresent("baseURL", absoluteBase)
        return page("404", folder: "", context)
    }

    /// `site.base_url` with a trailing `/`, when it is an `http(s)` URL.
    var absoluteBase: String? {
        let base = catalog.config.site.baseURL
        let scheme = URLSafety.scheme(of: base)
        guard scheme == "http" || scheme == "https" else { return nil }
        return base.hasSuffix("/") ? base : base + "/"
    }
}
