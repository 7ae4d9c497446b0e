import ArgumentParser
import Executor
import RunbookCore

/// `runbook graph`: a runbook's steps and their `depends` as Graphviz DOT or Mermaid.
struct GraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a runbook's step graph (run order and depends) as Graphviz DOT or Mermaid.",
        discussion: "Pipe DOT into Graphviz: runbook graph etcd/no-leader | dot -Tsvg > steps.svg"
    )

    @Argument(help: ArgumentHelp("The runbook: its id, its path, or an alert it handles.", valueName: "runbook"))
    var runbook: String

    @Option(help: ArgumentHelp("dot or mermaid.", valueName: "format"))
    var format: StepGraph.Format = .dot

    @OptionGroup var indexOptions: IndexOptions

    func run() async throws {
        let index = try await indexOptions.load().index
        do {
            let entry = try RunbookLookup.find(runbook, in: index)
            let plan = try RunPlan(runbook: entry, denylist: .builtIn)
            Terminal.print(StepGraph(plan: plan).render(format))
        } catch let error as RunRefusal {
            throw Terminal.fail(error.description)
        } catch {
            throw Terminal.fail("\(error)")
        }
    }
}

extension StepGraph.Format: ExpressibleByArgument {}
