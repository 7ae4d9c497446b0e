/// `metadata:` in config: front matter fields every runbook needs, and the statuses allowed.
public struct MetadataRequirements: Sendable, Hashable {
    public var required: [String] = []
    public var statuses = ["draft", "proposed", "approved", "deprecated"]

    public init() {}
}
