/// A file of the previous site made of one part per runbook (`index.json`,
/// the search data): its bytes, and where the part rendered from each key
/// lies. A build copies the parts whose key it would render again.
public struct FileParts: Sendable {
    let bytes: [UInt8]
    let ranges: [PageKey: Range<Int>]

    /// The part rendered from `key`, if the file has one.
    func part(_ key: PageKey?) -> ArraySlice<UInt8>? {
        guard let key, let range = ranges[key], range.upperBound <= bytes.count else { return nil }
        return bytes[range]
    }
}
