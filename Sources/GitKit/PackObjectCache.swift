/// Objects already inflated and resolved, by where they sit in their pack,
/// bounded in bytes.
///
/// A history walk reads each version of a tree or file once, newest first,
/// and git deltifies older versions against newer ones: the object just read
/// is usually the base of the next. libgit2 1.5 caches the bases it passes
/// through but not the object it returns, so each step re-inflates part of the
/// chain; this cache keeps both.
///
/// Two generations, as in `TreeCache`: hits in the previous one are promoted,
/// and when the current one fills its budget it replaces the previous.
struct PackObjectCache {
    struct Object {
        let type: Int32
        let bytes: [UInt8]
    }

    private let generationBudget: Int
    private var current: [Int: Object] = [:]
    private var previous: [Int: Object] = [:]
    private var currentBytes = 0

    init(budget: Int) {
        generationBudget = max(1, budget / 2)
    }

    mutating func object(at key: Int) -> Object? {
        if let object = current[key] { return object }
        guard let object = previous[key] else { return nil }
        insert(object, at: key)
        return object
    }

    mutating func insert(_ object: Object, at key: Int) {
        // An object larger than a generation would only push out everything else.
        guard object.bytes.count <= generationBudget / 4 else { return }
        if currentBytes + object.bytes.count > generationBudget {
            previous = current
            current = [:]
            currentBytes = 0
        }
        current[key] = object
        currentBytes += object.bytes.count
    }
}
