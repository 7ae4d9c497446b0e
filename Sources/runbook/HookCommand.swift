import ArgumentParser

/// `runbook hook`: manage Git hooks.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install Git hooks that lint runbooks.",
        subcommands: [HookInstallCommand.self]
    )
}
