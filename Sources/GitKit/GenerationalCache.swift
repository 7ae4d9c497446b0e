/// Values by key, bounded by their total cost, in two generations instead of
/// a true LRU list: lookups hit the current generation or promote from the
/// previous one; when the current one fills its half of the budget, it
/// becomes the previous and the oldest is dropped. Recently used values
/// survive, and there is no per-access bookkeeping.
struct GenerationalCache<Key: Hashable, Value> {
    private let generationBudget: Int
    private let cost: (Value) -> Int
    private var current: [Key: Value] = [:]
    private var previous: [Key: Value] = [:]
    private var currentCost = 0

    init(budget: Int, cost: @escaping (Value) -> Int) {
        generationBudget = max(1, budget / 2)
        self.cost = cost
    }

    mutating func value(for key: Key) -> Value? {
        if let value = current[key] { return value }
        guard let value = previous[key] else { return nil }
        insert(value, for: key)
        return value
    }

    mutating func insert(_ value: Value, for key: Key) {
        let cost = cost(value)
        // A value costing more than a quarter of a generation would only push out everything else.
        guard cost <= max(1, generationBudget / 4) else { return }
        if currentCost + cost > generationBudget {
            previous = current
            current = [:]
            currentCost = 0
        }
        current[key] = value
        currentCost += cost
    }
}
