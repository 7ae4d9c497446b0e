/// Durations as people type them on a command line: `30s`, `5m`, `2h`, `1d`.
public enum DurationText {
    /// The number of seconds, or nil when the text is not a positive whole number with a unit.
    public static func seconds(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        let lower = text.lowercased()
        guard let unit = lower.last, let factor = units[unit], let number = Int(lower.dropLast()), number > 0 else {
            return nil
        }
        let (seconds, overflow) = number.multipliedReportingOverflow(by: factor)
        return overflow ? nil : seconds
    }
}
