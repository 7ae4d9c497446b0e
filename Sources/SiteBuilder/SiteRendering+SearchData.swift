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
    ///
    /// - Parameter reuse: the part (quoted text) of the runbook at a catalog
    ///   index, when the caller has it from an earlier build; nil to render
    ///   it. An empty part leaves its place empty, for the caller to fill.
    /// - Returns: the script, and where each runbook's part lies in it.
    func searchData(reuse: (Int) -> ArraySlice<UInt8>? = { _ in nil }) -> (bytes: [UInt8], parts: [Range<Int>]) {
        var script = Array("window.runbookSearchData=[\n".utf8)
        script.reserveCapacity(catalog.entries.count * 1024)
        var parts: [Range<Int>] = []
        parts.reserveCapacity(catalog.entries.count)
        // By index: most parts are reused, and need no copy of their entry.
        for index in catalog.entries.indices {
            let start = script.count
            if let part = reuse(index) {
                script += part
            } else {
                let runbook = catalog.entries[index].runbook
                let summary = summaries[index]
                var texts = [summary.title, summary.id, summary.owner] + summary.tags + summary.alerts
                texts += runbook.headings.map(\.text)
                texts += runbook.steps.flatMap { [$0.name] + ($0.kind == .command ? $0.commands.map(\.text) : [$0.script]) }
                JSONText.append(SearchWords.joined(texts), to: &script, forHTML: true)
            }
            parts.append(start..<script.count)
            script.append(contentsOf: ",\n".utf8)
        }
        script.append(contentsOf: "];\n".utf8)
        return (script, parts)
    }
}
