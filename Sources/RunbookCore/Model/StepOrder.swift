/// The order a runbook's steps run in: the order they are written, except that a
/// step waits until every step named in its `depends` attribute has run. The
/// lint rule `step-cycle` and the executor's plan use the same answer.
public enum StepOrder {
    /// Why no order exists.
    public enum Problem: Error, Sendable, Hashable {
        /// The step at `step` depends on a name no step of the runbook has.
        case unknownDependency(step: Int, name: String)
        /// Steps that wait for each other in a ring, each depending on the next,
        /// the first being the earliest in the runbook.
        case cycle([Int])
    }

    /// The `depends` attribute of a step, `depends=check-disk,drain` or with
    /// spaces after the commas: the names of the steps it waits for.
    public static func dependencies(in attributes: [String: String]) -> [String] {
        guard let list = attributes["depends"] else { return [] }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// - Parameters:
    ///   - names: each step's name, in document order (a repeated name means its first step).
    ///   - dependencies: for each step, the names it depends on.
    /// - Returns: step positions in run order.
    public static func resolve(names: [String], dependencies: [[String]]) -> Result<[Int], Problem> {
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() where position[name] == nil { position[name] = index }
        var waitingFor = [Int](repeating: 0, count: names.count)
        var dependents = [[Int]](repeating: [], count: names.count)
        for (step, needs) in dependencies.enumerated() {
            for name in Set(needs) {
                guard let needed = position[name] else { return .failure(.unknownDependency(step: step, name: name)) }
                waitingFor[step] += 1
                dependents[needed].append(step)
            }
        }
        // Kahn's algorithm, always taking the earliest ready step so that a
        // runbook without `depends` runs exactly in document order.
        var ready = (0..<names.count).filter { waitingFor[$0] == 0 }.reversed().map { $0 }  // earliest last
        var order: [Int] = []
        order.reserveCapacity(names.count)
        while let step = ready.popLast() {
            order.append(step)
            for dependent in dependents[step] {
                waitingFor[dependent] -= 1
                if waitingFor[dependent] == 0 {
                    // Keep `ready` sorted latest-first; binary search for the slot.
                    var low = 0, high = ready.count
                    while low < high {
                        let middle = (low + high) / 2
                        if ready[middle] > dependent { low = middle + 1 } else { high = middle }
                    }
                    ready.insert(dependent, at: low)
                }
            }
        }
        guard order.count < names.count else { return .success(order) }
        return .failure(.cycle(cycle(waitingFor: waitingFor, names: names, dependencies: dependencies, position: position)))
    }

    /// One ring among the steps left waiting: from the earliest of them, follow a
    /// dependency that is itself still waiting until a step repeats.
    private static func cycle(waitingFor: [Int], names: [String], dependencies: [[String]], position: [String: Int]) -> [Int] {
        guard var step = waitingFor.firstIndex(where: { $0 > 0 }) else { return [] }
        var seenAt: [Int: Int] = [:]
        var path: [Int] = []
        while seenAt[step] == nil {
            seenAt[step] = path.count
            path.append(step)
            guard let next = dependencies[step].lazy.compactMap({ position[$0] }).first(where: { waitingFor[$0] > 0 }) else { break }
            step = next
        }
        let ring = Array(path[(seenAt[step] ?? 0)...])
        // Start the ring at its earliest step, so the message is the same whichever step the search began at.
        guard let start = ring.indices.min(by: { ring[$0] < ring[$1] }) else { return ring }
        return Array(ring[start...] + ring[..<start])
    }
}
