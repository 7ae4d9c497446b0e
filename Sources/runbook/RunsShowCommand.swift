import ArgumentParser
import Executor
import Foundation

/// `runbook runs show RUN`: one run with every attempt.
struct RunsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one run with every step attempt: decision, exit status, timing, note and output.",
        discussion: """
            --json prints one object: the run's facts (as `runs --json`, plus path, commit, blob, source, \
            variables and resumptions) and its attempts in the order recorded. Exit status 2 when the log has \
            no such run.
            """
    )

    @Argument(help: ArgumentHelp("The run's id, as `runbook runs` lists it.", valueName: "run"))
    var runID: Int64

    @Flag(help: "Print the run as JSON.")
    var json = false

    @OptionGroup var logOptions: RunLogOptions

    func run() throws {
        let path = logOptions.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw Terminal.fail("no run \(runID): no runs recorded yet in \(path)")
        }
        let detail: RunDetail?
        do {
            detail = try RunLog(path: path).run(id: runID)
        } catch {
            throw Terminal.fail("\(error)")
        }
        guard let detail else {
            throw Terminal.fail("no run \(runID) in \(path); `runbook runs` lists the recorded runs")
        }
        Terminal.print(json ? String(decoding: detail.json.rendered(), as: UTF8.self) : detail.text)
    }
}
