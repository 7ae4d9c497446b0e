import GitKit

/// Epoch seconds to and from calendar text in UTC, without Foundation's formatters:
/// drafts must read the same on every machine, whatever its time zone or locale.
/// Formatting goes through GitKit's `Signature.iso8601`, which commit dates already use.
public enum UTCTime {
    /// `2024-03-05 14:02`.
    public static func minute(_ epoch: Int) -> String {
        let text = iso8601(epoch)
        return text.prefix(10) + " " + text.dropFirst(11).prefix(5)
    }

    /// `14:02`.
    public static func clock(_ epoch: Int) -> String { String(iso8601(epoch).dropFirst(11).prefix(5)) }

    /// `2024-03-05`.
    public static func day(_ epoch: Int) -> String { String(iso8601(epoch).prefix(10)) }

    /// `2024-03-05-1402`, for file names.
    public static func fileStamp(_ epoch: Int) -> String {
        let text = iso8601(epoch)
        return text.prefix(10) + "-" + text.dropFirst(11).prefix(2) + text.dropFirst(14).prefix(2)
    }

    /// `2024-03-05T14:02:00+00:00`.
    private static func iso8601(_ epoch: Int) -> String {
        Signature(name: "", email: "", time: Int64(epoch), offsetMinutes: 0).iso8601
    }

    /// Reads `2024-03-05`, `2024-03-05T14:02`, `2024-03-05 14:02:30`, each optionally
    /// followed by `Z` or an offset such as `+01:00`; nil for anything else.
    public static func parse(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), bytes.count >= 10, bytes[4] == 0x2D, let month = digits(5, 2), bytes[7] == 0x2D,
              let day = digits(8, 2), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = 0
        var index = 10
        if index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") {
            guard let hour = digits(index + 1, 2), hour < 24, index + 3 < bytes.count, bytes[index + 3] == 0x3A,
                  let minute = digits(index + 4, 2), minute < 60 else { return nil }
            seconds = hour * 3600 + minute * 60
            index += 6
            if index < bytes.count, bytes[index] == 0x3A {
                guard let second = digits(index + 1, 2), second < 60 else { return nil }
                seconds += second
                index += 3
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "Z") {
            index += 1
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard let hours = digits(index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == 0x3A,
                  let minutes = digits(index + 4, 2), hours < 24, minutes < 60 else { return nil }
            let offset = hours * 3600 + minutes * 60
            seconds -= bytes[index] == UInt8(ascii: "+") ? offset : -offset
            index += 6
        }
        guard index == bytes.count else { return nil }
        return daysFromCivil(year: year, month: month, day: day) * 86_400 + seconds
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's `days_from_civil`: days since 1970-01-01 of a proleptic Gregorian date.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
