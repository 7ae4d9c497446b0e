/// Epoch seconds to and from calendar text in UTC, without Foundation's formatters:
/// drafts must read the same on every machine, whatever its time zone or locale.
public enum UTCTime {
    /// `2024-03-05 14:02`.
    public static func minute(_ epoch: Int) -> String {
        let (date, seconds) = split(epoch)
        return date + " " + pad(seconds / 3600) + ":" + pad(seconds % 3600 / 60)
    }

    /// `14:02`.
    public static func clock(_ epoch: Int) -> String {
        let seconds = split(epoch).seconds
        return pad(seconds / 3600) + ":" + pad(seconds % 3600 / 60)
    }

    /// `2024-03-05`.
    public static func day(_ epoch: Int) -> String { split(epoch).date }

    /// `2024-03-05-1402`, for file names.
    public static func fileStamp(_ epoch: Int) -> String {
        let (date, seconds) = split(epoch)
        return date + "-" + pad(seconds / 3600) + pad(seconds % 3600 / 60)
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

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func split(_ epoch: Int) -> (date: String, seconds: Int) {
        let days = epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400
        let seconds = epoch - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return (paddedYear + "-" + pad(month) + "-" + pad(day), seconds)
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

    /// The inverse, `civil_from_days`.
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
