/// What a rule may look at beyond the runbook itself.
public struct LintContext: Sendable {
    public var config: Config
    public var denylist: Denylist
    /// Every path in the tree being linted (not just runbooks), for link checks.
    /// Every path of the tree. A rule that reads it says so (`Rule.readsTreePaths`).
    public var treePaths: Set<String>

    public init(config: Config, denylist: Denylist, treePaths: Set<String>) {
        self.config = config
        self.denylist = denylist
        self.treePaths = treePaths
    }
}
