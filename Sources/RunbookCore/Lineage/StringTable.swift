/// Distinct strings in first-seen order, for the cache's string table.
struct StringTable {
    private(set) var strings: [String] = []
    private var indices: [String: Int] = [:]

    mutating func add(_ string: String) {
        guard indices[string] == nil else { return }
        indices[string] = strings.count
        strings.append(string)
    }

    /// The index of a string added before.
    func index(_ string: String) -> Int {
        indices[string] ?? 0
    }
}
