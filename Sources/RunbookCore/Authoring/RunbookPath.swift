/// Repository-relative paths that commands writing runbooks build from user input.
public enum RunbookPath {
    /// A relative path that stays where it is put: not absolute, no `..`, not empty.
    public static func isPlainRelative(_ path: String) -> Bool {
        let parts = path.split(separator: "/").filter { $0 != "." }
        return !path.hasPrefix("/") && !parts.contains("..") && !parts.isEmpty
    }

    /// The parts joined with single slashes, empty parts and `.` left out.
    public static func join(_ parts: [String]) -> String {
        parts.flatMap { $0.split(separator: "/") }.filter { $0 != "." }.joined(separator: "/")
    }
}
