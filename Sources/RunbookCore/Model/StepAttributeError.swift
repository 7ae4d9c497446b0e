/// A fence whose `{...}` attributes could not be read.
public struct StepAttributeError: Sendable, Hashable {
    public var message: String
    public var line: Int
    public var column: Int
}
