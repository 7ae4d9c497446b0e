@testable import RunbookCore
import Testing

@Suite struct VariableReaderTests {
    private func parse(_ frontMatter: String) -> Runbook {
        RunbookParser(config: Config()).parse(path: "runbooks/x.md", bytes: Array("---\n\(frontMatter)\n---\n# X\n".utf8))
    }

    @Test func namesAndMappingsAreRead() {
        let runbook = parse("""
            variables:
              - NODE
              - name: NAMESPACE
                prompt: Which namespace?
                default: production
                pattern: '[a-z0-9-]+'
            """)
        #expect(runbook.metadata.variables == [
            RunbookVariable(name: "NODE"),
            RunbookVariable(name: "NAMESPACE", prompt: "Which namespace?", defaultValue: "production", pattern: "[a-z0-9-]+"),
        ])
        #expect(runbook.frontMatterError == nil)
    }

    @Test(arguments: [
        ("variables: NODE", 2, "'variables' must be a list"),
        ("variables:\n  - 9LIVES", 3, "variable name '9LIVES'"),
        ("variables:\n  - {name: A, colour: red}", 3, "unknown variable key 'colour'"),
        ("variables:\n  - {prompt: x}", 3, "a variable needs a 'name'"),
        ("variables:\n  - A\n  - A", 4, "declared twice"),
        ("variables:\n  - PATH", 3, "variable name 'PATH' is reserved"),
        ("variables:\n  - {name: RUNBOOK_STEP}", 3, "variable name 'RUNBOOK_STEP' is reserved"),
        ("variables:\n  - {name: A, pattern: '[a-'}", 3, "invalid pattern"),
        ("variables:\n  - {name: A, pattern: '[a-z]+', default: 'prod; rm'}", 3, "does not match its pattern"),
    ])
    func mistakesAreFrontMatterProblemsAtTheirLine(frontMatter: String, line: Int, message: String) throws {
        let error = try #require(parse(frontMatter).frontMatterError)
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func aPatternMustMatchTheWholeValue() {
        let variable = RunbookVariable(name: "NS", pattern: "[a-z]+|x")
        #expect(variable.accepts("prod"))
        #expect(!variable.accepts("prod; rm -rf ~"))
        #expect(!variable.accepts("x y"))
        #expect(RunbookVariable(name: "NS").accepts("anything at all"))
    }
}
