#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The variables git exports to hooks that change where objects and the
/// index are read from.
///
/// In a `pre-commit` hook git points `GIT_INDEX_FILE` at the index being
/// committed (for `git commit -a` or `git commit <paths>` a temporary one, not
/// `.git/index`). In a `pre-receive` hook the pushed objects sit in a
/// quarantine directory named by `GIT_OBJECT_DIRECTORY`, with the real object
/// store in `GIT_ALTERNATE_OBJECT_DIRECTORIES`. Without honouring them we would
/// lint the wrong index or fail to find the commits being pushed.
///
/// Kept as a value (rather than read inside `Repository`) so tests can pass
/// one explicitly instead of mutating the process environment, which
/// parallel tests share.
struct HookEnvironment: Sendable {
    /// Absolute path of the index file to use instead of the repository's.
    var indexFile: String?
    /// Absolute paths of extra object directories, `GIT_OBJECT_DIRECTORY`
    /// first, then each `GIT_ALTERNATE_OBJECT_DIRECTORIES` entry in order.
    var objectDirectories: [String]

    /// Paths are made absolute against `currentDirectory`, as git resolves
    /// them against the hook's working directory. Empty values are ignored,
    /// as git ignores them.
    init(variables: [String: String], currentDirectory: String) {
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : currentDirectory + "/" + path
        }
        if let index = variables["GIT_INDEX_FILE"], !index.isEmpty {
            indexFile = absolute(index)
        } else {
            indexFile = nil
        }
        var directories: [String] = []
        if let objects = variables["GIT_OBJECT_DIRECTORY"], !objects.isEmpty {
            directories.append(absolute(objects))
        }
        // git also accepts C-quoted entries here, but only writes plain ones
        // for quarantine; plain colon-separated paths are what we support.
        if let alternates = variables["GIT_ALTERNATE_OBJECT_DIRECTORIES"] {
            for entry in alternates.split(separator: ":", omittingEmptySubsequences: true) {
                directories.append(absolute(String(entry)))
            }
        }
        objectDirectories = directories
    }

    /// The environment of this process.
    static func current() -> HookEnvironment {
        var variables: [String: String] = [:]
        for name in ["GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES"] {
            if let value = getenv(name) {
                variables[name] = String(cString: value)
            }
        }
        return HookEnvironment(variables: variables, currentDirectory: currentWorkingDirectory())
    }

    /// Only needed for relative paths; if the directory cannot be read (it was
    /// deleted) "." keeps such paths relative, which the OS resolves the same way.
    private static func currentWorkingDirectory() -> String {
        guard let buffer = getcwd(nil, 0) else { return "." }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}
