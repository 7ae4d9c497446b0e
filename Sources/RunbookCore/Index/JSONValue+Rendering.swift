extension JSONValue {
    /// UTF-8 with a final newline, pretty-printed with two-space indents down to
    /// `prettyDepth` levels and compact below: an index keeps one runbook a line,
    /// which diffs well at a fraction of the size of indenting everything.
    public func rendered(prettyDepth: Int = .max) -> [UInt8] {
        var ranges: [Range<Int>] = []
        return rendered(prettyDepth: prettyDepth, renderedRanges: &ranges)
    }

    /// As `rendered(prettyDepth:)`, and where each `.rendered` value went, in order.
    func rendered(prettyDepth: Int, renderedRanges: inout [Range<Int>]) -> [UInt8] {
        var output: [UInt8] = []
        // Reserved whole: an index of 10,000 runbooks is tens of megabytes, made of
        // parts already rendered, and growing the buffer by doubling would hold
        // twice that at once.
        output.reserveCapacity(sizeEstimate)
        write(to: &output, indent: 0, prettyDepth: prettyDepth, renderedRanges: &renderedRanges)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    /// Appends the compact rendering (`prettyDepth: 0`), without the final newline.
    func appendCompact(to output: inout [UInt8]) {
        var ranges: [Range<Int>] = []
        write(to: &output, indent: 0, prettyDepth: 0, renderedRanges: &ranges)
    }

    /// Appends bytes directly: an index of 10,000 runbooks is tens of megabytes,
    /// and building it through intermediate strings costs seconds.
    private func write(to output: inout [UInt8], indent: Int, prettyDepth: Int, renderedRanges: inout [Range<Int>]) {
        let pretty = indent < prettyDepth
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): Self.append(value, to: &output)
        case .string(let value): JSONText.append(value, to: &output)
        case .rendered(let bytes):
            renderedRanges.append(output.count..<output.count + bytes.count)
            output.append(contentsOf: bytes)
        case .array(let values):
            guard !values.isEmpty else { return output.append(contentsOf: "[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&output, indent + 1) }
                value.write(to: &output, indent: indent + 1, prettyDepth: prettyDepth, renderedRanges: &renderedRanges)
            }
            if pretty { Self.newline(&output, indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return output.append(contentsOf: "{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&output, indent + 1) }
                JSONText.append(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, indent: indent + 1, prettyDepth: prettyDepth, renderedRanges: &renderedRanges)
            }
            if pretty { Self.newline(&output, indent) }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A little more than the compact rendering's size (indents aside): the parts
    /// already rendered exactly, plus a few bytes a value for the rest.
    private var sizeEstimate: Int {
        switch self {
        case .null, .bool, .int: 24
        case .string(let value): value.utf8.count + 8
        case .rendered(let bytes): bytes.count
        case .array(let values): values.reduce(16) { $0 + $1.sizeEstimate + 8 }
        case .object(let members): members.reduce(16) { $0 + $1.0.utf8.count + $1.1.sizeEstimate + 16 }
        }
    }

    /// The decimal digits, without the `String` that `description` would make:
    /// an index holds a hundred thousand numbers.
    private static func append(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        let start = output.count
        var magnitude = value.magnitude
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        output[start...].reverse()
    }

    private static func newline(_ output: inout [UInt8], _ depth: Int) {
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { output.append(UInt8(ascii: " ")) }
    }
}
