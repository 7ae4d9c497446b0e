import Foundation

/// Writes a hook script into a repository's hooks folder, never replacing
/// someone else's hook unless told to.
public struct HookInstaller: Sendable {
    public let hooksDirectory: String
    public let executable: String

    public init(hooksDirectory: String, executable: String) {
        self.hooksDirectory = hooksDirectory
        self.executable = executable
    }

    public enum Outcome: Sendable, Equatable {
        case installed(path: String)
        case replaced(path: String)
        case alreadyInstalled(path: String)
    }

    public func install(_ kind: HookKind, force: Bool) throws(SourceError) -> Outcome {
        let path = hooksDirectory + "/" + kind.rawValue
        let script = kind.script(executable: executable)
        let manager = FileManager.default
        let exists = (try? manager.attributesOfItem(atPath: path)) != nil
        if exists {
            if manager.contents(atPath: path) == Data(script.utf8) { return .alreadyInstalled(path: path) }
            guard force else {
                throw SourceError("a \(kind.rawValue) hook already exists at '\(path)'; merge it by hand, or replace it with --force")
            }
        }
        do {
            try manager.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
            // Written beside the hook and renamed over it, so git never runs a half-written script.
            let temporary = path + ".runbook-\(ProcessInfo.processInfo.processIdentifier).tmp"
            guard manager.createFile(atPath: temporary, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755]) else {
                throw SourceError("cannot write '\(temporary)'")
            }
            if rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: temporary)
                throw SourceError("cannot install '\(path)': \(reason)")
            }
        } catch let error as SourceError {
            throw error
        } catch {
            throw SourceError("cannot install the \(kind.rawValue) hook in '\(hooksDirectory)': \(error.localizedDescription)")
        }
        return exists ? .replaced(path: path) : .installed(path: path)
    }
}
