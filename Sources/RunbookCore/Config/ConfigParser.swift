/// Turns `runbook.yml` text into a `Config`, rejecting unknown keys and wrong
/// types with the line and key at fault — a typo must never be silently ignored.
public struct ConfigParser {
    private let path: String

    public init(path: String) {
        self.path = path
    }

    public func parse(_ text: String) throws(ConfigError) -> Config {
        let document: YAMLValue
        do {
            document = try YAMLReader.read(text)
        } catch {
            throw ConfigError(path: path, line: error.line, column: error.column, key: "", message: error.message)
        }
        var config = Config()
        config.source = path
        config.text = text
        if case .null = document.kind { return config }
        for entry in try mapping(document, key: "") {
            let value = entry.value
            switch entry.key {
            case "root": config.root = try string(value, key: "root")
            case "include": config.include = try strings(value, key: "include").map(Glob.init)
            case "exclude": config.exclude = try strings(value, key: "exclude").map(Glob.init)
            case "sections": config.sections = try sections(value)
            case "metadata": config.metadata = try metadata(value)
            case "review_after": config.reviewAfterDays = try days(value, key: "review_after")
            case "site": config.site = try site(value)
            case "executor": config.executor = try executor(value)
            case "rules": config.rules = try rules(value)
            case "max_file_size": config.maxFileSize = try byteSize(value, key: "max_file_size")
            case "drafts": config.drafts = try folder(value, key: "drafts")
            case "noise": config.noise = try noise(value)
            default: throw unknownKey(entry, parent: "", known: Self.topLevelKeys)
            }
        }
        return config
    }

    static let topLevelKeys = [
        "root", "include", "exclude", "sections", "metadata", "review_after", "site", "executor", "rules",
        "max_file_size", "drafts", "noise",
    ]

    private func sections(_ value: YAMLValue) throws(ConfigError) -> SectionRequirements {
        var result = SectionRequirements.standard
        for entry in try mapping(value, key: "sections") {
            let key = "sections.\(entry.key)"
            switch entry.key {
            case "required": result.required = try strings(entry.value, key: key)
            case "ordered": result.ordered = try bool(entry.value, key: key)
            case "aliases":
                result.aliases = [:]
                for alias in try mapping(entry.value, key: key) {
                    result.aliases[alias.key] = try strings(alias.value, key: "\(key).\(alias.key)")
                }
            case "commands":
                result.commands = [:]
                for minimum in try mapping(entry.value, key: key) {
                    result.commands[minimum.key] = try count(minimum.value, key: "\(key).\(minimum.key)")
                }
            case "headings":
                var items: [HeadingPatternItem] = []
                for item in try sequence(entry.value, key: key) {
                    guard let text = item.scalar, let parsed = HeadingPatternItem(text) else {
                        throw error(item, key: key, "expected '## Heading', '*', '+' or '?', found \(describe(item))")
                    }
                    items.append(parsed)
                }
                result.headings = items
            default:
                throw unknownKey(entry, parent: "sections", known: ["required", "aliases", "ordered", "commands", "headings"])
            }
        }
        if value["commands"] == nil {
            // The default minimums belong to the default sections: keep only those still required.
            result.commands = result.commands.filter { result.canonicalName(for: $0.key) != nil }
        }
        for name in result.commands.keys.sorted() where result.canonicalName(for: name) == nil {
            let line = value["commands"]?.line ?? value.line
            throw ConfigError(
                path: path, line: line, column: 1, key: "sections.commands.\(name)",
                message: "'\(name)' is not a required section; add it to sections.required or remove the minimum")
        }
        // Keyed by required name from here on (an alias key is resolved once, here), so
        // rules compare with `Section.name` directly instead of resolving per runbook.
        let table = result.canonicalNameTable
        result.commands = Dictionary(
            result.commands.map { (table[SectionRequirements.normalized($0.key)]!, $0.value) }, uniquingKeysWith: max)
        return result
    }

    private func metadata(_ value: YAMLValue) throws(ConfigError) -> MetadataRequirements {
        var result = MetadataRequirements()
        for entry in try mapping(value, key: "metadata") {
            switch entry.key {
            case "required": result.required = try strings(entry.value, key: "metadata.required")
            case "statuses": result.statuses = try strings(entry.value, key: "metadata.statuses")
            default: throw unknownKey(entry, parent: "metadata", known: ["required", "statuses"])
            }
        }
        return result
    }

