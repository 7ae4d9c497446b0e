/// Distinct strings in first-seen order, for the cache's string table.
struct StringTable {
    private(set) var strings: [String] = []
    private var indices: [String: Int] = [:]

    /// The string's index, adding it when new.
    mutating func index(_ string: String) -> Int {
        if let known = indices[string] { return known }
        indices[string] = strings.count
        strings.append(string)
        return strings.count - 1
    }
}
