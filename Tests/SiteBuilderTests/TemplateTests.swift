import Testing
@testable import SiteBuilder

@Suite struct TemplateTests {
    private func render(_ source: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var library = ["page": try Template(source, file: "page.mustache")]
        for (name, text) in partials { library[name] = try Template(text, file: name + ".mustache") }
        var renderer = TemplateRenderer(library: library, stack: [context], capacity: 0)
        renderer.render(template: "page")
        return String(decoding: renderer.output, as: UTF8.self)
    }

    private func failure(_ source: String) -> String {
        do {
            _ = try Template(source, file: "page.mustache")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func variablesAreEscapedUnlessTripled() throws {
        let context: TemplateValue = ["html": "<a href='x'>\"&\"</a>", "count": 3, "yes": true]
        #expect(try render("{{html}}|{{{html}}}|{{&html}}|{{ count }}|{{yes}}|{{missing}}", context)
            == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;|<a href='x'>\"&\"</a>|<a href='x'>\"&\"</a>|3|true|")
    }

    @Test func sectionsIterateListsAndEnterObjects() throws {
        let context: TemplateValue = [
            "items": [["name": "a"], ["name": "b"]], "empty": [], "person": ["name": "Ann"], "flag": true, "off": false,
            "blank": "", "zero": 0, "title": "T",
        ]
        #expect(try render("{{#items}}<{{name}}{{title}}>{{/items}}{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", context)
            == "<aT><bT>none")
        #expect(try render("{{#person}}{{name}}{{/person}} {{person.name}} {{#flag}}on{{/flag}}{{#off}}x{{/off}}{{^off}}off{{/off}}", context)
            == "Ann Ann onoff")
        #expect(try render("{{#blank}}x{{/blank}}{{^blank}}b{{/blank}}{{#zero}}x{{/zero}}{{^zero}}z{{/zero}}", context) == "bz")
        #expect(try render("{{#items.length}}<ul>{{#items}}<li>{{.}}{{name}}</li>{{/items}}</ul>{{/items.length}}{{#empty.length}}x{{/empty.length}}", context)
            == "<ul><li>a</li><li>b</li></ul>")
        #expect(try render("{{#items}}{{items.length}}{{/items}}", context) == "22")
    }

    @Test func dottedNamesClimbOnlyForTheirFirstPart() throws {
        let context: TemplateValue = ["a": ["b": ["c": "deep"]], "c": "outer", "list": [["x": 1]]]
        #expect(try render("{{a.b.c}} {{#a.b}}{{c}}{{/a.b}} {{#list}}{{a.b.c}}{{/list}} {{a.x.c}}", context) == "deep deep deep ")
    }

    @Test func standaloneTagLinesLeaveNoBlankLines() throws {
        let source = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(source, ["items": ["x", "y"]]) == "<ul>\n  <li>x</li>\n  <li>y</li>\n</ul>\n")
        #expect(try render("a {{#t}}b{{/t}} c\n", ["t": true]) == "a b c\n")
    }

    @Test func partialsAndInheritance() throws {
        let partials = [
            "item": "<i>{{name}}</i>",
            "layout": "<title>{{$title}}Site{{/title}}</title><main>{{$main}}empty{{/main}}</main>{{>item}}",
            "middle": "{{<layout}}{{$title}}Middle{{/title}}{{$main}}middle{{/main}}{{/layout}}",
        ]
        #expect(try render("{{<layout}}{{$main}}page {{name}}{{/main}}ignored{{/layout}}", ["name": "N"], partials: partials)
            == "<title>Site</title><main>page N</main><i>N</i>")
        // The outermost page's blocks win over the ones of the parent it extends.
        #expect(try render("{{<middle}}{{$title}}Page{{/title}}{{/middle}}", ["name": "N"], partials: partials)
            == "<title>Page</title><main>middle</main><i>N</i>")
    }

    @Test func delimitersCanChange() throws {
        #expect(try render("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}", ["name": "x"]) == "x {{name}} x")
    }

    @Test func errorsNameTheFileLineAndColumn() {
        #expect(failure("a\n  {{#open}}\nb") == "site-template/page.mustache:2:3: error: {{#open}} is never closed")
        #expect(failure("{{#a}}\n{{/b}}") == "site-template/page.mustache:2:1: error: {{/b}} does not match {{#a}} opened on line 1")
        #expect(failure("x\n{{/a}}") == "site-template/page.mustache:2:1: error: {{/a}} closes nothing")
        #expect(failure("ok\nthen {{name") == "site-template/page.mustache:2:6: error: tag is never closed")
        #expect(failure("{{}}") == "site-template/page.mustache:1:1: error: tag has no name")
        #expect(failure("{{a b}}") == "site-template/page.mustache:1:1: error: tag name 'a b' contains a space")
        #expect(failure("{{a..b}}") == "site-template/page.mustache:1:1: error: malformed name 'a..b'")
        #expect(failure("{{=<%>=}}") == "site-template/page.mustache:1:1: error: set-delimiter tag needs two delimiters, like {{=<% %>=}}")
        let deep = String(repeating: "{{#a}}", count: 101) + String(repeating: "{{/a}}", count: 101)
        #expect(failure(deep) == "site-template/page.mustache:1:601: error: sections are nested more than 100 deep")
    }
}
