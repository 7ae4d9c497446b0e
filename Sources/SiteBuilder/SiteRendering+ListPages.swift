import MarkdownKit
import RunbookCore

extension SiteRendering {
    static let recentChangeCount = 200

    /// All runbooks in one table, with what the filters offer.
    func indexPage() -> [UInt8] {
        let filters: [(key: String, label: String, values: [String])] = [
            ("severity", "Severity", summaries.map(\.severity)),
            ("status", "Status", summaries.map(\.status)),
            ("owner", "Owner", summaries.map(\.owner)),
            ("lint", "Lint", summaries.map(\.lint.kind.rawValue)),
        ]
        var context: TemplateObject = [
            "runbooks": rows(Array(summaries.indices), from: ""),
            "count": .number(summaries.count),
            "countLabel": .text(CountPhrase.of(summaries.count, "runbook")),
            "filters": .list(filters.map { filter in
                [
                    "key": .text(filter.key), "label": .text(filter.label),
                    "options": .list(Set(filter.values.filter { !$0.isEmpty }).sorted().map { ["value": .text($0)] }),
                ]
            }),
            "searchDataURL": "search-data.js",
            "unreadable": .list(catalog.unreadable.map { problem in
                ["path": .text(problem.path), "message": .text(problem.message), "line": .number(problem.line)]
            }),
        ]
        // By index: `reduce` would copy each of 10,000 entries to count its problems.
        let entries = catalog.entries.indices
        let lint = LintState(
            errors: entries.reduce(0) { $0 + catalog.entries[$1].errorCount },
            warnings: entries.reduce(0) { $0 + catalog.entries[$1].warningCount })
        if lint.kind != .clean { context["lint"] = lint.context }
        // The one big page: a row per runbook.
        return page("index", folder: "", context, capacity: 4096 + summaries.count * 320)
    }

    /// Every tag with how many runbooks carry it.
    func tagsPage() -> [UInt8] {
        let tags: [TemplateValue] = layout.tagFolders.keys.sorted().map { tag in
            [
                "name": .text(tag), "url": .text(layout.link(from: "tags", to: layout.tagFolders[tag] ?? "tags")),
                "count": .number(tagMembers[tag]?.count ?? 0),
            ]
        }
        return page("tags", folder: "tags", ["tags": .list(tags)])
    }

    func tagPage(_ tag: String) -> [UInt8] {
        let folder = layout.tagFolders[tag] ?? "tags"
        let members = tagMembers[tag] ?? []
        return page("tag", folder: folder, [
            "tag": .text(tag), "runbooks": rows(members, from: folder), "countLabel": .text(CountPhrase.of(members.count, "runbook")),
        ])
    }

    /// Every alert name with the runbooks that answer it.
    func alertsPage() -> [UInt8] {
        let alerts: [TemplateValue] = layout.alertFolders.keys.sorted().map { alert in
            [
                "name": .text(alert), "url": .text(layout.link(from: "alerts", to: layout.alertFolders[alert] ?? "alerts")),
                "runbooks": rows(alertMembers[alert] ?? [], from: "alerts"),
            ]
        }
        return page("alerts", folder: "alerts", ["alerts": .list(alerts)])
    }

    /// The stable address for an alert's `runbook_url`: leads to its runbook, or
    /// lists them when several answer the alert.
    func alertPage(_ alert: String) -> [UInt8] {
        let folder = layout.alertFolders[alert] ?? "alerts"
        let members = alertMembers[alert] ?? []
        var context: TemplateObject = [
            "alert": .text(alert), "runbooks": rows(members, from: folder), "countLabel": .text(CountPhrase.of(members.count, "runbook")),
        ]
        if members.count == 1 { context["redirect"] = .text(layout.link(from: folder, to: summaries[members[0]].pageFolder)) }
        return page("alert", folder: folder, context)
    }

    /// The newest changes across all runbooks.
    func changesPage() -> [UInt8] {
        let recent: [TemplateValue] = changes.prefix(Self.recentChangeCount).map { item in
            var context = change(item.change)
            context["runbook"] = summaries[item.entry].row(from: "changes", layout: layout)
            return .object(context)
        }
        return page("changes", folder: "changes", ["changes": .list(recent), "limit": .number(Self.recentChangeCount)])
    }

    /// Served by web servers for any missing path, at any depth: with a base URL the
    /// page uses `<base href>`, so its links work from anywhere; without one they are
    /// relative to the site root.
    func notFoundPage() -> [UInt8] {
        var context: TemplateObject = [:]
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