    private func site(_ value: YAMLValue) throws(ConfigError) -> SiteSettings {
        var result = SiteSettings()
        for entry in try mapping(value, key: "site") {
            let key = "site.\(entry.key)"
            switch entry.key {
            case "title": result.title = try string(entry.value, key: key)
            case "base_url": result.baseURL = try url(entry.value, key: key, valid: SiteSettings.isBaseURL, expected: "an http:// or https:// URL or a path starting with /")
            case "repo_url": result.repoURL = try url(entry.value, key: key, valid: SiteSettings.isWebURL, expected: "an http:// or https:// URL")
            case "branch": result.branch = try string(entry.value, key: key)
            default: throw unknownKey(entry, parent: "site", known: ["title", "base_url", "repo_url", "branch"])
            }
        }
        return result
    }

    private func executor(_ value: YAMLValue) throws(ConfigError) -> ExecutorSettings {
        var result = ExecutorSettings()
        for entry in try mapping(value, key: "executor") {
            let key = "executor.\(entry.key)"
            switch entry.key {
            case "require_status": result.requireStatus = try string(entry.value, key: key)
            case "shell": result.shell = try string(entry.value, key: key)
            case "deny":
                result.deny = try strings(entry.value, key: key)
                do {
                    _ = try Denylist(extraPatterns: result.deny)
                } catch {
                    throw self.error(entry.value, key: key, "\(error)")
                }
            case "output_cap": result.outputCap = try byteSize(entry.value, key: key)
            case "kill_grace":
                guard let text = entry.value.scalar, let grace = StepLimits.duration(text), grace <= .seconds(600) else {
                    throw error(entry.value, key: key, "expected a duration of at most 10m such as 5s, found \(describe(entry.value))")
                }
                result.killGrace = grace
            default:
                throw unknownKey(entry, parent: "executor", known: ["require_status", "deny", "shell", "output_cap", "kill_grace"])
            }
        }
        return result
    }

    private func noise(_ value: YAMLValue) throws(ConfigError) -> NoiseSettings {
        var result = NoiseSettings()
        for entry in try mapping(value, key: "noise") {
            let key = "noise.\(entry.key)"
            switch entry.key {
            case "add": result.add = try programNames(entry.value, key: key)
            case "keep": result.keep = try programNames(entry.value, key: key)
            default: throw unknownKey(entry, parent: "noise", known: ["add", "keep"])
            }
        }
        return result
    }

    /// Program names as a command starts with them: one word, no path.
    private func programNames(_ value: YAMLValue, key: String) throws(ConfigError) -> [String] {
        let names = try strings(value, key: key)
        for name in names where name.isEmpty || name.contains(where: { $0.isWhitespace || $0 == "/" }) {
            throw error(value, key: key, "expected program names such as 'k9s' (one word, no path), found '\(name)'")
        }
        return names
    }

    private func rules(_ value: YAMLValue) throws(ConfigError) -> [String: Severity?] {
        var result: [String: Severity?] = [:]
        for entry in try mapping(value, key: "rules") {
            let key = "rules.\(entry.key)"
            guard RuleCatalog.ids.contains(entry.key) else {
                throw unknownKey(entry, parent: "rules", known: RuleCatalog.ids)
            }
            switch entry.value.scalar?.lowercased() {
            case "error": result[entry.key] = .some(.error)
            case "warning": result[entry.key] = .some(.warning)
            case "off", "false": result[entry.key] = .some(nil)
            default: throw error(entry.value, key: key, "expected error, warning or off, found \(describe(entry.value))")
            }
        }
        return result
    }

    // MARK: Typed readers

    private func mapping(_ value: YAMLValue, key: String) throws(ConfigError) -> [YAMLEntry] {
        if case .null = value.kind { return [] }
        guard let entries = value.mapping else {
            throw error(value, key: key, "expected a mapping of keys to values, found \(describe(value))")
        }
        return entries
    }

    private func sequence(_ value: YAMLValue, key: String) throws(ConfigError) -> [YAMLValue] {
        if case .null = value.kind { return [] }
        guard let items = value.sequence else { throw error(value, key: key, "expected a list, found \(describe(value))") }
        return items
    }

