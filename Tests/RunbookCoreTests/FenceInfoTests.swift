@testable import RunbookCore
import Testing

@Suite struct FenceInfoTests {
    @Test func bracePairsForm() {
        let info = FenceInfo("bash {name=member-list timeout=30s confirm}")
        #expect(info.language == "bash")
        #expect(info.isShell)
        #expect(info.attributes == ["name": "member-list", "timeout": "30s", "confirm": "true"])
        #expect(info.error == nil)
    }

    @Test func jsonForm() {
        let info = FenceInfo(#"sh {"name":"x","timeout":"30s","retries":3,"excludeFromRunAll":true}"#)
        #expect(info.attributes == ["name": "x", "timeout": "30s", "retries": "3", "excludeFromRunAll": "true"])
    }

    @Test func quotedValuesAndListValues() {
        let info = FenceInfo(#"bash {name="restart api" depends=a,b}"#)
        #expect(info.attributes == ["name": "restart api", "depends": "a,b"])
    }

    @Test func languageIsCaseInsensitiveAndMayTouchTheBrace() {
        #expect(FenceInfo("Console{name=x}").language == "console")
        #expect(FenceInfo("shell-session").isSession)
        #expect(!FenceInfo("python").isShell)
    }

    @Test(arguments: [#"bash {"name": }"#, "bash {name=\"open}", "bash {=x}"])
    func malformedAttributesAreReported(_ info: String) {
        #expect(FenceInfo(info).error != nil)
    }
}
