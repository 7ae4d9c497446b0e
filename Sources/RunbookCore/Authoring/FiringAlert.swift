/// One alert of an Alertmanager webhook payload.
public struct FiringAlert: Sendable, Hashable {
    /// The `alertname` label.
    public var name: String
    /// `firing` or `resolved`.
    public var status: String
    /// All labels, `alertname` included.
    public var labels: [String: String]
    /// Annotation texts that patterns are searched in: `summary`, `description`, `message`.
    public var texts: [String]

    public init(name: String, status: String, labels: [String: String], texts: [String]) {
        self.name = name
        self.status = status
        self.labels = labels
        self.texts = texts
    }
}
