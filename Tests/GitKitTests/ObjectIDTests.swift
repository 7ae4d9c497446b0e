import Foundation
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

    @Test func rawBytesAreTheHexDigitsInPairs() throws {
        let hex = "0123456789abcdeffedcba9876543210a5c3e1f0"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.rawBytes.map { String(format: "%02x", $0) }.joined() == hex)
        #expect(id.rawBytes.withUnsafeBytes { ObjectID(rawBytes: $0) } == id)
        #expect(id.withRawBytes { Array($0) } == id.rawBytes)
    }

    @Test func readsTheSameIdFromBytes() throws {
        for text in ["F3954314C1026028E77EA3A765AADEFA67B45195", "0000000000000000000000000000000000000001"] {
            let id = Array(text.utf8).withUnsafeBytes(ObjectID.init(hexDigits:))
            #expect(id != nil && id == ObjectID(hex: text))
        }
        for text in ["f395431", "f3954314c1026028e77ea3a765aadefa67b4519x", "f3954314c1026028e77ea3a765aadefa67b451950"] {
            #expect(Array(text.utf8).withUnsafeBytes(ObjectID.init(hexDigits:)) == nil)
        }
    }

    @Test func ordersByHex() throws {
        let low = try #require(ObjectID(hex: "09776f60102ecdeab44f6ff433a73289f04d5c6a"))
        let high = try #require(ObjectID(hex: "a0956ca783dae8309213581f913a142a07ebaea7"))
        #expect(low < high)
        #expect(!(high < low))
        #expect([high, low].sorted() == [low, high])
    }

    /// SHA-256's first 160 bits (FIPS 180-2's test vectors), from any length of input.
    @Test func digestsAreSHA256Cut() {
        #expect(ObjectID(digesting: Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a3")
        #expect(ObjectID(digesting: []).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(ObjectID(digesting: million).hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48")
    }
}
