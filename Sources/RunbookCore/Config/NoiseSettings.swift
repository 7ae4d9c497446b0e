/// `noise:` in config: which programs `runbook draft` drops from a session as noise.
/// `add` extends the built-in list (`ls`, `cd`, pagers, …); `keep` takes names off it.
public struct NoiseSettings: Sendable, Hashable {
    public var add: [String] = []
    public var keep: [String] = []

    public init() {}
}
