import Foundation
import RunbookCore
import Testing
@testable import Executor

@Suite struct RunPlanTests {
    /// An index entry decoded from JSON, as the executor always gets one.
    private func runbook(status: String = "approved", autonomy: String = "manual", lintErrors: Int = 0, steps: String) throws -> IndexedRunbook {
        let json = """
            {"id":"queue","title":"Queue","path":"runbooks/queue.md","blob":"\(String(repeating: "a", count: 40))","url":null,
             "metadata":{"owner":null,"severity":null,"status":"\(status)","autonomy":"\(autonomy)","tags":[],"alerts":[],"patterns":[],"variables":[]},
             "steps":[\(steps)],
             "lineage":{"updated":null,"approval":null,"truncated":false},
             "lint":{"errors":\(lintErrors),"warnings":0,"problems":[]}}
            """
        return try JSONDecoder().decode(IndexedRunbook.self, from: Data(json.utf8))
    }

    private func step(_ id: String, _ command: String, _ attributes: [String: String] = [:], kind: String = "command") -> String {
        let pairs = attributes.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
        return """
            {"id":"\(id)","section":"Mitigation","kind":"\(kind)","shell":"bash","command":"\(command)","line":1,
             "attributes":{\(pairs)},"checked":false,"dangerous":false,"danger":null}
            """
    }

    @Test func dependsReorderAndNumbersFollowTheRunOrder() throws {
        let entry = try runbook(steps: [step("drain", "echo", ["depends": "cordon"]), step("cordon", "echo")].joined(separator: ","))
        let plan = try RunPlan(runbook: entry, denylist: .builtIn)
        #expect(plan.steps.map(\.name) == ["cordon", "drain"])
        #expect(plan.steps.map(\.number) == [1, 2])
    }

    @Test func theDenylistIsCheckedAgainWhateverTheIndexSays() throws {
        let entry = try runbook(steps: step("wipe", "mkfs.ext4 /dev/sdb1"))
        #expect(try RunPlan(runbook: entry, denylist: .builtIn).steps[0].danger != nil)
        let custom = try Denylist(extraPatterns: ["kubectl delete ns"])
        #expect(try RunPlan(runbook: runbook(steps: step("ns", "kubectl delete ns prod")), denylist: custom).steps[0].danger != nil)
    }

    @Test func selectionsKeepTheRunOrder() throws {
        let entry = try runbook(steps: ["a", "b", "c"].map { step($0, "echo") }.joined(separator: ","))
        #expect(try RunPlan(runbook: entry, denylist: .builtIn, selection: .from("b")).steps.map(\.name) == ["b", "c"])
        #expect(try RunPlan(runbook: entry, denylist: .builtIn, selection: .only(["c", "a"])).steps.map(\.name) == ["a", "c"])
        #expect(throws: PlanError.self) { try RunPlan(runbook: entry, denylist: .builtIn, selection: .from("zz")) }
    }

    @Test func unreadableLimitsAndRingsAreRefused() throws {
        #expect(throws: PlanError.self) { try RunPlan(runbook: runbook(steps: step("a", "echo", ["timeout": "soon"])), denylist: .builtIn) }
        let ring = try runbook(steps: [step("a", "echo", ["depends": "b"]), step("b", "echo", ["depends": "a"])].joined(separator: ","))
        #expect(throws: PlanError.self) { try RunPlan(runbook: ring, denylist: .builtIn) }
    }

    @Test func theGateNamesTheOverride() throws {
        let gate = RunGate(requireStatus: "approved", overrides: RunOverrides(), assumeYes: false, machineOutput: false)
        #expect { try gate.check(runbook(status: "draft", steps: "")) } throws: { "\($0)".contains("--allow-draft") }
        #expect { try gate.check(runbook(lintErrors: 2, steps: "")) } throws: { "\($0)".contains("--allow-lint-errors") }
        #expect { try gate.check(runbook(steps: ""), repositoryBlob: .some(nil)) } throws: { "\($0)".contains("--allow-index-mismatch") }
        try gate.check(runbook(steps: ""), repositoryBlob: .some(String(repeating: "a", count: 40)))
        let unattended = RunGate(requireStatus: "approved", overrides: RunOverrides(), assumeYes: true, machineOutput: true)
        #expect { try unattended.check(runbook(steps: "")) } throws: { "\($0)".contains("autonomy: auto") }
        let auto = try runbook(autonomy: "auto", steps: step("wipe", "mkfs.ext4 /dev/sdb1"))
        try unattended.check(auto)
        #expect { try unattended.checkUnattended(RunPlan(runbook: auto, denylist: .builtIn)) } throws: { "\($0)".contains("--yes cannot") }
    }

    @Test func variablesComeFromFlagsThenAnswersThenDefaults() throws {
        let declared = [RunbookVariable(name: "NS", defaultValue: "prod", pattern: "[a-z]+"), RunbookVariable(name: "NODE")]
        let asked = try VariableValues(declared: declared, given: ["NODE": "n1"]) { _, rejected in rejected == nil ? "BAD" : "" }
        #expect(asked.values == ["NS": "prod", "NODE": "n1"])
        #expect(throws: RunRefusal.self) { try VariableValues(declared: declared, given: [:], ask: nil) }
        #expect(throws: RunRefusal.self) { try VariableValues(declared: declared, given: ["NODE": "n1", "NS": "x y"], ask: nil) }
    }
}
