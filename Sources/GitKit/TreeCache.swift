internal import CGit2

/// Parsed trees by id, so consecutive commits, which share most of their
/// trees, read and parse each tree once.
///
/// Two generations instead of a true LRU list: lookups hit the current
/// generation or promote from the previous one; when the current one fills,
/// it becomes the previous and the oldest is dropped. Recently used trees
/// survive, and there is no per-access bookkeeping.
struct TreeCache {
    private let generationSize: Int
    private var current: [ObjectID: ParsedTree] = [:]
    private var previous: [ObjectID: ParsedTree] = [:]

    init(capacity: Int) {
        generationSize = max(1, capacity / 2)
    }

    mutating func tree(_ id: ObjectID, in repository: Repository) throws -> ParsedTree {
        if let tree = current[id] { return tree }
        let tree = try previous[id] ?? repository.withObjectData(id, expecting: GIT_OBJECT_TREE) { try ParsedTree(id: id, raw: $0) }
        if current.count >= generationSize {
            previous = current
            current = [:]
            current.reserveCapacity(generationSize)
        }
        current[id] = tree
        return tree
    }
}
