import GitKit

/// The commit facts of one read: those the cache brought, plus those read
/// from the repository as the walk reaches them.
struct FactStore {
    private(set) var facts: [CommitFacts]
    private var positions: [ObjectID: Int] = [:]
    /// Commits read from the object database during this read.
    private(set) var readCount = 0
    /// Whether facts were added or completed (diffs, origins) since loading.
    private(set) var grew = false

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
        grew = true
        return facts.count - 1
    }

    /// The commit's diff against `parentTree` (nil: the empty tree). Kept
    /// only when `remember` is set: a shallow boundary is diffed against
    /// nothing now but against its real parent once the clone is deepened.
    mutating func changes(at position: Int, parentTree: ObjectID?, remember: Bool, differ: TreeDiffer) throws -> [TreeChange] {
        if remember, let known = facts[position].changes { return known }
        let changes = try differ.changes(from: parentTree, to: facts[position].tree)
        if remember {
            facts[position].changes = changes
            grew = true
        }
        return changes
    }

    /// Where the path the commit adds came from, computed once per commit and path.
    mutating func origin(
        at position: Int, of path: String, remember: Bool, compute: () throws -> FollowSourceFinder.Source?
    ) rethrows -> FollowSourceFinder.Source? {
        if remember, let known = facts[position].follows[path] { return known }
        let origin = try compute()
        if remember {
            facts[position].follows[path] = .some(origin)
            grew = true
        }
        return origin
    }
}
