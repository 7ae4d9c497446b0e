import MarkdownKit
import Testing

@Suite struct MarkdownDocumentTests {
    @Test func headingsKeepLevelTextAndPosition() {
        let document = MarkdownDocument.parse("# Title\n\ntext\n\n## Diagnosis `now`\n")
        let headings = document.nodes.indices.filter {
            if case .heading = document.nodes[$0].kind { return true }
            return false
        }
        #expect(headings.count == 2)
        #expect(document.nodes[headings[0]].kind == .heading(level: 1))
        #expect(document.plainText(of: headings[1]) == "Diagnosis now")
        #expect(document.nodes[headings[1]].start == SourceLocation(line: 5, column: 1))
    }

    @Test func lineOffsetShiftsEveryPosition() {
        let document = MarkdownDocument.parse("## Summary\n", lineOffset: 7)
        #expect(document.nodes[1].start == SourceLocation(line: 8, column: 1))
    }

    @Test func fencedCodeKeepsInfoAndLiteral() throws {
        let document = MarkdownDocument.parse("```bash {name=x}\necho hi\n```\n\n    indented\n")
        let blocks = document.nodes.filter { $0.kind == .codeBlock }
        #expect(blocks.count == 2)
        #expect(blocks[0].info == "bash {name=x}")
        #expect(blocks[0].literal == "echo hi\n")
        #expect(blocks[0].isFenced)
        #expect(!blocks[1].isFenced)
    }

    @Test func gfmExtensionsAreOn() {
        let document = MarkdownDocument.parse("- [ ] open\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\nsee https://example.com\n")
        let kinds = document.nodes.map(\.kind)
        #expect(kinds.contains(.taskItem(checked: false)))
        #expect(kinds.contains(.taskItem(checked: true)))
        #expect(kinds.contains(.table))
        #expect(kinds.contains(.tableRow(header: true)))
        #expect(kinds.contains(.strikethrough))
        #expect(document.nodes.contains { $0.kind == .link && $0.url == "https://example.com" })
    }

    @Test func subtreesAndChildrenAreConsistent() {
        let document = MarkdownDocument.parse("> quote *em*\n\n- a\n- b\n")
        #expect(document.nodes[0].kind == .document)
        #expect(document.nodes[0].end == document.nodes.count)
        let children = document.children(of: 0)
        #expect(children.map { document.nodes[$0].kind } == [.blockQuote, .list(ordered: false)])
        for (index, node) in document.nodes.enumerated() where node.parent >= 0 {
            #expect(document.nodes[node.parent].end >= node.end)
            #expect(node.parent < index)
        }
    }

    @Test func autolinkWithoutPositionFallsBackToParent() {
        let document = MarkdownDocument.parse("text\n\nsee https://example.com here\n")
        let link = document.nodes.firstIndex { $0.kind == .link }!
        #expect(document.location(of: link).line == 3)
    }

    /// Deep nesting must neither overflow the stack while converting nor while freeing.
    @Test(arguments: [
        String(repeating: ">", count: 10_000) + " deep\n",
        (0..<10_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined(),
    ])
    func deepNestingIsHandled(_ text: String) {
        let document = MarkdownDocument.parse(text)
        #expect(document.nodes.count > 1)
        #expect(document.nodes.map(\.depth).max()! > 10)
    }

    @Test func parsingOnManyThreadsAtOnceIsSafe() async {
        await withTaskGroup(of: Int.self) { group in
            for index in 0..<64 {
                group.addTask { MarkdownDocument.parse("# T\n\n*x* ~~y~~ | \(index)\n\n- [ ] z\n").nodes.count }
            }
            var counts: Set<Int> = []
            for await count in group { counts.insert(count) }
            #expect(counts.count == 1)
        }
    }
}

@Suite struct HeadingSluggerRepeatTests {
    @Test func manyRepeatsOfOneHeadingGetIncreasingSuffixes() {
        var slugger = HeadingSlugger()
        let slugs = (0..<20_000).map { _ in slugger.slug(for: "") }
        #expect(slugs.prefix(3) == ["heading", "heading-1", "heading-2"])
        #expect(slugs.last == "heading-19999")
        #expect(Set(slugs).count == slugs.count)
    }
}
