import RunbookCore

/// Finds the runbook an operator means: by id, by path in the repository, or
/// by the name of an alert it handles (what an alert notification carries).
public enum RunbookLookup {
    public static func find(_ query: String, in index: IndexDocument) throws(RunRefusal) -> IndexedRunbook {
        if let runbook = index.runbook(id: query) { return runbook }
        let path = query.hasPrefix("./") ? String(query.dropFirst(2)) : query
        if let runbook = index.runbooks.first(where: { $0.path == path }) { return runbook }
        if let ids = index.alerts[query] {
            guard ids.count == 1, let runbook = index.runbook(id: ids[0]) else {
                throw RunRefusal("alert '\(query)' has \(ids.count) runbooks: \(ids.joined(separator: ", ")); name one by its id")
            }
            return runbook
        }
        let near = index.runbooks.map(\.id).filter { $0.localizedCaseInsensitiveContains(query) }.prefix(5)
        let hint = near.isEmpty ? "see the site's index, or `runbook match`" : "did you mean \(near.joined(separator: ", "))?"
        throw RunRefusal("no runbook has the id, path or alert '\(query)'; \(hint)")
    }
}
