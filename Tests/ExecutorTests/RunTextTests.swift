import Foundation
import Testing
@testable import Executor

@Suite struct RunTextTests {
    @Test(arguments: [
        (0.25, "250ms"), (2.04, "2.0s"), (59.96, "1m 00s"), (354, "5m 54s"), (7_500, "2h 05m"),
    ])
    func elapsedTime(seconds: Double, expected: String) {
        let start = Date(timeIntervalSince1970: 1_709_294_400)
        #expect(ElapsedTime.text(from: start, to: start + seconds) == expected)
    }

    @Test(arguments: [
        ("plain\ttext\n", "plain\ttext\n"),
        ("\u{1B}[2Jwiped", "^[[2Jwiped"),
        ("10%\r50%\r100%\r\n", "10%\n50%\n100%\n"),
        ("bell\u{07} del\u{7F} csi\u{9B}", "bell^G del^? csi\u{FFFD}"),
    ])
    func printableText(raw: String, printed: String) {
        #expect(PrintableText.clean(raw) == printed)
    }
}
