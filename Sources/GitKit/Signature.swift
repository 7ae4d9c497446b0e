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
    /// Written digit by digit: a site shows tens of thousands of these.
    public var iso8601: String {
        let local = localTime
        return Self.ascii(capacity: 26) { text in
            text.date(local.year, local.month, local.day)
            text.byte("T")
            text.digits(local.seconds / 3600, 2)
            text.byte(":")
            text.digits(local.seconds / 60 % 60, 2)
            text.byte(":")
            text.digits(local.seconds % 60, 2)
            text.byte(local.offsetMinutes < 0 ? "-" : "+")
            text.digits(abs(local.offsetMinutes) / 60, 2)
            text.byte(":")
            text.digits(abs(local.offsetMinutes) % 60, 2)
        }
    }

    /// The calendar day (`2024-03-01`) in the recorded offset.
    public var day: String {
        let local = localTime
        return Self.ascii(capacity: 10) { $0.date(local.year, local.month, local.day) }
    }

    /// The time as the signer's clock showed it. A commit can claim any time
    /// at all; it is clamped to what the format can say (years 0000-9999)
    /// instead of overflowing.
    private var localTime: (year: Int, month: Int, day: Int, seconds: Int, offsetMinutes: Int) {
        let offsetMinutes = max(-Self.maxOffsetMinutes, min(Self.maxOffsetMinutes, offsetMinutes))
        let time = max(Self.earliest, min(Self.latest, time))
        let local = max(Self.earliest, min(Self.latest, time + Int64(offsetMinutes) * 60))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        return (year, month, day, Int(local - days * 86_400), offsetMinutes)
    }

    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    private static let earliest: Int64 = -62_167_219_200
    private static let latest: Int64 = 253_402_300_799
    /// Git writes offsets as ±HHMM.
    private static let maxOffsetMinutes = 99 * 60 + 99

    /// ASCII text of at most `capacity` bytes, written by `body`.
    private static func ascii(capacity: Int, _ body: (inout DateText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var text = DateText(buffer: buffer)
            body(&text)
            return text.count
        }
    }

    /// Appends the digits and separators of a date into a fixed buffer.
    private struct DateText {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func byte(_ character: Unicode.Scalar) {
            buffer[count] = UInt8(ascii: character)
            count += 1
        }

        /// A non-negative number, with zeros in front up to `width` digits.
        mutating func digits(_ value: Int, _ width: Int) {
            var length = 1
            var rest = value / 10
            while rest > 0 {
                length += 1
                rest /= 10
            }
            length = max(length, width)
            var value = value
            for position in stride(from: count + length - 1, through: count, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            count += length
        }

        mutating func date(_ year: Int, _ month: Int, _ day: Int) {
            digits(year, 4)
            byte("-")
            digits(month, 2)
            byte("-")
            digits(day, 2)
        }
    }

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
}
