import Foundation
import GitKit
import MarkdownKit
@testable import RunbookCore
import Testing

@Suite struct CheckedRunbookCacheTests {
    /// Every part of the model a record carries: front matter with every
    /// known key and nested custom fields, headings, sections, links and an
    /// image, command steps with attributes, a dangerous one, a checked manual
    /// step, a bad attribute, a placeholder and a link to nowhere.
    static let richText = """
        ---
        title: "etcd has no leader"
        id: etcd/no-leader
        owner: team-storage
        severity: critical
        status: approved
        autonomy: supervised
        tags: [etcd, core]
        alerts: [EtcdNoLeader]
        patterns: ['etcdserver: no leader']
        variables:
          - name: CLUSTER
            prompt: "Which cluster?"
            default: prod
            pattern: "[a-z]+"
          - name: NODE
        extra:
          nested:
            list: [1, two, null]
            empty:
          flag: true
        ---
        # etcd has no leader
        ## Summary
        The cluster lost its leader. See [the disk runbook](disk.md) and ![a graph](graph.png) and [gone](missing.md).
        ## Diagnosis
        ```bash {name=member-list timeout=30s confirm}
        etcdctl member list -w table
        etcdctl endpoint status
        ```
        ```bash {name=oops retries=lots}
        echo TODO
        ```
        ```bash {=x}
        echo unnamed
        ```
        ## Mitigation
        ```bash
        mkfs.ext4 /dev/sdb
        ```
        - [x] Confirm a leader was elected
        - [ ] Tell the channel
        """

    /// The runbook as a build checks it, with its own problems and dangerous steps.
    private static func checked(
        _ text: String, path: String = "runbooks/etcd.md", treePaths: Set<String> = ["runbooks/disk.md"]
    ) throws -> CheckedFile<KeptRunbook> {
        let linter = try Linter(config: Config())
        let file = SourceFile(path: path, bytes: Array(text.utf8), blob: try ObjectID(hashingBlob: Array(text.utf8)))
        let checked = linter.checkEach(count: 1, treePaths: treePaths, read: { _ in file }, reuse: { _ in nil }) { runbook in
            var kept = runbook
            kept.document = MarkdownDocument(nodes: [])
            return KeptRunbook(runbook: kept, dangerousSteps: linter.dangerousSteps(of: runbook))
        }
        return try #require(checked.first)
    }

    private static func roundTrip(_ checked: CheckedFile<KeptRunbook>) throws -> ReusedCheck<KeptRunbook> {
        var writer = BinaryWriter()
        RunbookRecord.write(problems: checked.problems, kept: try #require(checked.kept), to: &writer)
        return try writer.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            let read = try RunbookRecord.read(path: checked.path, from: &reader)
            #expect(reader.isAtEnd)
            return read
        }
    }

    /// Field by field: `Runbook` is not `Equatable` (its Markdown tree is not).
    private static func expectSame(_ read: ReusedCheck<KeptRunbook>, _ original: CheckedFile<KeptRunbook>) throws {
        #expect(read.problems == original.problems)
        #expect(RunbookSummary(read.runbook) == original.summary)
        let (a, b) = (read.kept, try #require(original.kept))
        #expect(a.dangerousSteps == b.dangerousSteps)
        #expect(read.runbook.path == b.runbook.path && a.runbook.path == b.runbook.path)
        let (x, y) = (a.runbook, b.runbook)
        #expect(x.path == y.path && x.id == y.id && x.title == y.title && x.titleLocation == y.titleLocation)
        #expect(x.metadata == y.metadata)
        #expect(x.frontMatterError == y.frontMatterError && x.unreadableReason == y.unreadableReason)
        #expect(x.headings == y.headings)
        #expect(x.sections == y.sections)
        #expect(x.links == y.links)
        #expect(x.steps == y.steps)
        #expect(x.attributeErrors == y.attributeErrors)
        #expect(x.bodyLine == y.bodyLine)
        #expect(x.document.nodes.isEmpty)
    }

    @Test func aRecordReadsBackAsTheParseAndProblems() throws {
        let original = try Self.checked(Self.richText)
        let kept = try #require(original.kept)
        // The sample must exercise what it claims to.
        #expect(kept.runbook.metadata.variables.count == 2 && kept.runbook.metadata.fields.count > 9)
        #expect(kept.runbook.links.contains { $0.isImage } && kept.runbook.steps.contains { $0.checked })
        #expect(!kept.runbook.attributeErrors.isEmpty && !kept.dangerousSteps.isEmpty)
        #expect(Set(original.problems.map(\.ruleID)).isSuperset(of: ["broken-link", "placeholder", "bad-step-attributes"]))
        try Self.expectSame(try Self.roundTrip(original), original)
    }

    @Test func aRecordKeepsAFrontMatterError() throws {
        let original = try Self.checked("---\ntitle: [unclosed\n---\n# Broken\n## Summary\ntext\n")
        #expect(original.kept?.runbook.frontMatterError != nil)
        try Self.expectSame(try Self.roundTrip(original), original)
    }

    @Test func aDamagedRecordIsRefusedNotMisread() throws {
        let original = try Self.checked(Self.richText)
        var writer = BinaryWriter()
        RunbookRecord.write(problems: original.problems, kept: try #require(original.kept), to: &writer)
        for length in stride(from: 0, to: writer.bytes.count, by: 7) {
            let cut = Array(writer.bytes.prefix(length))
            cut.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer)
                #expect((try? RunbookRecord.read(path: original.path, from: &reader)) == nil, "cut at \(length)")
            }
        }
    }

