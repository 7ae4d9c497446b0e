import Testing
@testable import RunbookCore

@Suite struct StepOrderTests {
    @Test func withoutDependsTheOrderIsTheDocumentOrder() {
        #expect(StepOrder.resolve(names: ["a", "b", "c"], dependencies: [[], [], []]) == .success([0, 1, 2]))
    }

    @Test func aStepWaitsForWhatItDependsOnAndNothingElseMoves() {
        // d depends on e, which is written after it; the rest keep their places.
        let order = StepOrder.resolve(names: ["a", "d", "b", "e", "c"], dependencies: [[], ["e"], [], [], []])
        #expect(order == .success([0, 2, 3, 1, 4]))
    }

    @Test func repeatedDependenciesCountOnce() {
        #expect(StepOrder.resolve(names: ["a", "b"], dependencies: [[], ["a", "a"]]) == .success([0, 1]))
    }

    @Test func aMissingStepIsNamed() {
        #expect(StepOrder.resolve(names: ["a", "b"], dependencies: [[], ["zz"]]) == .failure(.unknownDependency(step: 1, name: "zz")))
    }

    @Test func aRingIsReportedFromItsEarliestStep() {
        let result = StepOrder.resolve(names: ["x", "a", "b", "c"], dependencies: [[], ["c"], ["a"], ["b"]])
        #expect(result == .failure(.cycle([1, 3, 2])))
    }

    @Test func aStepDependingOnItselfIsARingOfOne() {
        #expect(StepOrder.resolve(names: ["a"], dependencies: [["a"]]) == .failure(.cycle([0])))
    }

    @Test func dependsListsAreCommaSeparated() {
        #expect(StepOrder.dependencies(in: ["depends": "check-disk, drain,,"]) == ["check-disk", "drain"])
        #expect(StepOrder.dependencies(in: [:]).isEmpty)
    }
}
