/// A file of the previous site made of one part per runbook (`index.json`,
/// the search data): its bytes, and where the part rendered from each key
/// lies. A build copies the parts whose key it would render again.
public struct FileParts: Sendable {
    let bytes: [UInt8]
    let ranges: [PageKey: Range<Int>]

    /// The part rendered from `key`, if the file has one that opens and
    /// closes as every part of the file does (`{`…`}` in `index.json`).
    func part(_ key: PageKey?, opening: Character, closing: Character) -> ArraySlice<UInt8>? {
        guard let key, let range = ranges[key], range.count >= 2, range.upperBound <= bytes.count,
              bytes[range.lowerBound] == opening.asciiValue, bytes[range.upperBound - 1] == closing.asciiValue
        else { return nil }
        return bytes[range]
    }
}
