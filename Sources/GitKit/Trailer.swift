internal import CGit2

/// A `Key: value` line from the trailer block at the end of a commit message
/// (`Approved-by: Jane Doe <jane@example.com>`), as git reads them.
public struct Trailer: Sendable, Hashable {
    public let key: String
    public let value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// The message's trailers in order, parsed by libgit2's
    /// `git_message_trailers` (git's rules: the last paragraph, where
    /// trailer lines dominate).
    public static func parse(message: String) throws -> [Trailer] {
        var array = git_message_trailer_array()
        try GitError.check(git_message_trailers(&array, message), "git_message_trailers", "cannot read the trailers of a commit message")
        defer { git_message_trailer_array_free(&array) }
        guard let trailers = array.trailers else { return [] }
        return (0..<array.count).compactMap { index in
            let trailer = trailers[index]
            guard let key = trailer.key, let value = trailer.value else { return nil }
            return Trailer(key: String(cString: key), value: String(cString: value))
        }
    }
}
