/// A quick look at raw bytes, to avoid parsing runbooks only their id is needed from.
enum FrontMatterScan {
    /// Whether the file opens with front matter in which a line starts with `id:`,
    /// the way an id is written. A yes may be wrong (the caller then parses and
    /// finds out); a quoted key such as `"id":` is the one form it misses.
    static func declaresID(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: "---".utf8) else { return false }
        var lineStart = 0
        while let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            lineStart = newline + 1
            let line = bytes[lineStart...]
            if line.starts(with: "id:".utf8) { return true }
            if line.starts(with: "---".utf8) || line.starts(with: "...".utf8) { return false }
        }
        return false
    }
}
