import Testing
import GitKit

@Suite struct ObjectIDTests {
    @Test func acceptsFullHexAndNormalisesCase() throws {
        let id = try #require(ObjectID(hex: "F3954314C1026028E77EA3A765AADEFA67B45195"))
        #expect(id.hex == "f3954314c1026028e77ea3a765aadefa67b45195")
        #expect(id.description == id.hex)
        #expect(id.short == "f395431")
        #expect(id == ObjectID(hex: "f3954314c1026028e77ea3a765aadefa67b45195"))
    }

    @Test(arguments: [
        "", "f395431", "f3954314c1026028e77ea3a765aadefa67b4519",
        "f3954314c1026028e77ea3a765aadefa67b451950", "g3954314c1026028e77ea3a765aadefa67b45195",
        " 3954314c1026028e77ea3a765aadefa67b45195",
    ])
    func rejectsAnythingButFortyHexDigits(_ text: String) {
        #expect(ObjectID(hex: text) == nil)
    }

    @Test func ordersByHex() throws {
        let low = try #require(ObjectID(hex: "09776f60102ecdeab44f6ff433a73289f04d5c6a"))
        let high = try #require(ObjectID(hex: "a0956ca783dae8309213581f913a142a07ebaea7"))
        #expect(low < high)
        #expect(!(high < low))
        #expect([high, low].sorted() == [low, high])
    }
}
