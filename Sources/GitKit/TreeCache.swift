internal import CGit2

/// Parsed trees by id, so consecutive commits, which share most of their
/// trees, read and parse each tree once.
struct TreeCache {
    private var trees: GenerationalCache<ObjectID, ParsedTree>

    init(capacity: Int) {
        trees = GenerationalCache(budget: capacity) { _ in 1 }
    }

    mutating func tree(_ id: ObjectID, in repository: Repository) throws -> ParsedTree {
        if let tree = trees.value(for: id) { return tree }
        let tree = try repository.withObjectData(id, expecting: GIT_OBJECT_TREE) { try ParsedTree(id: id, raw: $0) }
        trees.insert(tree, for: id)
        return tree
    }
}
