/// A file made of one part per runbook (`index.json`, the search data), as
/// pieces: bytes rendered by this build, and runs of bytes to copy from the
/// previous site's file (`FileParts`). After a commit that changes one runbook
/// that is a few pieces, and the output copies the rest file to file.
public struct PartedFile: Sendable {
    public enum Piece: Sendable, Equatable {
        case rendered(ArraySlice<UInt8>)
        /// Bytes of the previous site's file.
        case previous(Range<Int>)

        var count: Int {
            switch self {
            case .rendered(let bytes): bytes.count
            case .previous(let range): range.count
            }
        }
    }

    public private(set) var pieces: [Piece] = []
    /// Where the part rendered from each key lies in this file.
    public private(set) var parts: [PageKey: Range<Int>] = [:]
    /// The file's size.
    public private(set) var count = 0

    /// - Parameters:
    ///   - bytes: the file as rendered, where a part to copy is left empty.
    ///   - ranges: where each part lies in `bytes`, in order.
    ///   - keys: each part's key, in order; nil for one that has none.
    ///   - copied: where a part lies in the previous file, for each part left empty.
    ///   - previous: the previous file's parts, to tell which copied parts are copied as one run.
    init(bytes: [UInt8], ranges: [Range<Int>], keys: [PageKey?], copied: [Int: Range<Int>], previous: FileParts?) {
        var cursor = 0
        for (index, range) in ranges.enumerated() {
            if let old = copied[index], range.isEmpty, let previous {
                append(bytes[cursor..<range.lowerBound], then: old, previous: previous)
                cursor = range.upperBound
                if let key = keys[index] { parts[key] = count - old.count..<count }
            } else if let key = keys[index] {
                // Two runbooks with one key would be one part twice: recorded once, either serves.
                let start = count + (range.lowerBound - cursor)
                parts[key] = start..<start + range.count
            }
        }
        appendRendered(bytes[cursor...])
    }

    /// A file rendered whole.
    init(bytes: [UInt8], ranges: [Range<Int>], keys: [PageKey?]) {
        self.init(bytes: bytes, ranges: ranges, keys: keys, copied: [:], previous: nil)
    }

    /// The file's bytes when nothing is copied (one piece, not a copy of it);
    /// nil when something is.
    public var renderedBytes: ArraySlice<UInt8>? {
        guard let piece = pieces.first else { return [] }
        guard pieces.count == 1, case .rendered(let bytes) = piece else { return nil }
        return bytes
    }

    /// Appends rendered bytes, then a part copied from `old`: joined to the
    /// part copied just before when the previous file has these same bytes
    /// between the two.
    private mutating func append(_ between: ArraySlice<UInt8>, then old: Range<Int>, previous: FileParts) {
        count += between.count + old.count
        if case .previous(let run) = pieces.last, previous.joins(run, with: between, to: old) {
            pieces[pieces.count - 1] = .previous(run.lowerBound..<old.upperBound)
            return
        }
        if !between.isEmpty { pieces.append(.rendered(between)) }
        pieces.append(.previous(old))
    }

    private mutating func appendRendered(_ bytes: ArraySlice<UInt8>) {
        count += bytes.count
        if !bytes.isEmpty { pieces.append(.rendered(bytes)) }
    }
}