    // MARK: - The cache file

    private struct Fixture {
        let folder: String
        var path: String { folder + "/checked.cache" }
        let context = try! ObjectID(hashingBlob: Array("settings".utf8))

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("checked-\(UUID().uuidString)").path
        }

        func file(_ text: String, path: String = "runbooks/etcd.md") throws -> SourceFile {
            SourceFile(path: path, bytes: Array(text.utf8), blob: try ObjectID(hashingBlob: Array(text.utf8)))
        }

        /// Saves `texts` as one build's results, by path.
        func save(_ texts: [String: String], over cache: CheckedRunbookCache? = nil) throws {
            let paths = texts.keys.sorted()
            let checked = try paths.map { try CheckedRunbookCacheTests.checked(texts[$0]!, path: $0) }
            let blobs = try paths.map { try file(texts[$0]!, path: $0).blob }
            (cache ?? CheckedRunbookCache(loadingFrom: path, context: context)).save(checked, blobs: blobs, to: path)
        }
    }

    @Test func aSavedResultIsFoundForTheSamePathAndBlobOnly() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let edited = Self.richText + "\nEdited.\n"
        try fixture.save(["runbooks/etcd.md": Self.richText, "runbooks/disk.md": edited])

        let cache = CheckedRunbookCache(loadingFrom: fixture.path, context: fixture.context)
        let found = try #require(cache.checked(try fixture.file(Self.richText)))
        try Self.expectSame(found, try Self.checked(Self.richText))
        #expect(cache.checked(try fixture.file(edited)) == nil, "another blob at the path")
        #expect(cache.checked(try fixture.file(Self.richText, path: "runbooks/other.md")) == nil, "another path")
        var unreadable = try fixture.file(Self.richText)
        unreadable.unreadableReason = SourceFile.symlinkReason
        #expect(cache.checked(unreadable) == nil, "a file that was not read")

        let other = try ObjectID(hashingBlob: Array("other settings".utf8))
        #expect(CheckedRunbookCache(loadingFrom: fixture.path, context: other).checked(try fixture.file(Self.richText)) == nil)
    }

    /// Records taken from the old file are copied into the new one as they were.
    @Test func aSaveAfterOneChangeKeepsTheOtherRecords() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let disk = Self.richText.replacingOccurrences(of: "etcd", with: "disk")
        try fixture.save(["runbooks/etcd.md": Self.richText, "runbooks/disk.md": disk])
        let cache = CheckedRunbookCache(loadingFrom: fixture.path, context: fixture.context)
        #expect(cache.checked(try fixture.file(disk, path: "runbooks/disk.md")) != nil)
        let edited = Self.richText + "\nEdited.\n"
        try fixture.save(["runbooks/etcd.md": edited, "runbooks/disk.md": disk], over: cache)

        let reloaded = CheckedRunbookCache(loadingFrom: fixture.path, context: fixture.context)
        try Self.expectSame(
            try #require(reloaded.checked(try fixture.file(disk, path: "runbooks/disk.md"))),
            try Self.checked(disk, path: "runbooks/disk.md"))
        try Self.expectSame(try #require(reloaded.checked(try fixture.file(edited))), try Self.checked(edited))
        #expect(reloaded.checked(try fixture.file(Self.richText)) == nil)
    }

    /// The file is read and written whole: two records out of date among 300
    /// cost each build two checks, less than writing it again; three are 1%.
    @Test func aCacheUnderOnePercentOutOfDateIsLeftAsItIs() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let texts = Dictionary(uniqueKeysWithValues: (0..<300).map {
            ("runbooks/r\($0).md", Self.richText.replacingOccurrences(of: "etcd", with: "r\($0)"))
        })
        try fixture.save(texts)
        let written = try FileManager.default.attributesOfItem(atPath: fixture.path)[.systemFileNumber] as? Int
        func saveAfterEditing(_ paths: [String]) throws -> CheckedRunbookCache {
            var edited = texts
            for path in paths { edited[path]! += "\nEdited.\n" }
            let cache = CheckedRunbookCache(loadingFrom: fixture.path, context: fixture.context)
            for (path, text) in edited { _ = cache.checked(try fixture.file(text, path: path)) }
            try fixture.save(edited, over: cache)
            return CheckedRunbookCache(loadingFrom: fixture.path, context: fixture.context)
        }

        let twoEdits = try saveAfterEditing(["runbooks/r0.md", "runbooks/r1.md"])
        #expect(try FileManager.default.attributesOfItem(atPath: fixture.path)[.systemFileNumber] as? Int == written)
        #expect(twoEdits.checked(try fixture.file(texts["runbooks/r0.md"]!, path: "runbooks/r0.md")) != nil, "the old record stays")
        #expect(twoEdits.checked(try fixture.file(texts["runbooks/r0.md"]! + "\nEdited.\n", path: "runbooks/r0.md")) == nil,
                "and answers for its own blob only")

        let threeEdits = try saveAfterEditing(["runbooks/r1.md", "runbooks/r2.md", "runbooks/r3.md"])
        #expect(try FileManager.default.attributesOfItem(atPath: fixture.path)[.systemFileNumber] as? Int != written)
        let edited = try #require(threeEdits.checked(try fixture.file(texts["runbooks/r1.md"]! + "\nEdited.\n", path: "runbooks/r1.md")))
        try Self.expectSame(edited, try Self.checked(texts["runbooks/r1.md"]! + "\nEdited.\n", path: "runbooks/r1.md"))
    }

    @Test(arguments: 0..<6) func aDamagedFileIsIgnoredWhole(_ damage: Int) throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        try fixture.save(["runbooks/etcd.md": Self.richText])
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture.path)))
        switch damage {
        case 0: bytes.removeLast(bytes.count / 2)
        case 1: bytes = Array(bytes.prefix(30))
        case 2: bytes[bytes.count * 2 / 3] ^= 0x40
        case 3: bytes[16] ^= 0x01  // the version
        case 4: bytes[0] ^= 0x01  // the magic
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: fixture.path))
        #expect(CheckedRunbookCache(loadingFrom: fixture.path, context: fixture.context).checked(try fixture.file(Self.richText)) == nil)
    }

    @Test func theContextIsTheSettingsText() throws {
        let config = try ConfigParser(path: "runbook.yml").parse("root: runbooks\n")
        let other = try ConfigParser(path: "runbook.yml").parse("root: runbooks\nrules: {placeholder: off}\n")
        let context = try #require(CheckedRunbookCache.context(config: config))
        #expect(CheckedRunbookCache.context(config: config) == context)
        #expect(CheckedRunbookCache.context(config: other) != context)
    }

    /// A link to a file, and an OWNERS file standing in for `owner`, depend on
    /// the tree: a check reused in another tree finds those problems again.
    @Test(arguments: [
        ["runbooks/disk.md", "runbooks/graph.png", "runbooks/missing.md"], ["runbooks/OWNERS"], [],
    ])
    func aReusedCheckFindsTheTreesProblemsAgain(_ otherTree: [String]) throws {
        let config = try ConfigParser(path: "runbook.yml").parse("metadata: {required: [owner]}\n")
        let text = Self.richText.replacingOccurrences(of: "owner: team-storage\n", with: "")
        let linter = try Linter(config: config)
        let file = SourceFile(path: "runbooks/etcd.md", bytes: Array(text.utf8), blob: try ObjectID(hashingBlob: Array(text.utf8)))
        func check(_ treePaths: Set<String>, reuse: ReusedCheck<KeptRunbook>?) throws -> CheckedFile<KeptRunbook> {
            let checked = linter.checkEach(count: 1, treePaths: treePaths, read: { _ in file }, reuse: { _ in reuse }) { runbook in
                var kept = runbook
                kept.document = MarkdownDocument(nodes: [])
                return KeptRunbook(runbook: kept, dangerousSteps: linter.dangerousSteps(of: runbook))
            }
            return try #require(checked.first)
        }
        let before = try check(["runbooks/disk.md"], reuse: nil)
        let reused = try Self.roundTrip(before)
        let fresh = try check(Set(otherTree), reuse: nil)
        #expect(fresh.problems.sorted() != before.problems.sorted(), "the trees must make a difference")
        #expect(try check(Set(otherTree), reuse: reused).problems.sorted() == fresh.problems.sorted())
    }
}
