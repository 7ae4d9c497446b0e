import ArgumentParser

/// Options every command that reads a repository shares.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .customLong("repo"), help: ArgumentHelp("The Git repository (default: found from the current directory).", valueName: "dir"))
    var repository: String?
}
