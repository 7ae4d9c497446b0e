import Foundation
import GitKit
import MarkdownKit
@testable import RunbookCore
import Testing

/// A build leaves the runbooks whose checks the cache holds unread; their
/// pages read them only if they are rendered.
@Suite struct UnreadRunbookTests {
    private static let checkedCache = CacheFile(magic: Array("runbook checked\n".utf8), version: 2)

    private func build(_ repository: GitFixture, caches: String) throws -> Catalog {
        let outcome = try CatalogBuilder(options: BuildOptions(
            repositoryPath: repository.path, currentDirectory: repository.path, cacheDirectory: caches)).build { _, _, _ in }
        outcome.cacheWrites.wait()
        return outcome.catalog
    }

    private func fixture() throws -> (GitFixture, String) {
        let repository = try GitFixture()
        try repository.write("runbooks/etcd.md", CheckedRunbookCacheTests.richText)
        try repository.write("runbooks/disk.md", CheckedRunbookCacheTests.richText.replacingOccurrences(of: "etcd", with: "disk"))
        try repository.commit("Add two runbooks")
        return (repository, repository.root + "/caches")
    }

    @Test func runbooksTheCacheHoldsAreLeftUnreadAndTheirTreesReadFromTheCommit() throws {
        let (repository, caches) = try fixture()
        let first = try build(repository, caches: caches)
        #expect(first.blobs == nil, "nothing was cached yet, so everything was read")
        #expect(first.entries.allSatisfy { $0.source?.isEmpty == false })

        let second = try build(repository, caches: caches)
        #expect(second.entries.allSatisfy { $0.source == nil }, "every check came from the cache")
        for (cached, read) in zip(second.entries, first.entries) {
            let parser = RunbookParser(config: second.config)
            let document = try cached.withDocument(parser: parser, blobs: second.blobs).document
            #expect(document.nodes == (try read.withDocument(parser: parser, blobs: nil)).document.nodes)
        }
    }

    @Test func anUnreadBlobThatCannotBeReadFailsNamingTheRunbook() throws {
        let (repository, _) = try fixture()
        let store = BlobStore(repository: try Repository.discover(startingAt: repository.path))
        let missing = try ObjectID(hashingBlob: Array("never committed".utf8))
        let parsed = RunbookParser(config: Config()).parse(path: "runbooks/etcd.md", bytes: Array("# etcd\n".utf8))
        var runbook = parsed
        runbook.document = MarkdownDocument(nodes: [])
        let entry = CatalogEntry(
            runbook: runbook, source: nil, blob: missing, problems: [], lineage: Lineage(changes: [], approval: nil, truncated: false))
        #expect {
            try entry.withDocument(parser: RunbookParser(config: Config()), blobs: store)
        } throws: { error in
            "\(error)".contains("runbooks/etcd.md") && "\(error)".contains(missing.hex)
        }
    }

    /// A record that does not read back (its file whole, its checksum right)
    /// must not leave the runbook checked as an empty file.
    @Test func aRecordThatDoesNotReadBackHasItsFileReadAndChecked() throws {
        let (repository, caches) = try fixture()
        let first = try build(repository, caches: caches)
        let path = caches + "/checked.cache"
        var payload = Array(try #require(Self.checkedCache.payload(at: path)))
        // The records follow the context and their count: path, blob, length, record.
        var reader = BinaryReader(payload.withUnsafeBytes { $0 })
        _ = try reader.objectID()
        _ = try reader.uint32()
        _ = try reader.string()
        _ = try reader.objectID()
        let length = Int(try reader.uint32())
        let start = reader.position
        payload.replaceSubrange(start..<start + length, with: repeatElement(0xff, count: length))
        try Self.checkedCache.write(to: path) { file in payload.withUnsafeBytes { file.append($0) } }

        let second = try build(repository, caches: caches)
        #expect(second.entries.count { $0.source != nil } == 1, "the damaged record's file was read")
        for (rebuilt, original) in zip(second.entries, first.entries) {
            #expect(rebuilt.runbook.title == original.runbook.title)
            #expect(rebuilt.runbook.steps.map(\.name) == original.runbook.steps.map(\.name))
            #expect(rebuilt.problems == original.problems)
        }
    }
}
