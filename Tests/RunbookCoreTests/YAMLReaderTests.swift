@testable import RunbookCore
import Testing

@Suite struct YAMLReaderTests {
    @Test func valuesKeepFileLines() throws {
        let value = try YAMLReader.read("title: x\ntags: [a, b]\n", firstLine: 2)
        #expect(value["title"]?.scalar == "x")
        #expect(value["title"]?.line == 2)
        #expect(value["tags"]?.scalarList == ["a", "b"])
        #expect(value["tags"]?.line == 3)
    }

    @Test func syntaxErrorsPointAtTheFileLine() {
        #expect(throws: YAMLError.self) { try YAMLReader.read("a: [1, 2\nb: c\n", firstLine: 5) }
        do {
            _ = try YAMLReader.read("a: b\n  c: : d\n", firstLine: 5)
            Issue.record("expected an error")
        } catch {
            #expect(error.line >= 5)
            #expect(error.message.contains("invalid YAML"))
        }
    }

    @Test func anAliasBombStopsQuickly() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...12 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        #expect {
            try YAMLReader.read(yaml)
        } throws: { error in
            (error as? YAMLError)?.message.contains("more than") == true
        }
    }

    @Test(arguments: ["? *a8\n", "*a8 : x\n", "{*a8: x}\n", "- *a8: x\n", "[*a8]: x\n", "? [*a8, *a8]\n: x\n", "x: {[*a8]: y}\n", "note: don't\n*a8 : x\n"])
    func aliasesAsKeysAreRefused(_ key: String) {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n"
        }
        #expect(throws: YAMLError.self) { try YAMLReader.read("root:\n" + yaml.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n" + key) }
    }

    @Test func aliasesAsValuesAreFine() throws {
        let value = try YAMLReader.read("base: &base [a, b]\ntags: *base\nnote: 'a *star: inside'\nq: what? yes\nlist: [a, b]\n")
        #expect(value["tags"]?.scalarList == ["a", "b"])
    }

    @Test func deepNestingIsRefusedBeforeParsing() {
        let yaml = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        #expect(throws: YAMLError.self) { try YAMLReader.read(yaml) }
        let dashes = String(repeating: "- ", count: 5_000) + "x\n"
        #expect(throws: YAMLError.self) { try YAMLReader.read(dashes) }
    }

    @Test func duplicateKeysAreErrors() {
        #expect(throws: YAMLError.self) { try YAMLReader.read("a: 1\na: 2\n") }
    }
}
