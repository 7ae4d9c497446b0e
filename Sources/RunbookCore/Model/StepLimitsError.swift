/// A `timeout` or `retries` attribute the executor cannot apply.
public struct StepLimitsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
