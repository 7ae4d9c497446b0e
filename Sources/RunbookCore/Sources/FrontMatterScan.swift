/// A quick look at raw bytes, to avoid parsing runbooks only their id is needed from.
enum FrontMatterScan {
    /// Whether the file opens with front matter containing a top-level `id:` key.
    /// May say yes wrongly (the caller then parses); never says no wrongly.
    static func declaresID(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: Array("---".utf8)) else { return false }
        let marker = Array("\nid:".utf8)
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "\n"), bytes[index..<(index + marker.count)].elementsEqual(marker) { return true }
            if bytes[index] == UInt8(ascii: "\n"), bytes[(index + 1)...].starts(with: Array("---".utf8)), index > 0 {
                return false
            }
            index += 1
        }
        return false
    }
}