    /// Empty, or a URL `valid` accepts: these end up in every page's links and in the index.
    private func url(
        _ value: YAMLValue, key: String, valid: (String) -> Bool, expected: String
    ) throws(ConfigError) -> String {
        let text = try string(value, key: key)
        guard text.isEmpty || valid(text) else { throw error(value, key: key, "expected \(expected), found '\(text)'") }
        return text
    }

    /// A folder under the root: relative, without `..`, so what is written there stays inside it.
    private func folder(_ value: YAMLValue, key: String) throws(ConfigError) -> String {
        let text = try string(value, key: key)
        guard RunbookPath.isPlainRelative(text) else {
            throw error(value, key: key, "expected a folder relative to root such as 'drafts', found '\(text)'")
        }
        return RunbookPath.join([text])
    }

    private func string(_ value: YAMLValue, key: String) throws(ConfigError) -> String {
        guard let text = value.scalar else { throw error(value, key: key, "expected text, found \(describe(value))") }
        return text
    }

    private func strings(_ value: YAMLValue, key: String) throws(ConfigError) -> [String] {
        guard let list = value.scalarList else {
            throw error(value, key: key, "expected a list of text values, found \(describe(value))")
        }
        return list
    }

    private func bool(_ value: YAMLValue, key: String) throws(ConfigError) -> Bool {
        switch value.scalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(value, key: key, "expected true or false, found \(describe(value))")
        }
    }

    private func count(_ value: YAMLValue, key: String) throws(ConfigError) -> Int {
        guard let text = value.scalar, let number = Int(text), number >= 0 else {
            throw error(value, key: key, "expected a whole number of at least 0, found \(describe(value))")
        }
        return number
    }

    /// `180d`, `26w` or a plain number of days.
    private func days(_ value: YAMLValue, key: String) throws(ConfigError) -> Int {
        guard let text = value.scalar?.lowercased(), let duration = Self.parseDays(text) else {
            throw error(value, key: key, "expected a number of days such as 180d or 26w, found \(describe(value))")
        }
        return duration
    }

    static func parseDays(_ text: String) -> Int? {
        let units: [Character: Int] = ["d": 1, "w": 7, "y": 365]
        if let unit = text.last, let factor = units[unit], let number = Int(text.dropLast()), number > 0 {
            return number * factor
        }
        if let number = Int(text), number > 0 { return number }
        return nil
    }

    /// `512KB`, `2MB`, `1MiB` or a number of bytes.
    private func byteSize(_ value: YAMLValue, key: String) throws(ConfigError) -> Int {
        guard let text = value.scalar, let size = Self.parseByteSize(text) else {
            throw error(value, key: key, "expected a size such as 512KB or 2MB, found \(describe(value))")
        }
        return size
    }

    static func parseByteSize(_ text: String) -> Int? {
        let units: [(String, Int)] = [
            ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("kb", 1000), ("mb", 1_000_000), ("gb", 1_000_000_000),
            ("k", 1 << 10), ("m", 1 << 20), ("b", 1),
        ]
        let lower = text.lowercased().filter { !$0.isWhitespace }
        for (suffix, factor) in units where lower.hasSuffix(suffix) {
            guard let number = Int(lower.dropLast(suffix.count)), number > 0 else { return nil }
            return number.multipliedReportingOverflow(by: factor).overflow ? nil : number * factor
        }
        if let number = Int(lower), number > 0 { return number }
        return nil
    }

    // MARK: Errors

    private func describe(_ value: YAMLValue) -> String {
        if let text = value.scalar { return "'\(text)'" }
        return value.kindName
    }

    private func error(_ value: YAMLValue, key: String, _ message: String) -> ConfigError {
        ConfigError(path: path, line: value.line, column: value.column, key: key, message: message)
    }

    private func unknownKey(_ entry: YAMLEntry, parent: String, known: [String]) -> ConfigError {
        let key = parent.isEmpty ? entry.key : "\(parent).\(entry.key)"
        return ConfigError(
            path: path, line: entry.keyLine, column: entry.keyColumn, key: key,
            message: "unknown key; expected one of: \(known.joined(separator: ", "))")
    }
}
