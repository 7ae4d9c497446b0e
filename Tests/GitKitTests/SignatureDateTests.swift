import Foundation
import Testing
import GitKit

@Suite struct SignatureDateTests {
    @Test func datesAreFormattedInTheRecordedOffset() {
        #expect(Signature(name: "a", email: "b", time: 1_704_067_200, offsetMinutes: 60).iso8601 == "2024-01-01T01:00:00+01:00")
        #expect(Signature(name: "a", email: "b", time: 0, offsetMinutes: -330).iso8601 == "1969-12-31T18:30:00-05:30")
        #expect(Signature(name: "a", email: "b", time: 0, offsetMinutes: -330).day == "1969-12-31")
    }

    @Test func absurdTimesAndOffsetsFromACommitAreClampedNotOverflowed() {
        #expect(Signature(name: "a", email: "b", time: .max, offsetMinutes: 1).iso8601 == "9999-12-31T23:59:59+00:01")
        #expect(Signature(name: "a", email: "b", time: .min, offsetMinutes: .min).iso8601 == "0000-01-01T00:00:00-100:39")
        #expect(Signature(name: "a", email: "b", time: .min, offsetMinutes: 0).day == "0000-01-01")
    }

    /// Foundation's Gregorian calendar, in the commit's offset, as the reference.
    @Test func agreesWithFoundationsCalendarOverCenturiesAndOffsets() throws {
        var generator = SplitMix(seed: 20_261_124)
        var calendar = Calendar(identifier: .gregorian)
        for _ in 0..<2000 {
            let time = Int64.random(in: -2_208_988_800...4_102_444_800, using: &generator)
            let offset = Int.random(in: -14 * 60...14 * 60, using: &generator)
            calendar.timeZone = try #require(TimeZone(secondsFromGMT: offset * 60))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(time)))
            let day = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            let expected = day + String(format: "T%02d:%02d:%02d%@%02d:%02d", parts.hour!, parts.minute!, parts.second!, offset < 0 ? "-" : "+", abs(offset) / 60, abs(offset) % 60)
            let signature = Signature(name: "a", email: "b", time: time, offsetMinutes: offset)
            #expect(signature.iso8601 == expected, "time \(time), offset \(offset)")
            #expect(signature.day == day, "time \(time), offset \(offset)")
        }
    }
}
