import RunbookCore

extension SiteRendering {
    /// What the index page's search looks through, one lowercased text per runbook
    /// in table order: the words of its title, id, owner, tags, alerts, headings,
    /// step names and commands, each once (`SearchWords`).
    ///
    /// A script (`window.runbookSearchData = [...]`) rather than JSON: the index page
    /// loads it with a `<script src>` when the reader first searches, which works from
    /// `file://` too, where browsers refuse `fetch`. Loading it only then keeps the
    /// index page itself small.
    func searchData() -> [UInt8] {
        var script = Array("window.runbookSearchData=[\n".utf8)
        script.reserveCapacity(catalog.entries.count * 1024)
        for (entry, summary) in zip(catalog.entries, summaries) {
            let runbook = entry.runbook
            var texts = [summary.title, summary.id, summary.owner] + summary.tags + summary.alerts
            texts += runbook.headings.map(\.text)
            texts += runbook.steps.flatMap { [$0.name] + ($0.kind == .command ? $0.commands.map(\.text) : [$0.script]) }
            JSONText.append(SearchWords.joined(texts), to: &script, forHTML: true)
            script.append(contentsOf: ",\n".utf8)
        }
        script.append(contentsOf: "];\n".utf8)
        return script
    }
}
