@testable import RunbookCore
import Testing

@Suite struct StepLimitsTests {
    @Test(arguments: [
        ("30s", Duration.seconds(30)), ("5m", .seconds(300)), ("1h30m", .seconds(5400)), ("500ms", .milliseconds(500)),
        ("90", .seconds(90)), ("1m30s", .seconds(90)),
    ])
    func durationsAreRead(text: String, expected: Duration) throws {
        #expect(try StepLimits(attributes: ["timeout": text]).timeout == expected)
    }

    @Test(arguments: ["", "soon", "5", "s", "10x", "-3s", "1.5s", "0s", "8d", "999999h", "5m3"])
    func nonsenseIsRefused(text: String) {
        let attributes = text == "5" ? ["retries": "five"] : ["timeout": text]
        #expect(throws: StepLimitsError.self) { try StepLimits(attributes: attributes) }
    }

    @Test func retriesAreCounted() throws {
        #expect(try StepLimits(attributes: ["retries": "2"]).retries == 2)
        #expect(try StepLimits(attributes: [:]) == StepLimits())
        #expect(throws: StepLimitsError.self) { try StepLimits(attributes: ["retries": "101"]) }
    }

    @Test func durationsAreWrittenAsRunbooksWriteThem() {
        #expect(StepLimits.text(.seconds(30)) == "30s")
        #expect(StepLimits.text(.seconds(5400)) == "1h30m")
        #expect(StepLimits.text(.milliseconds(500)) == "500ms")
    }
}
