import Testing
@testable import SiteBuilder

@Suite struct SiteTemplateTests {
    private func failure(_ overrides: [String: String]) -> String {
        do {
            _ = try SiteTemplate(overrides: overrides.mapValues { Array($0.utf8) })
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func overridesReplaceTemplatesAndAddAssets() throws {
        let overrides = [
            "step.mustache": Array("<div class=\"my-step\">{{name}}</div>{{{code}}}".utf8),
            "assets/logo.png": [0x89, 0x50, 0x4E, 0x47],
            "README.md": Array("ignored".utf8),
        ]
        let files = try TestCatalog.render(TestCatalog.standard, overrides: overrides)
        #expect(try #require(files["runbooks/etcd/no-leader/index.html"]).contains("<div class=\"my-step\">member-list</div><pre><code"))
        #expect(files["assets/logo.png"] != nil)
        #expect(files["README.md"] == nil)
        #expect(files["assets/site.css"] != nil)
    }

    @Test func aParentInsideItsOwnBlockIsAnErrorNotAStackOverflow() {
        let message = failure(["tag.mustache": "{{<layout}}{{$main}}{{<layout}}{{/layout}}{{/main}}{{/layout}}"])
        #expect(message.hasPrefix("site-template/tag.mustache: error: partials, parents and blocks expand more than 64 deep"),
                "\(message)")
    }

    @Test func badTemplatesAreClearErrors() {
        #expect(failure(["runbook.mustache": "<h1>\n{{#runbook}}{{title}}\n"])
            == "site-template/runbook.mustache:2:1: error: {{#runbook}} is never closed")
        #expect(failure(["tag.mustache": "{{>nope}}"])
            == "site-template/tag.mustache:1:1: error: partial 'nope' does not exist (no nope.mustache)")
        #expect(failure(["a.mustache": "{{>b}}", "b.mustache": "x\n {{>a}}"])
            == "site-template/a.mustache:1:1: error: partials include each other endlessly: a → b → a")
        #expect(failure(["step.mustache": "{{>step}}"])
            == "site-template/step.mustache:1:1: error: partials include each other endlessly: step → step")
    }

    @Test func unreadableTemplatesAndUnsafeAssetPathsAreRefused() {
        do {
            _ = try SiteTemplate(overrides: ["index.mustache": [0xFF, 0xFE]])
            Issue.record("accepted a template that is not UTF-8")
        } catch {
            #expect("\(error)" == "site-template/index.mustache: error: template is not valid UTF-8 text")
        }
        let pathError = "asset path must be made of letters, digits, '-', '_' and '.' (not starting with '.') separated by '/'"
        #expect(failure(["assets/../../x.css": ""]) == "site-template/assets/../../x.css: error: " + pathError)
        #expect(failure(["assets/.hidden": ""]) == "site-template/assets/.hidden: error: " + pathError)
        #expect(failure(["assets/a b.css": ""]) == "site-template/assets/a b.css: error: " + pathError)
        #expect(failure(["assets/SITE.css": ""])
            == "site-template/assets/site.css: error: differs from assets/SITE.css only in case; one would overwrite the other")
    }
}
