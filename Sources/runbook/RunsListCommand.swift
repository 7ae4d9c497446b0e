import ArgumentParser
import Executor
import Foundation
import RunbookCore

/// `runbook runs [list]`: the runs in the run log, newest first.
struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the recorded runs, newest first.",
        discussion: """
            Shows each run's id (what `runbook runs show` and `runbook resume` take), start time (UTC), runbook, \
            outcome, steps completed of the plan's total, and who ran it where. --json prints an array of \
            {id, runbook, title, outcome, start, end, stepCount, completedSteps, resumeCount, user, host}, \
            newest first. A log that does not exist yet is not created: there are no runs to list.
            """
    )

    @Flag(help: "Print the runs as a JSON array.")
    var json = false

    @Option(help: ArgumentHelp("How many of the newest runs to list.", valueName: "n"))
    var limit = 20

    @OptionGroup var logOptions: RunLogOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let path = logOptions.path
        let runs: [RunSummary]
        let total: Int
        if FileManager.default.fileExists(atPath: path) {
            do {
                let log = try RunLog(path: path)
                runs = try log.runs(limit: limit)
                total = try log.runCount()
            } catch {
                throw Terminal.fail("\(error)")
            }
        } else {
            (runs, total) = ([], 0)
        }
        if json {
            Terminal.print(String(decoding: JSONValue.array(runs.map(\.json)).rendered(), as: UTF8.self))
        } else if runs.isEmpty {
            Terminal.print("no runs recorded yet in \(path)\n")
        } else {
            Terminal.print(RunTable.render(runs))
            if total > runs.count {
                Terminal.printError("runbook: showing the newest \(runs.count) of \(CountPhrase.of(total, "run")); --limit \(total) lists them all")
            }
        }
    }
}
