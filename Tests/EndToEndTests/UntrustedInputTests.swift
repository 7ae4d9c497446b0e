import Foundation
import Testing

/// Runbooks come from pull requests: any byte sequence must get a clear
/// diagnostic, never a crash or a hang.
@Suite("lint on untrusted input")
struct UntrustedInputTests {
    @Test("a file that is not UTF-8 is reported with the line of the first bad byte")
    func notUTF8() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/latin1.md", bytes: Data("# DNS\n## Summary\nCaf".utf8 + [0xE9] + Data(" au lait\n".utf8)))
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == [
            Fixtures.unreadable("runbooks/latin1.md", "file is not valid UTF-8 text (first bad byte on line 3); save it as UTF-8"),
        ], "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 2, errors: 1)], "\(result)")
    }

    @Test("a binary file named .md is reported as binary, in every source")
    func binary() async throws {
        let repo = try await FixtureRepository()
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        png.append(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }))
        try repo.write("runbooks/diagram.md", bytes: png)
        try await repo.commitAll("Add a picture by mistake")
        let expected = [Fixtures.unreadable("runbooks/diagram.md", "file is binary, not Markdown text")]
        for arguments in [["lint"], ["lint", "runbooks/diagram.md"], ["lint", "--rev", "HEAD"]] {
            let result = try await repo.runbook(arguments)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stdoutLines == expected, "\(arguments): \(result)")
        }
    }

    @Test("a file over max_file_size is reported, not parsed, in every source")
    func overSizeLimit() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "max_file_size: 1KB\n")
        let big = Fixtures.valid() + String(repeating: "Padding line that makes the runbook long.\n", count: 30)
        let size = big.utf8.count
        try repo.write("runbooks/big.md", big)
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.git(["add", "-A"])
        let expected = [Fixtures.unreadable(
            "runbooks/big.md", "file is \(size) bytes, over the limit of 1000 (max_file_size in runbook.yml)")]
        for arguments in [["lint"], ["lint", "runbooks/big.md"], ["lint", "--staged"]] {
            let result = try await repo.runbook(arguments)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stdoutLines == expected, "\(arguments): \(result)")
        }
        try await repo.commitAll("Add a big runbook")
        let revision = try await repo.runbook("lint", "--rev", "HEAD")
        #expect(revision.status == 1, "\(revision)")
        #expect(revision.stdoutLines == expected, "\(revision)")
    }

    @Test("a real 50 MB file at the default limit is reported, not loaded")
    func fiftyMegabytes() async throws {
        let repo = try await FixtureRepository()
        let size = 50 * 1024 * 1024 + 1
        var line = Data("The same line again and again, fifty megabytes of it.\n".utf8)
        var data = Data(capacity: size)
        while data.count + line.count <= size { data.append(line) }
        line = Data(repeating: UInt8(ascii: "x"), count: size - data.count)
        data.append(line)
        try repo.write("runbooks/huge.md", bytes: data)
        try repo.write("runbooks/dns.md", Fixtures.valid())

        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.count == 1, "\(result)")
        let line0 = result.stdoutLines.first ?? ""
        #expect(line0.hasPrefix("runbooks/huge.md:1:1: error: file is \(size) bytes, over the limit of "), "\(result)")
        #expect(line0.hasSuffix(" (max_file_size in runbook.yml) [unreadable-file]"), "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 2, errors: 1)], "\(result)")
    }

    @Test("10,000 levels of nesting parse without overflowing the stack, and text after them is still checked",
          arguments: [
            Nesting(name: "block quotes", prefix: "> ", column: 20001),
            Nesting(name: "bullet lists", prefix: "- ", column: 20001),
            Nesting(name: "ordered lists", prefix: "1. ", column: 30001),
            Nesting(name: "quotes in lists", prefix: "- > ", column: 40001),
          ])
    func deepNesting(nesting: Nesting) async throws {
        let repo = try await FixtureRepository()
        // The placeholder sits in the innermost paragraph: finding it at the right column proves the whole tree was walked.
        let deep = String(repeating: nesting.prefix, count: 10_000) + "TODO deep"
        try repo.write("runbooks/deep.md", Fixtures.withSymptoms(deep))
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == [Fixtures.placeholderLine("runbooks/deep.md", column: nesting.column)], "\(result)")
    }

    struct Nesting: Sendable, CustomTestStringConvertible {
        var name: String
        var prefix: String
        var column: Int
        var testDescription: String { name }
    }

    @Test("10,000 nested block quotes alone: every section missing, no crash")
    func onlyQuotes() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/quotes.md", String(repeating: ">", count: 10_000) + " deep\n")
        let result = try await repo.runbook("lint", "--format", "json")
        #expect(result.status == 1, "\(result)")
        let problems = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(problems?.compactMap { $0["rule"] as? String }.sorted() == ["missing-section", "missing-section", "missing-section", "missing-section", "missing-section", "missing-section", "missing-title"], "\(result)")
    }

    @Test("an empty file: every section missing and no title")
    func emptyFile() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/empty.md", "")
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.allSectionsMissing("runbooks/empty.md") + [Fixtures.missingTitle("runbooks/empty.md")], "\(result)")
    }

    @Test("a file that is only front matter: the title counts, every section is missing")
    func onlyFrontMatter() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/stub.md", "---\ntitle: DNS resolution fails\nowner: team-net\n---\n")
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.allSectionsMissing("runbooks/stub.md"), "\(result)")
    }

    @Test("front matter never closed is reported at line 1")
    func unclosedFrontMatter() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/open.md", "---\ntitle: DNS\n" + Fixtures.valid().split(separator: "\n", maxSplits: 6)[6])
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.contains(Fixtures.badFrontMatter(
            "runbooks/open.md", line: 1, column: 1, "front matter opened on line 1 is never closed with a '---' line")), "\(result)")
    }

    @Test("invalid YAML front matter is reported where it breaks; the body is still checked")
    func invalidFrontMatter() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid().replacingOccurrences(of: "owner: team-net", with: "owner: [team-net"))
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == [Fixtures.badFrontMatter(
            "runbooks/dns.md", line: 4, column: 9,
            "invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'")], "\(result)")
    }

    @Test("a YAML alias bomb (billion laughs) in front matter is refused quickly with a clear message")
    func billionLaughs() async throws {
        let repo = try await FixtureRepository()
        var lines = [#"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        try repo.write("runbooks/dns.md", Fixtures.valid().replacingOccurrences(
            of: "owner: team-net", with: "owner: team-net\n" + lines.joined(separator: "\n")))
        try await repo.commitAll("Laugh")
        for arguments in [["lint"], ["lint", "--rev", "HEAD"]] {
            let result = try await repo.runbook(arguments)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(!result.timedOut)
            #expect(result.stdoutLines == [Fixtures.badFrontMatter(
                "runbooks/dns.md", line: 4, column: 8,
                "YAML expands to more than 20000 values (aliases repeating a large value?)")], "\(arguments): \(result)")
        }
    }

    @Test("front matter nested 10,000 brackets deep is refused")
    func deepFrontMatter() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid().replacingOccurrences(
            of: "owner: team-net", with: "owner: team-net\ntags: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)))
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.count == 1, "\(result)")
        #expect(result.stdoutLines.first?.hasPrefix("runbooks/dns.md:4:") == true, "\(result)")
        #expect(result.stdoutLines.first?.hasSuffix("[bad-front-matter]") == true, "\(result)")
    }

    @Test("a symlink in the working tree is reported, never followed")
    func symlinkOnDisk() async throws {
        let repo = try await FixtureRepository()
        // The link points at a valid runbook outside the repository: following it would pass.
        try Fixtures.valid().write(toFile: repo.sandbox + "/outside.md", atomically: true, encoding: .utf8)
        try repo.symlink("runbooks/linked.md", to: repo.sandbox + "/outside.md")
        try repo.symlink("runbooks/secrets.md", to: "/etc/passwd")
        try repo.symlink("runbooks/dangling.md", to: "nowhere.md")
        // A link to a folder (here a loop) must not be walked into.
        try repo.symlink("runbooks/loop", to: ".")
        try repo.write("runbooks/dns.md", Fixtures.valid())

        let expected = ["dangling", "linked", "secrets"].map {
            Fixtures.unreadable("runbooks/\($0).md", Fixtures.symlinkReason)
        }
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == expected, "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 4, errors: 3)], "\(result)")

        let explicit = try await repo.runbook("lint", "runbooks/linked.md", "runbooks/dangling.md")
        #expect(explicit.status == 1, "\(explicit)")
        #expect(explicit.stdoutLines == [expected[0], expected[1]], "\(explicit)")

        let folder = try await repo.runbook("lint", "runbooks")
        #expect(folder.stdoutLines == expected, "\(folder)")
        #expect(!folder.stdout.contains("root:"), "the target's content never appears")
    }

    @Test("a committed symlink is reported with unreadable-file by --rev and --staged")
    func committedSymlink() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        try repo.symlink("runbooks/alias.md", to: "dns.md")
        try await repo.add("runbooks/alias.md")
        let expected = [Fixtures.unreadable("runbooks/alias.md", Fixtures.symlinkReason)]

        let staged = try await repo.runbook("lint", "--staged")
        #expect(staged.status == 1, "\(staged)")
        #expect(staged.stdoutLines == expected, "\(staged)")

        try await repo.commitAll("Link it")
        let revision = try await repo.runbook("lint", "--rev", "HEAD")
        #expect(revision.status == 1, "\(revision)")
        #expect(revision.stdoutLines == expected, "\(revision)")
        #expect(revision.stderrLines == [Fixtures.summary(runbooks: 2, errors: 1)], "\(revision)")
    }

    @Test("a path with spaces and non-ASCII letters is reported correctly in every format and source")
    func unusualPaths() async throws {
        let repo = try await FixtureRepository()
        let path = "runbooks/équipe réseau/dns ünïcode.md"
        try repo.write(path, Fixtures.broken)
        try repo.write("runbooks/ok.md", Fixtures.valid())
        try await repo.git(["add", "-A"])

        let sources: [[String]] = [[], [path], ["runbooks/équipe réseau"], ["--staged"]]
        for source in sources {
            let text = try await repo.runbook(["lint"] + source)
            #expect(text.status == 1, "\(source): \(text)")
            #expect(text.stdoutLines == Fixtures.brokenLines(path), "\(source): \(text)")
        }
        try await repo.commitAll("Add the network team's runbook")
        let revision = try await repo.runbook("lint", "--rev", "HEAD")
        #expect(revision.stdoutLines == Fixtures.brokenLines(path), "\(revision)")

        let json = try await repo.runbook("lint", "--rev", "HEAD", "--format", "json")
        let problems = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(problems?.compactMap { $0["path"] as? String } == [path, path], "\(json)")

        let sarif = try await repo.runbook("lint", "--format", "sarif")
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        let results = (log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        let uris = results.map { SARIFResult($0).uri }
        // SARIF locations are URI references: each segment percent-encoded (UTF-8), which decodes back to the path.
        #expect(uris == Array(repeating: "runbooks/%C3%A9quipe%20r%C3%A9seau/dns%20%C3%BCn%C3%AFcode.md", count: 2), "\(sarif)")
        #expect(uris.compactMap { $0?.removingPercentEncoding } == [path, path])

        let github = try await repo.runbook("lint", "--format", "github")
        #expect(github.stdoutLines == [
            "::error file=\(path),line=1,col=1,title=missing-section::\(Fixtures.missingEscalation)",
            "::error file=\(path),line=15,col=1,title=too-few-commands::\(Fixtures.tooFewDiagnosis)",
        ], "\(github)")
    }

    @Test("GitHub annotations escape commas and colons in paths")
    func githubEscaping() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/a,b:c.md", Fixtures.broken)
        let result = try await repo.runbook("lint", "--format", "github")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.first == "::error file=runbooks/a%2Cb%3Ac.md,line=1,col=1,title=missing-section::\(Fixtures.missingEscalation)", "\(result)")
    }

    @Test("a CRLF runbook is as good as an LF one")
    func crlf() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid().replacingOccurrences(of: "\n", with: "\r\n"))
        try repo.write("runbooks/broken.md", Fixtures.broken.replacingOccurrences(of: "\n", with: "\r\n"))
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/broken.md"), "\(result)")
    }

    @Test("a UTF-8 byte order mark does not hide the front matter")
    func byteOrderMark() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", bytes: Data([0xEF, 0xBB, 0xBF]) + Data(Fixtures.valid().utf8))
        let result = try await repo.runbook("lint")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }
}
