/// The settings in `runbook.yml`. Every key is optional; `Config()` is the default.
public struct Config: Sendable {
    /// Folder holding the runbooks, relative to the repository root ("" or "." for the root itself).
    public var root = "runbooks" {
        didSet { rootPrefix = Self.prefix(of: root) }
    }
    /// The root as a "/"-separated prefix without leading or trailing slashes ("" for the repository root).
    /// Kept with `root`, as it is asked for every path of the tree.
    public private(set) var rootPrefix = "runbooks"
    public var include = [Glob("**/*.md")]
    public var exclude = [Glob("**/README.md")]
    public var sections = SectionRequirements.standard
    public var metadata = MetadataRequirements()
    /// Days after the last change at which a runbook counts as stale.
    public var reviewAfterDays = 180
    public var site = SiteSettings()
    public var executor = ExecutorSettings()
    /// Severity overrides by rule id; nil turns a rule off.
    public var rules: [String: Severity?] = [:]
    /// Files larger than this are reported, not parsed.
    public var maxFileSize = 1 << 20
    /// Folder `runbook draft` writes into, relative to `root` (a plain relative path, no `..`).
    public var drafts = "drafts"
    /// Programs `runbook draft` leaves out of a draft, beyond or instead of the built-in ones.
    public var noise = NoiseSettings()
    /// Where the config came from, for messages; nil when the defaults are used.
    public var source: String?
    /// The text it was parsed from; nil for the defaults. Everything above
    /// follows from it, so a build compares it to tell whether pages rendered
    /// before used the same settings.
    public var text: String?

    public init() {}

    private static func prefix(of root: String) -> String {
        root.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// Whether a repository-relative path is a runbook under this config.
    public func isRunbook(_ path: String) -> Bool {
        guard let relative = relativeToRoot(path) else { return false }
        return include.contains { $0.matches(relative) } && !exclude.contains { $0.matches(relative) }
    }

    /// The path relative to the root, or nil when it lies outside.
    public func pathUnderRoot(_ path: String) -> String? {
        relativeToRoot(path).map(String.init)
    }

    /// `pathUnderRoot` without a copy: it runs for every path of a tree.
    func relativeToRoot(_ path: String) -> Substring? {
        let prefix = rootPrefix.utf8
        if prefix.isEmpty { return path[...] }
        let bytes = path.utf8
        guard bytes.count > prefix.count, bytes.starts(with: prefix) else { return nil }
        let slash = bytes.index(bytes.startIndex, offsetBy: prefix.count)
        guard bytes[slash] == UInt8(ascii: "/") else { return nil }
        return path[bytes.index(after: slash)...]
    }

    /// The severity a rule reports with, or nil when config turned it off.
    public func severity(of ruleID: String, default defaultSeverity: Severity) -> Severity? {
        if let override = rules[ruleID] { return override }
        return defaultSeverity
    }
}
