import ArgumentParser
import Foundation
import GitKit
import RunbookCore

/// `runbook hook install --pre-commit | --pre-receive`.
struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a pre-commit hook (lints staged runbooks) or a pre-receive hook (rejects pushes with lint errors)."
    )

    @Flag(name: .customLong("pre-commit"), help: "Install the pre-commit hook: lint the staged runbooks before each commit.")
    var preCommit = false

    @Flag(name: .customLong("pre-receive"), help: "Install the pre-receive hook (server side): reject pushes whose runbooks have lint errors.")
    var preReceive = false

    @Flag(help: "Replace an existing hook of the same name.")
    var force = false

    @OptionGroup var repositoryOptions: RepositoryOptions

    func validate() throws {
        guard preCommit != preReceive else { throw ValidationError("give exactly one of --pre-commit and --pre-receive") }
    }

    private var kind: HookKind { preCommit ? .preCommit : .preReceive }

    func run() throws {
        let installed: HookInstaller.Outcome
        do {
            let repository = try Repository.discover(
                startingAt: repositoryOptions.repository ?? FileManager.default.currentDirectoryPath)
            if kind == .preCommit && repository.isBare {
                throw SourceError("'\(repository.gitDirectory)' is a bare repository, where nobody commits; install --pre-receive there")
            }
            let installer = HookInstaller(hooksDirectory: repository.hooksDirectory, executable: Self.executablePath())
            installed = try installer.install(kind, force: force)
        } catch {
            throw Terminal.fail("\(error)")
        }
        switch installed {
        case .installed(let path): Terminal.print("installed \(kind.rawValue) hook: \(path)\n")
        case .replaced(let path): Terminal.print("replaced \(kind.rawValue) hook: \(path)\n")
        case .alreadyInstalled(let path): Terminal.print("\(kind.rawValue) hook already installed: \(path)\n")
        }
    }

    /// This binary's absolute path, so the hook runs the same build even when it is not on the PATH.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
