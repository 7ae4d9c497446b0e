import Foundation
import GitKit
import RunbookCore

/// The `PageKey` of each page that depends on a few runbooks only: a
/// runbook's page and history page, and the page of each tag and alert.
/// After a commit that changes one runbook, every other such page keeps its
/// key, and a build leaves its file as it is instead of rendering it again.
///
/// A key covers all a page is rendered from, in two parts:
/// - site-wide: this build of runbook, the templates and assets, the config's
///   text and site settings, the link style, and where every page goes (links
///   between pages follow from that);
/// - per runbook: its path, blob (the parsed runbook follows from blob and
///   config), problems, dangerous steps and whole lineage.
/// Pages listing every runbook and the feed have no key: they change with
/// any runbook and are always rendered. `index.json` and the search data are
/// made of one part per runbook, and each part has a key (`partKey`).
struct PageKeys: Sendable {
    private let site: PageKey?
    /// What every part depends on besides its runbook: this build of runbook
    /// and the config's text (the parse follows from blob and config).
    private let parts: PageKey?
    /// Per catalog entry, the digest of its own inputs.
    private let entries: [PageKey?]

    /// - Parameter digests: `digests(of: catalog.entries)`.
    init(catalog: Catalog, template: SiteTemplate, layout: SiteLayout, digests: [PageKey?]) {
        var site = PageKey.Builder("site")
        site.add(RunbookVersion.current)
        site.add(ExecutableIdentity.current)
        site.add(template.fingerprint)
        site.add(catalog.config.text)
        let settings = catalog.config.site
        for setting in [settings.title, settings.baseURL, settings.repoURL, settings.branch] { site.add(setting) }
        site.add(layout.key)
        self.site = template.fingerprint == nil || ExecutableIdentity.current == nil || layout.key == nil ? nil : site.key
        var parts = PageKey.Builder("parts")
        parts.add(RunbookVersion.current)
        parts.add(ExecutableIdentity.current)
        parts.add(catalog.config.text)
        self.parts = ExecutableIdentity.current == nil ? nil : parts.key
        entries = digests
    }

    /// Each entry's digest, on all cores: hashing 10,000 lineages is a good
    /// part of what a rebuild after one commit does before it can write anything.
    static func digests(of entries: [CatalogEntry]) -> [PageKey?] {
        entries.concurrentMap(digest)
    }

    /// The key of a page, or nil when it has none (always rendered).
    func key(
        for file: SiteFile, tagMembers: [String: [Int]], alertMembers: [String: [Int]]
    ) -> PageKey? {
        switch file {
        case .runbook(let index): return key("runbook", name: nil, members: [index])
        case .history(let index): return key("history", name: nil, members: [index])
        case .tag(let tag): return key("tag", name: tag, members: tagMembers[tag] ?? [])
        case .alert(let alert): return key("alert", name: alert, members: alertMembers[alert] ?? [])
        default: return nil
        }
    }

    /// The key of the part of `file` for the runbook at catalog index `index`,
    /// which also shows `detail` (its URL); nil when it has none (rendered).
    func partKey(of index: Int, in file: String, detail: String?) -> PageKey? {
        guard let parts, let entry = entries[index] else { return nil }
        var builder = PageKey.Builder(file)
        builder.add(parts)
        builder.add(entry)
        builder.add(detail)
        return builder.key
    }

    private func key(_ kind: String, name: String?, members: [Int]) -> PageKey? {
        guard let site else { return nil }
        var builder = PageKey.Builder(kind)
        builder.add(site)
        builder.add(name)
        builder.add(members.count)
        for member in members {
            guard let entry = entries[member] else { return nil }
            builder.add(entry)
        }
        return builder.key
    }

    private static func digest(of entry: CatalogEntry) -> PageKey? {
        var builder = PageKey.Builder("entry")
        builder.add(entry.runbook.path)
        builder.add(entry.blob)
        builder.add(entry.runbook.unreadableReason)
        builder.add(entry.problems.count)
        for problem in entry.problems {
            for text in [problem.ruleID, problem.severity.rawValue, problem.path, problem.message] { builder.add(text) }
            builder.add(problem.line)
            builder.add(problem.column)
        }
        builder.add(entry.dangerousSteps.count)
        for (step, match) in entry.dangerousSteps.sorted(by: { $0.key < $1.key }) {
            for text in [step, match.entryID, match.reason] { builder.add(text) }
        }
        let lineage = entry.lineage
        builder.add(lineage.truncated)
        builder.add(lineage.changes.count)
        for change in lineage.changes {
            builder.add(change.commit)
            add(change.author, to: &builder)
            for text in [change.subject, change.kind.rawValue, change.path] { builder.add(text) }
            builder.add(change.renamedFrom)
            builder.add(change.blob)
        }
        builder.add(lineage.approval != nil)
        if let approval = lineage.approval {
            builder.add(approval.commit)
            add(approval.author, to: &builder)
            builder.add(approval.approvers.count)
            for approver in approval.approvers { builder.add(approver) }
            builder.add(approval.fromTrailers)
        }
        return builder.key
    }

    private static func add(_ signature: Signature, to builder: inout PageKey.Builder) {
        builder.add(signature.name)
        builder.add(signature.email)
        builder.add(Int(signature.time))
        builder.add(signature.offsetMinutes)
    }
}
