internal import CGit2

/// A failed libgit2 call.
///
/// It keeps libgit2's own code and message, because they are what a user
/// searching for the problem (or reading libgit2's source) needs, and the
/// function name, so a report says which step failed. `description` puts what
/// we were trying to do in front, e.g.
/// `cannot resolve revision 'nope': revspec 'nope' not found (git_revparse_single)`.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// libgit2's return code (a `git_error_code`, e.g. -3 for "not found").
    public let code: Int32
    /// The libgit2 function that failed, e.g. `git_revparse_single`.
    public let function: String
    /// libgit2's own message for the failure (may be empty if it gave none).
    public let message: String
    /// What GitKit was doing, e.g. "cannot resolve revision 'nope'".
    let context: String?

    public var description: String {
        var text = context ?? ""
        if !message.isEmpty {
            text += text.isEmpty ? message : ": \(message)"
        } else if text.isEmpty {
            text = "libgit2 error \(code)"
        }
        return "\(text) (\(function))"
    }

    /// Builds an error for a libgit2 call that returned `code`, taking the
    /// message from `git_error_last()`, which must be read straight away:
    /// the next libgit2 call on this thread may replace it.
    init(code: Int32, function: String, context: String? = nil) {
        self.code = code
        self.function = function
        self.context = context
        if let last = git_error_last(), let text = last.pointee.message {
            self.message = String(cString: text)
        } else {
            self.message = ""
        }
    }

    /// For failures GitKit detects itself after libgit2 succeeded (e.g. an
    /// object of the wrong type), where there is no libgit2 message to read.
    init(code: Int32, function: String, message: String, context: String? = nil) {
        self.code = code
        self.function = function
        self.message = message
        self.context = context
    }

    /// Throws if a libgit2 return code is negative (libgit2's failure
    /// convention); returns non-negative codes, some of which carry meaning.
    @discardableResult
    static func check(
        _ code: Int32, _ function: String, _ context: @autoclosure () -> String? = nil
    ) throws(GitError) -> Int32 {
        guard code >= 0 else {
            throw GitError(code: code, function: function, context: context())
        }
        return code
    }
}
