extension SiteRendering {
    /// What the index page's search looks through, one lowercased text per runbook
    /// in table order: the words of its title, id, owner, tags, alerts, headings,
    /// step names and commands, each once.
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
            var words = [summary.title, summary.id, summary.owner] + summary.tags + summary.alerts
            words += runbook.headings.map(\.text)
            words += runbook.steps.flatMap { [$0.name] + ($0.kind == .command ? $0.commands.map(\.text) : [$0.script]) }
            // Each word once: a search matches words, and runbooks repeat theirs
            // (`kubectl -n payments` in every command): a fifth less to load.
            var seen = Set<Substring>()
            let text = words.joined(separator: " ").lowercased()
            let unique = Self.words(of: text).filter { seen.insert($0).inserted }
            JavaScriptString.append(unique.joined(separator: " "), to: &script)
            script.append(contentsOf: ",\n".utf8)
        }
        script.append(contentsOf: "];\n".utf8)
        return script
    }

    /// The text split at whitespace. An ASCII text, as nearly every runbook's is,
    /// is split on its bytes (space, tab, and line and page breaks: what
    /// `Character.isWhitespace` means in ASCII), which takes a small part of the
    /// time of looking up each character's Unicode properties.
    static func words(of text: String) -> [Substring] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(whereSeparator: \.isWhitespace) }
        return text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || (0x09...0x0D).contains($0) }).map(Substring.init)
    }
}
