/// The parts of a file of the previous site made of one part per runbook
/// (`index.json`, the search data) that a build may copy instead of rendering:
/// where the part rendered from each key lies, for each part that opens and
/// closes as every part of the file does (`{`…`}` in `index.json`). The
/// bytes stay in the file: an output copies them from there (`PartedFile`),
/// so a 50 MB `index.json` is neither read into memory nor built there.
public struct FileParts: Sendable {
    /// The parts that look like parts, by key.
    let ranges: [PageKey: Range<Int>]
    /// The few bytes between one part and the next, by where the first ends:
    /// a run of parts copied whole keeps the separators it has.
    private let gaps: [Int: [UInt8]]

    /// The longest gap between two parts that is recorded (`,\n    ` in `index.json`).
    static let longestGap = 32

    init(ranges: [PageKey: Range<Int>], gaps: [Int: [UInt8]]) {
        self.ranges = ranges
        self.gaps = gaps
    }

    /// Whether the file has `gap` between the part at `earlier` and the part at
    /// `later`: then the run from one to the other is copied as it is.
    func joins(_ earlier: Range<Int>, with gap: ArraySlice<UInt8>, to later: Range<Int>) -> Bool {
        later.lowerBound - earlier.upperBound == gap.count && gaps[earlier.upperBound]?.elementsEqual(gap) == true
    }

    /// The recorded parts of the file whose bytes `chunks` hands over in order:
    /// those in the file that open with `opening` and close with `closing`,
    /// and the gaps between them.
    ///
    /// - Parameters:
    ///   - size: the file's size.
    ///   - chunks: calls its argument with each chunk of the file in order,
    ///     and where it starts.
    static func checking(
        _ recorded: [PageKey: Range<Int>], size: Int, opening: UInt8, closing: UInt8,
        chunks: ((UnsafeRawBufferPointer, Int) -> Void) -> Void
    ) -> FileParts {
        // In file order; a part that starts inside the one before is no part.
        var parts: [(key: PageKey, value: Range<Int>)] = []
        for part in recorded.sorted(by: { $0.value.lowerBound < $1.value.lowerBound })
        where part.value.count >= 2 && part.value.upperBound <= size && part.value.lowerBound >= (parts.last?.value.upperBound ?? 0) {
            parts.append(part)
        }
        var looksRight = [Bool](repeating: true, count: parts.count)
        // The gap after each part, when it is short enough to record.
        var gapBytes = [[UInt8]?](repeating: nil, count: parts.count)
        for index in parts.indices.dropLast() where parts[index + 1].value.lowerBound - parts[index].value.upperBound <= longestGap {
            gapBytes[index] = []
        }
        // The first part not yet seen to its end (and through its gap).
        var next = 0
        chunks { chunk, start in
            let end = start + chunk.count
            while next < parts.count {
                let range = parts[next].value
                if range.lowerBound >= start, range.lowerBound < end, chunk[range.lowerBound - start] != opening {
                    looksRight[next] = false
                }
                let last = range.upperBound - 1
                guard last < end else { return }
                if last >= start, chunk[last - start] != closing { looksRight[next] = false }
                if gapBytes[next] != nil {
                    let gapEnd = parts[next + 1].value.lowerBound
                    let from = max(range.upperBound, start), to = min(gapEnd, end)
                    if from < to { gapBytes[next]! += chunk[(from - start)..<(to - start)] }
                    guard gapEnd <= end else { return }
                }
                next += 1
            }
        }
        // Parts the chunks did not reach (a file cut short) are left out.
        var ranges: [PageKey: Range<Int>] = [:]
        var gaps: [Int: [UInt8]] = [:]
        for index in 0..<next where looksRight[index] {
            ranges[parts[index].key] = parts[index].value
            if let gap = gapBytes[index] { gaps[parts[index].value.upperBound] = gap }
        }
        return FileParts(ranges: ranges, gaps: gaps)
    }
}
