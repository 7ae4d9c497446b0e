import ArgumentParser
import Executor
import Foundation
import RunbookCore

/// `runbook resume`: continues a run that did not finish (aborted, failed,
/// interrupted, or whose runner was killed) from its first step not completed.
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a run from its first step not completed, under the same run id.",
        discussion: """
            Reads the runbook from where the run read it (the same index, or the repository at the same revision \
            name) unless --index or --rev say otherwise, and refuses if its content changed since the run began, \
            unless --force. Steps that succeeded, were done or were skipped are not run again; the variables keep \
            their values. Exit status as for run.
            """
    )

    @Argument(help: ArgumentHelp("The run's id, as `runbook runs` lists it.", valueName: "run"))
    var run: Int64

    @Flag(help: "Resume even though the runbook changed since the run began.")
    var force = false

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var runOptions: RunOptions

    func run() async throws {
        let driver = RunDriver(options: runOptions)
        let log = try driver.openLog()
        let detail: RunDetail
        do {
            guard let found = try log.run(id: run) else {
                throw Terminal.fail("there is no run \(run) in \(runOptions.logPath); `runbook runs` lists the runs")
            }
            detail = found
        } catch let error as ExitCode {
            throw error
        } catch {
            throw Terminal.fail("\(error)")
        }
        let record = detail.run
        if record.outcome == .succeeded {
            Terminal.print("run \(run) already succeeded; there is nothing to resume\n")
            return
        }
        var source = indexOptions
        if source.index == nil && source.rev == nil { source.adopt(origin: record.source) }
        let context = try await RunContext.load(record.runbookID, indexOptions: source)
        let gate = RunGate(
            requireStatus: context.config.executor.requireStatus, overrides: runOptions.overrides,
            assumeYes: runOptions.yes, machineOutput: runOptions.json)
        let plan: RunPlan
        do {
            if context.runbook.blob != record.blob && !force {
                throw RunRefusal(
                    "'\(record.runbookID)' changed since run \(run) began (blob \(record.blob.prefix(12)) then, "
                        + "\(context.runbook.blob.prefix(12)) now); start a new run, or pass --force to continue with the new content")
            }
            try gate.check(context.runbook, repositoryBlob: context.repositoryBlob)
            plan = try RunPlan(runbook: context.runbook, denylist: try Denylist(extraPatterns: context.config.executor.deny))
            try gate.checkUnattended(plan)
        } catch let error as RunRefusal {
            throw Terminal.fail("refused: \(error)")
        } catch {
            throw Terminal.fail("\(error)")
        }
        do {
            try log.markResumed(run, RunResumption(at: Date(), user: RunDriver.user, host: RunDriver.host))
        } catch {
            throw Terminal.fail("\(error)")
        }
        let settings = RunSettings(executor: context.config.executor, overrides: runOptions.overrides, assumeYes: runOptions.yes)
        try await driver.drive(
            plan: plan, settings: settings, variables: VariableValues(values: record.variables), log: log, runID: run,
            completed: detail.completedSteps)
    }
}
