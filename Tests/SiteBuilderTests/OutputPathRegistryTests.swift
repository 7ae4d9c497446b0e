import Testing
@testable import SiteBuilder

@Suite struct OutputPathRegistryTests {
    /// SplitMix64: the same claims on every run.
    struct Dice {
        var state: UInt64

        mutating func roll(_ sides: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((value ^ (value >> 31)) % UInt64(sides))
        }
    }

    /// Few names, in both cases, with empty parts and names of files the
    /// registry hands out, so that claims collide in every way they can.
    private static let names = ["a", "A", "b", "index.html", "INDEX.html", "", "a-2", "É", "é", "e\u{301}"]

    /// Never malformed (`a//`): a parent whose folders are not as written could hide a file on the way and loop both.
    private static let parents = ["runbooks", "", "a", "A/b", "a/B"]

    private func path(_ dice: inout Dice) -> String {
        (0..<(1 + dice.roll(4))).map { _ in Self.names[dice.roll(Self.names.count)] }.joined(separator: "/")
    }

    @Test(arguments: 0..<20)
    func claimsTheSameAsTheStraightforwardRegistry(seed: UInt64) {
        var dice = Dice(state: seed)
        var registry = OutputPathRegistry()
        var reference = ReferencePathRegistry()
        for _ in 0..<400 {
            if dice.roll(3) == 0 {
                let file = path(&dice)
                // A page under a file could never be claimed, and both registries would loop.
                let folder = file.lowercased().split(separator: "/").joined(separator: "/")
                if Self.parents.contains(where: { $0.lowercased().hasPrefix(folder) }) { continue }
                let claimed = registry.claimFile(file)
                #expect(claimed == reference.claimFile(file), "claimFile(\(file))")
            } else {
                let parent = Self.parents[dice.roll(Self.parents.count)]
                // Segments never hold a `/`, as `PathSegment` makes them: a file on the way
                // inside the last one could not be flattened around, and both would loop.
                let segments: [String] = switch dice.roll(5) {
                case 0: []
                default: path(&dice).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                }
                let folder = registry.claimPage(under: parent, segments: segments)
                #expect(folder == reference.claimPage(under: parent, segments: segments), "claimPage(\(parent), \(segments))")
            }
        }
    }
}
