import GitKit

/// The commit facts a walk has: those the cache brought, plus those read
/// from the repository as the walk reaches them.
struct FactStore {
    private var facts: [CommitFacts]
    private var positions: [ObjectID: Int] = [:]
    /// Commits read from the object database.
    private(set) var readCount = 0

    init(facts: [CommitFacts]) {
        self.facts = facts
        positions.reserveCapacity(facts.count)
        for (position, fact) in facts.enumerated() { positions[fact.id] = position }
    }

    subscript(position: Int) -> CommitFacts { facts[position] }

    /// Where the commit's facts are, reading the commit if they are not known.
    mutating func position(of id: ObjectID, in repository: Repository) throws -> Int {
        if let known = positions[id] { return known }
        let fact = try CommitFacts(repository.commitInfo(id))
        positions[id] = facts.count
        facts.append(fact)
        readCount += 1
        return facts.count - 1
    }

    /// The commit's diff against `parentTree` (nil: the empty tree), kept
    /// when `remember` is set.
    mutating func changes(at position: Int, parentTree: ObjectID?, remember: Bool, differ: TreeDiffer) throws -> [TreeChange] {
        if remember, let known = facts[position].changes { return known }
        let changes = try differ.changes(from: parentTree, to: facts[position].tree)
        if remember { facts[position].changes = changes }
        return changes
    }
}
