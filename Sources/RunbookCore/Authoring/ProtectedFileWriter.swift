import Foundation

/// Writes runbooks and drafts without ever losing what a person wrote: a new file is
/// created only if nothing is there, and a replacement happens only as allowed. Every
/// write is atomic — a temporary file beside the target, then linked or renamed into
/// place — so a crash leaves the old file or the new one, never half of either.
/// Symbolic links and folders in the way are refused, never followed or removed.
public enum ProtectedFileWriter {
    /// What may be replaced.
    public enum Overwrite: Sendable {
        /// Nothing: `runbook new`, and `runbook draft` without `--force`.
        case never
        /// A draft exactly as `runbook draft` wrote it (`--force`).
        case untouchedDrafts
        /// Anything that is a regular file (`--force-human`).
        case anyFile
    }

    public enum Outcome: Sendable, Equatable {
        case created
        case replaced
        /// The file already holds exactly this text.
        case unchanged
    }

    /// Why a file cannot be written; nil when it can. Checked for every file before
    /// any is written, so a refusal leaves every file as it was.
    public static func refusal(for path: String, text: String, overwrite: Overwrite) -> AuthoringError? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return AuthoringError("'\(path)' exists and is not a regular file (a folder or a symbolic link); it is left alone")
        }
        guard let existing = FileManager.default.contents(atPath: path) else {
            return AuthoringError("'\(path)' exists but cannot be read; it is left alone")
        }
        if existing == Data(text.utf8) { return nil }
        switch overwrite {
        case .never:
            return AuthoringError("'\(path)' already exists; it is left alone")
        case .untouchedDrafts:
            guard DraftFingerprint.isUntouchedDraft([UInt8](existing)) else {
                return AuthoringError("'\(path)' was edited since it was drafted (its \(DraftFingerprint.key) no longer matches, "
                    + "or it has none); it is left alone (--force-human replaces it and loses those edits)")
            }
            return nil
        case .anyFile:
            return nil
        }
    }

    /// Writes `text` to `path`, making its folder, after checking `refusal(for:)` again.
    public static func write(_ text: String, to path: String, overwrite: Overwrite) throws(AuthoringError) -> Outcome {
        if let refusal = refusal(for: path, text: text, overwrite: overwrite) { throw refusal }
        let manager = FileManager.default
        let exists = manager.fileExists(atPath: path)
        if exists, manager.contents(atPath: path) == Data(text.utf8) { return .unchanged }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).runbook-\(getpid()).tmp"
        do {
            if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw AuthoringError("cannot write '\(path)': \(error.localizedDescription)")
        }
        defer { try? manager.removeItem(atPath: temporary) }
        if exists {
            guard rename(temporary, path) == 0 else {
                throw AuthoringError("cannot replace '\(path)': \(String(cString: strerror(errno)))")
            }
            return .replaced
        }
        // link(2) fails if anything appeared at `path` meanwhile: a new file never replaces one.
        guard link(temporary, path) == 0 else {
            let reason = errno == EEXIST ? "it appeared while writing; it is left alone" : String(cString: strerror(errno))
            throw AuthoringError("cannot create '\(path)': \(reason)")
        }
        return .created
    }
}
