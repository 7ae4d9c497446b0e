import ArgumentParser

/// `runbook runs`: the run log. Without a subcommand it lists the runs.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List recorded runs (the default), or show one with every step attempt.",
        subcommands: [RunsListCommand.self, RunsShowCommand.self],
        defaultSubcommand: RunsListCommand.self
    )
}
