/// What a step's `timeout` and `retries` attributes ask of the executor.
///
/// `timeout` is a duration such as `30s`, `5m`, `1h30m`, `500ms` or a plain
/// number of seconds; `retries` is how many more times a failed step runs by
/// itself before the operator is asked. Both are checked by the
/// `bad-step-attributes` lint rule, so a runbook that passes lint always has
/// limits the executor can apply.
public struct StepLimits: Sendable, Hashable {
    public var timeout: Duration?
    public var retries: Int

    /// Retries beyond this are a typo, not a plan.
    public static let maximumRetries = 100

    public init(timeout: Duration? = nil, retries: Int = 0) {
        self.timeout = timeout
        self.retries = retries
    }

    /// - Throws: a message naming the attribute and the value it could not read.
    public init(attributes: [String: String]) throws(StepLimitsError) {
        self.init()
        if let text = attributes["timeout"] {
            guard let timeout = Self.duration(text), timeout > .zero else {
                throw StepLimitsError(message: "timeout '\(text)' is not a duration; write it as 30s, 5m, 1h30m or 500ms")
            }
            self.timeout = timeout
        }
        if let text = attributes["retries"] {
            guard let retries = Int(text), (0...Self.maximumRetries).contains(retries) else {
                throw StepLimitsError(message: "retries '\(text)' is not a whole number from 0 to \(Self.maximumRetries)")
            }
            self.retries = retries
        }
    }

    /// A duration as a runbook would write it: `30s`, `2m`, `1h30m`, `500ms`.
    public static func text(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        guard milliseconds % 1000 == 0 else { return "\(milliseconds)ms" }
        let seconds = milliseconds / 1000
        let parts = [(seconds / 3600, "h"), (seconds % 3600 / 60, "m"), (seconds % 60, "s")].filter { $0.0 > 0 }
        return parts.isEmpty ? "0s" : parts.map { "\($0.0)\($0.1)" }.joined()
    }

    /// `1h30m`, `45s`, `250ms`, `90` (seconds). Nil for anything else, or for
    /// more than a week, which no incident step means.
    static func duration(_ text: String) -> Duration? {
        if let seconds = Int(text) { return seconds <= 604_800 ? .seconds(seconds) : nil }
        var total: Duration = .zero
        var number = 0
        var digits = 0
        var rest = Substring(text)
        while let character = rest.first {
            if let digit = character.wholeNumberValue, character.isASCII {
                guard digits < 7 else { return nil }
                number = number * 10 + digit
                digits += 1
                rest.removeFirst()
                continue
            }
            guard digits > 0 else { return nil }
            let unit: Duration
            if rest.hasPrefix("ms") { unit = .milliseconds(1); rest.removeFirst(2) }
            else if character == "s" { unit = .seconds(1); rest.removeFirst() }
            else if character == "m" { unit = .seconds(60); rest.removeFirst() }
            else if character == "h" { unit = .seconds(3600); rest.removeFirst() }
            else { return nil }
            total += unit * number
            number = 0
            digits = 0
        }
        guard digits == 0, total <= .seconds(604_800) else { return nil }
        return total
    }
}
