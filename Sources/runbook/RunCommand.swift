import ArgumentParser
import Executor
import Foundation
import RunbookCore

/// `runbook run`: executes an approved runbook step by step, asking before each
/// step and recording everything in the run log.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a runbook's steps, asking before each one, with a durable run log.",
        discussion: """
            Prints the plan, then asks before each step: run, skip or abort; a failed step can be retried, skipped \
            or aborted. Refuses a runbook that is not approved or has lint errors, and never runs a command on the \
            dangerous-command list without --allow-dangerous and the step's name typed. Exit status: 0 the run \
            succeeded, 1 it failed or was aborted, 2 it was refused or could not start, 130 interrupted (Ctrl-C).
            """
    )

    @Argument(help: ArgumentHelp("The runbook: its id, its path, or an alert it handles.", valueName: "runbook"))
    var runbook: String

    @Flag(help: "Print the plan and what would run; run nothing and record nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Start at this step (steps before it are left out).", valueName: "step"))
    var from: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Run only these steps.", valueName: "step"))
    var only: [String] = []

    @Option(name: .customLong("var"), help: ArgumentHelp("A variable's value (repeatable).", valueName: "name=value"))
    var variables: [String] = []

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        if from != nil && !only.isEmpty { throw ValidationError("--from and --only cannot be used together") }
        for assignment in variables where !assignment.contains("=") {
            throw ValidationError("--var takes NAME=VALUE, not '\(assignment)'")
        }
    }

    func run() async throws {
        let context = try await RunContext.load(runbook, indexOptions: indexOptions)
        let gate = RunGate(
            requireStatus: context.config.executor.requireStatus, overrides: runOptions.overrides,
            assumeYes: runOptions.yes, machineOutput: runOptions.json)
        let driver = RunDriver(options: runOptions)
        let plan: RunPlan
        let values: VariableValues
        do {
            try gate.check(context.runbook, repositoryBlob: context.repositoryBlob)
            let denylist = try Denylist(extraPatterns: context.config.executor.deny)
            plan = try RunPlan(runbook: context.runbook, denylist: denylist, selection: selection)
            try gate.checkUnattended(plan)
            // The operator sees what will run before answering anything; JSON shows it once the run has an id.
            if !runOptions.json {
                driver.observer(runID: nil).planned(plan, runID: nil, variables: VariableValues(values: givenVariables))
            }
            let prompt = driver.prompt
            let ask: ((RunbookVariable, String?) -> String?)? = runOptions.yes || dryRun ? nil : { variable, rejected in
                if let rejected { Terminal.print("'\(rejected)' does not match \(variable.pattern ?? "the pattern"); try again.\n") }
                let question = variable.prompt ?? variable.name
                return prompt.text(variable.defaultValue.map { "\(question) [\($0)]:" } ?? "\(question):")
            }
            values = try VariableValues(declared: context.runbook.metadata.variables, given: givenVariables, ask: ask)
        } catch let error as RunRefusal {
            throw Terminal.fail("refused: \(error)")
        } catch {
            throw Terminal.fail("\(error)")
        }
        if dryRun {
            let observer = driver.observer(runID: nil)
            if runOptions.json { observer.planned(plan, runID: nil, variables: values) }
            observer.notice("dry run: nothing was run and nothing was recorded")
            return
        }
        let log = try driver.openLog()
        let runID: Int64
        do {
            runID = try log.beginRun(RunStart(
                runbookID: context.runbook.id, title: context.runbook.title, path: context.runbook.path,
                commit: context.index.sourceCommit ?? "", blob: context.runbook.blob, source: indexOptions.origin,
                user: RunDriver.user, host: RunDriver.host, stepCount: plan.steps.count, variables: values.values, start: Date()))
        } catch {
            throw Terminal.fail("\(error)")
        }
        let settings = RunSettings(
            executor: context.config.executor, overrides: runOptions.overrides, assumeYes: runOptions.yes)
        try await driver.drive(
            plan: plan, settings: settings, variables: values, log: log, runID: runID, completed: [], showPlan: runOptions.json)
    }

    private var selection: StepSelection {
        if let from { return .from(from) }
        return only.isEmpty ? .all : .only(only)
    }

    private var givenVariables: [String: String] {
        Dictionary(variables.map { assignment in
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }, uniquingKeysWith: { _, last in last })
    }
}
