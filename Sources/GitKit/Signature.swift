/// Who made a commit and when, as Git records it.
public struct Signature: Sendable, Hashable {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// The signer's UTC offset in minutes, as recorded in the commit.
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// ISO 8601 in the recorded offset (`2024-03-01T10:00:00+01:00`): computed
    /// from the commit alone, never from the build machine's clock or locale.
    public var iso8601: String {
        // A commit can claim any time at all; clamp to what the format can say
        // (years 0000-9999) instead of overflowing.
        let offsetMinutes = max(-Self.maxOffsetMinutes, min(Self.maxOffsetMinutes, offsetMinutes))
        let time = max(Self.earliest, min(Self.latest, time))
        let local = max(Self.earliest, min(Self.latest, time + Int64(offsetMinutes) * 60))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = Int(local - days * 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
            + "\(sign)\(pad(offset / 60, 2)):\(pad(offset % 60, 2))"
    }

    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    private static let earliest: Int64 = -62_167_219_200
    private static let latest: Int64 = 253_402_300_799
    /// Git writes offsets as ±HHMM.
    private static let maxOffsetMinutes = 99 * 60 + 99

    /// The calendar day (`2024-03-01`) in the recorded offset.
    public var day: String { String(iso8601.prefix(10)) }

    /// Howard Hinnant's days-to-civil conversion (proleptic Gregorian calendar).
    private static func civilDate(daysSinceEpoch: Int64) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
