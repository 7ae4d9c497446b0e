internal import CGit2

/// Canonical author names and emails from `.mailmap`, applied as `git log`'s
/// `%aN`/`%aE` apply them.
///
/// Read from the built revision's `.mailmap` (not the working tree's, so a
/// build of a commit does not depend on uncommitted files), then from the
/// `mailmap.blob` and `mailmap.file` settings, later entries overriding
/// earlier ones as in git. For a clean checkout of HEAD, or a bare repository
/// (where git reads `HEAD:.mailmap`), this is what `git log` uses.
public final class Mailmap {
    private let handle: OpaquePointer

    /// `commit` nil (no commit yet) reads only the configured sources.
    public init(repository: Repository, commit: ObjectID?) throws {
        var text: [UInt8] = []
        if let commit, let committed = try Self.committedMailmap(in: repository, commit: commit) {
            text += committed + [UInt8(ascii: "\n")]
        }
        text += try Self.configuredMailmaps(in: repository)
        var mailmap: OpaquePointer?
        let code = text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { git_mailmap_from_buffer(&mailmap, $0.baseAddress, $0.count) }
        }
        try GitError.check(code, "git_mailmap_from_buffer", "cannot read .mailmap")
        guard let mailmap else {
            throw GitError(code: -1, function: "git_mailmap_from_buffer", message: "returned no mailmap")
        }
        handle = mailmap
    }

    deinit {
        git_mailmap_free(handle)
    }

    /// The signature with its canonical name and email; unchanged when no
    /// entry matches (or names contain NUL, which C strings cannot carry).
    public func resolve(_ signature: Signature) -> Signature {
        guard !signature.name.utf8.contains(0), !signature.email.utf8.contains(0) else { return signature }
        return signature.name.withCString { name in
            signature.email.withCString { email in
                var realName: UnsafePointer<CChar>?
                var realEmail: UnsafePointer<CChar>?
                guard git_mailmap_resolve(&realName, &realEmail, handle, name, email) >= 0,
                      let realName, let realEmail
                else {
                    git_error_clear()
                    return signature
                }
                var resolved = signature
                resolved.name = String(cString: realName)
                resolved.email = String(cString: realEmail)
                return resolved
            }
        }
    }

    /// The `.mailmap` blob at the root of the commit's tree; a symlink is
    /// ignored, as git ignores a symlinked `.mailmap`.
    private static func committedMailmap(in repository: Repository, commit: ObjectID) throws -> [UInt8]? {
        let root = try repository.tree(of: commit)
        defer { git_tree_free(root) }
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, root, ".mailmap")
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try GitError.check(code, "git_tree_entry_bypath", "cannot look up .mailmap in commit \(commit)")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB || git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE,
              let id = git_tree_entry_id(entry)
        else { return nil }
        return try repository.blob(ObjectID(id))
    }

    /// `mailmap.blob` (a revision such as `main:.mailmap`) and `mailmap.file`,
    /// in git's order; a missing blob or file is skipped, as git skips it.
    private static func configuredMailmaps(in repository: Repository) throws -> [UInt8] {
        var config: OpaquePointer?
        try GitError.check(git_repository_config_snapshot(&config, repository.handle), "git_repository_config_snapshot", "cannot read the configuration")
        defer { git_config_free(config) }
        var text: [UInt8] = []
        if let revision = setting("mailmap.blob", in: config, asPath: false),
           let blob = try? repository.resolveBlob(revision) {
            text += try repository.blob(blob) + [UInt8(ascii: "\n")]
        }
        if let path = setting("mailmap.file", in: config, asPath: true), let content = try FileContents.contents(of: path) {
            text += content + [UInt8(ascii: "\n")]
        }
        return text
    }

    private static func setting(_ name: String, in config: OpaquePointer?, asPath: Bool) -> String? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = asPath ? git_config_get_path(&buffer, config, name) : git_config_get_string_buf(&buffer, config, name)
        guard code >= 0, let value = buffer.ptr else {
            git_error_clear()  // usually GIT_ENOTFOUND: not configured
            return nil
        }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
