import GitKit

/// The approvers a commit message names in `Approved-by:` and `Reviewed-by:`
/// trailers.
enum ApproverTrailers {
    /// Names in message order, `<email>` removed (a bare `<email>` gives the
    /// address). Messages without either key skip the trailer parser: almost
    /// every commit has none.
    static func names(in message: String) throws -> [String] {
        guard mentionsApprover(message) else { return [] }
        return try Trailer.parse(message: message).compactMap { trailer in
            let key = trailer.key.lowercased()
            guard key == "approved-by" || key == "reviewed-by" else { return nil }
            return name(from: trailer.value)
        }
    }

    /// A case-insensitive search for "-by:" preceded by "approved" or
    /// "reviewed", without lowercasing a copy of every message.
    private static func mentionsApprover(_ message: String) -> Bool {
        let bytes = Array(message.utf8)
        var index = bytes.startIndex
        while let dash = bytes[index...].firstIndex(of: UInt8(ascii: "-")) {
            index = dash + 1
            guard dash >= 8, matches(bytes, at: dash, "-by:") else { continue }
            if matches(bytes, at: dash - 8, "approved") || matches(bytes, at: dash - 8, "reviewed") { return true }
        }
        return false
    }

    private static func matches(_ bytes: [UInt8], at start: Int, _ lowercase: StaticString) -> Bool {
        let count = lowercase.utf8CodeUnitCount
        guard start >= 0, start + count <= bytes.count else { return false }
        for offset in 0..<count {
            // ASCII letters only: OR-ing 0x20 lowercases them and leaves "-" and ":" as they are.
            if bytes[start + offset] | 0x20 != lowercase.utf8Start[offset] | 0x20 { return false }
        }
        return true
    }

    private static func name(from value: String) -> String? {
        let trimmed = value.trimmingSpaces
        guard let open = trimmed.firstIndex(of: "<") else { return trimmed.isEmpty ? nil : trimmed }
        let name = trimmed[..<open].trimmingSpaces
        if !name.isEmpty { return name }
        let email = trimmed[trimmed.index(after: open)...].prefix { $0 != ">" }.trimmingSpaces
        return email.isEmpty ? nil : email
    }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
