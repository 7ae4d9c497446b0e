import Testing
@testable import RunbookCore

@Suite("Config for authoring: drafts and noise")
struct AuthoringConfigTests {
    private func parse(_ yaml: String) throws(ConfigError) -> Config {
        try ConfigParser(path: "runbook.yml").parse(yaml)
    }

    @Test("defaults: drafts/ under the root, the built-in noise list")
    func defaults() throws {
        let config = try parse("")
        #expect(config.drafts == "drafts")
        #expect(config.noise == NoiseSettings())
    }

    @Test("drafts and noise are read")
    func read() throws {
        let config = try parse("drafts: ./incidents/drafts/\nnoise: {add: [k9s, btop], keep: [echo]}")
        #expect(config.drafts == "incidents/drafts")
        #expect(config.noise.add == ["k9s", "btop"])
        #expect(config.noise.keep == ["echo"])
    }

    @Test("bad values name the file, line and key", arguments: [
        ("drafts: ../outside", "runbook.yml:1:9: error: drafts: expected a folder relative to root"),
        ("drafts: /tmp/drafts", "runbook.yml:1:9: error: drafts: expected a folder relative to root"),
        ("noise: {add: [/usr/bin/k9s]}", "runbook.yml:1:14: error: noise.add: expected program names"),
        ("noise: {drop: [ls]}", "runbook.yml:1:9: error: noise.drop: unknown key; expected one of: add, keep"),
        ("noise: [ls]", "runbook.yml:1:8: error: noise: expected a mapping"),
    ])
    func errors(yaml: String, prefix: String) {
        #expect {
            try parse(yaml)
        } throws: { error in
            "\(error)".hasPrefix(prefix)
        }
    }
}
