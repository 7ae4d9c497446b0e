/// Why a runbook has no plan the executor can follow.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
