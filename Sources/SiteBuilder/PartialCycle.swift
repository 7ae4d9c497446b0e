/// Finds templates that include each other in a loop, which rendering would
/// follow until the stack overflows.
enum PartialCycle {
    /// One cycle as template names, first repeated at the end (`["a", "b", "a"]`), or nil.
    static func find(in graph: [String: [String]]) -> [String]? {
        enum State { case visiting, done }
        var state: [String: State] = [:]
        for root in graph.keys.sorted() where state[root] == nil {
            // Explicit stack of (node, index of the next edge to follow).
            var stack: [(node: String, next: Int)] = [(root, 0)]
            state[root] = .visiting
            while let top = stack.last {
                let edges = graph[top.node] ?? []
                guard top.next < edges.count else {
                    state[top.node] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let target = edges[top.next]
                switch state[target] {
                case .visiting:
                    let path = stack.map(\.node)
                    let start = path.firstIndex(of: target) ?? 0
                    return Array(path[start...]) + [target]
                case .done:
                    continue
                case nil:
                    state[target] = .visiting
                    stack.append((target, 0))
                }
            }
        }
        return nil
    }
}
