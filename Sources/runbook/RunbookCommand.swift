import ArgumentParser
import RunbookCore

/// `runbook`: the root command, which only lists the subcommands.
struct RunbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook",
        abstract: "Runbooks as code: lint, build and run incident runbooks kept as Markdown in Git.",
        version: RunbookVersion.current,
        subcommands: [
            LintCommand.self, BuildCommand.self, NewCommand.self, DraftCommand.self, HookCommand.self, RunCommand.self,
            ResumeCommand.self, RunsCommand.self, GraphCommand.self, MatchCommand.self,
        ]
    )
}
