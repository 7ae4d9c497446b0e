import RunbookCore

/// The steps of one runbook in the order they run, each checked before
/// anything starts: `depends` satisfiable, limits readable, dangerous commands
/// known. Built from the index entry, so what runs is what was reviewed.
public struct RunPlan: Sendable {
    public let runbook: IndexedRunbook
    /// The selected steps, in run order.
    public let steps: [PlannedStep]
    /// How many steps the whole runbook has.
    public let totalSteps: Int

    /// - Parameter denylist: the built-in list plus `executor.deny`. A step is
    ///   dangerous when it matches, when the index says so, or when the runbook marks
    ///   it `dangerous=true`: the executor trusts no single source.
    public init(runbook: IndexedRunbook, denylist: Denylist, selection: StepSelection = .all) throws(PlanError) {
        self.runbook = runbook
        let steps = runbook.steps
        let order: [Int]
        switch StepOrder.resolve(names: steps.map(\.id), dependencies: steps.map(\.dependencies)) {
        case .success(let found):
            order = found
        case .failure(.unknownDependency(let index, let name)):
            throw PlanError("step '\(steps[index].id)' (line \(steps[index].line)) depends on '\(name)', which no step is called")
        case .failure(.cycle(let ring)):
            let names = ring.map { "'\(steps[$0].id)'" }.joined(separator: " → ")
            throw PlanError("steps \(names) depend on each other in a ring, so none of them can run")
        }
        var planned: [PlannedStep] = []
        for (position, index) in order.enumerated() {
            let step = steps[index]
            let limits: StepLimits
            do throws(StepLimitsError) {
                limits = try StepLimits(attributes: step.attributes)
            } catch {
                throw PlanError("step '\(step.id)' (line \(step.line)): \(error.message)")
            }
            planned.append(PlannedStep(
                step: step, number: position + 1, limits: limits, danger: Self.danger(of: step, denylist: denylist)))
        }
        totalSteps = planned.count
        self.steps = try Self.select(selection, from: planned)
    }

    public func step(named name: String) -> PlannedStep? {
        steps.first { $0.name == name }
    }

    private static func danger(of step: IndexedStep, denylist: Denylist) -> String? {
        guard step.kind == .command else { return nil }
        if let match = denylist.match(step.command) { return match.reason }
        if let danger = step.danger { return danger.reason }
        if step.dangerous { return "is marked dangerous in the index" }
        if Step.flag("dangerous", in: step.attributes) { return "is marked dangerous=true in the runbook" }
        return nil
    }

    private static func select(_ selection: StepSelection, from steps: [PlannedStep]) throws(PlanError) -> [PlannedStep] {
        func position(of name: String) throws(PlanError) -> Int {
            guard let index = steps.firstIndex(where: { $0.name == name }) else {
                throw PlanError("no step is called '\(name)'; the steps are: \(steps.map(\.name).joined(separator: ", "))")
            }
            return index
        }
        switch selection {
        case .all:
            return steps
        case .from(let name):
            return Array(steps[try position(of: name)...])
        case .only(let names):
            var chosen = Set<Int>()
            for name in names { chosen.insert(try position(of: name)) }
            return steps.indices.filter(chosen.contains).map { steps[$0] }
        }
    }
}
