import Foundation
import GitKit
import RunbookCore
import Testing
@testable import SiteBuilder

/// A rebuild copies each runbook's part of `index.json` and of the search data
/// from the live site when its key matches, as `.NAME.parts` beside the site
/// records; a file changed since it was recorded is not trusted at all.
@Suite struct PartReuseTests {
    private struct Fixture {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString)").path
        var site: String { parent + "/site" }
        var records: String { parent + "/.site.parts" }

        func build(_ catalog: Catalog) throws {
            let site = Site(catalog: catalog, template: try SiteTemplate())
            try SiteDirectoryWriter(directory: self.site).replace { try site.render(into: $0) }
        }

        func file(_ name: String) throws -> [UInt8] {
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: site + "/" + name)))
        }

        /// Rewrites bytes of a file of the live site in place, then puts its
        /// modification time back: its stamp is then what the records say.
        func alter(_ name: String, at range: Range<Int>, to replacement: [UInt8]) throws {
            let path = site + "/" + name
            var info = stat()
            #expect(stat(path, &info) == 0)
            let handle = try #require(FileHandle(forUpdatingAtPath: path))
            try handle.seek(toOffset: UInt64(range.lowerBound))
            try handle.write(contentsOf: Data(replacement))
            try handle.close()
            var times = [info.st_atim, info.st_mtim]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        }

        /// Where the records say the parts of the live site's file `name` lie, in file order.
        func recordedParts(of name: String) throws -> [Range<Int>] {
            try #require(PartManifest.load(from: records).files[name]).ranges.values.sorted { $0.lowerBound < $1.lowerBound }
        }

        /// What a build with no previous site writes.
        func fresh(_ catalog: Catalog, _ name: String) throws -> [UInt8] {
            let output = MemorySiteOutput()
            try Site(catalog: catalog, template: try SiteTemplate()).render(into: output)
            return try #require(output.files[name])
        }
    }

    /// The standard runbooks, each with the blob id of its text (keys follow from blobs).
    private static func catalog(failoverTitle: String = "Database failover") throws -> Catalog {
        try catalog(of: [
            ("runbooks/etcd/no-leader.md", TestCatalog.fullRunbook),
            ("runbooks/db/failover.md", TestCatalog.failover.replacingOccurrences(of: "title: Database failover", with: "title: \(failoverTitle)")),
        ])
    }

    /// Runbooks enough for runs of copied parts, one perhaps changed.
    private static func longCatalog(changing changed: Int? = nil) throws -> Catalog {
        try catalog(of: (0..<6).map { index in
            let title = index == changed ? "Changed runbook" : "Runbook \(index)"
            return ("runbooks/db/runbook-\(index).md", TestCatalog.failover.replacingOccurrences(of: "title: Database failover", with: "title: \(title)"))
        })
    }

    private static func catalog(of files: [(String, String)]) throws -> Catalog {
        var catalog = TestCatalog.make(files)
        let texts = Dictionary(uniqueKeysWithValues: files)
        for index in catalog.entries.indices {
            catalog.entries[index].blob = try ObjectID(hashingBlob: Array((texts[catalog.entries[index].runbook.path] ?? "").utf8))
        }
        return catalog
    }

    @Test func theRecordsSayWhereEachRunbooksPartLies() throws {
        let fixture = Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.parent) }
        try fixture.build(try Self.catalog())
        #expect(Set(PartManifest.load(from: fixture.records).files.keys) == ["index.json", "search-data.js"])

        let index = try fixture.file("index.json")
        let lines = try fixture.recordedParts(of: "index.json")
        let paths = try lines.map { range in
            let object = try JSONSerialization.jsonObject(with: Data(index[range])) as? [String: Any]
            return object?["path"] as? String
        }
        #expect(paths == (try Self.catalog()).entries.map(\.runbook.path))

        let search = try fixture.file("search-data.js")
        let texts = try fixture.recordedParts(of: "search-data.js")
        #expect(texts.count == 2)
        #expect(texts.allSatisfy { search[$0].first == UInt8(ascii: "\"") && search[$0].last == UInt8(ascii: "\"") })
    }

    /// Shown by altering a part of the live file behind the records' back: the
    /// copy carries the alteration, which rendering would not.
    @Test func aPartWhoseKeyMatchesIsCopiedAndAChangedRunbooksIsRendered() throws {
        let fixture = Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.parent) }
        try fixture.build(try Self.catalog())
        let records = PartManifest.load(from: fixture.records)
        let index = try fixture.file("index.json")
        let title = Array("etcd has no leader".utf8)
        let parts = try #require(records.files["index.json"]).ranges.values
        let offset = try #require(parts.lazy.compactMap { part in part.first { index[$0...].starts(with: title) } }.first)
        try fixture.alter("index.json", at: offset..<offset + 4, to: Array("ETCD".utf8))

        let edited = try Self.catalog(failoverTitle: "Promote the replica by hand")
        try fixture.build(edited)
        let rebuilt = String(decoding: try fixture.file("index.json"), as: UTF8.self)
        #expect(rebuilt.contains("ETCD has no leader"), "the unchanged runbook's part was copied")
        #expect(rebuilt.contains("Promote the replica by hand"), "the changed runbook's part was rendered")
        #expect(try fixture.file("search-data.js") == (try fixture.fresh(edited, "search-data.js")))
    }

    @Test func aFileChangedSinceItWasRecordedIsNotTrusted() throws {
        let fixture = Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.parent) }
        try fixture.build(try Self.catalog())
        let path = fixture.site + "/index.json"
        var index = try fixture.file("index.json")
        index[index.count / 2] = UInt8(ascii: "#")
        // A new file in its place, as any editor would leave it: a new stamp.
        try FileManager.default.removeItem(atPath: path)
        try Data(index).write(to: URL(fileURLWithPath: path))

        try fixture.build(try Self.catalog())
        #expect(try fixture.file("index.json") == (try fixture.fresh(try Self.catalog(), "index.json")))
    }

    /// `--base-url` changes every line's URL without changing `runbook.yml`.
    @Test func anotherBaseURLRendersEveryLine() throws {
        let fixture = Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.parent) }
        var catalog = try Self.catalog()
        catalog.config.site.baseURL = "https://one.example/"
        try fixture.build(catalog)
        catalog.config.site.baseURL = "https://two.example/"
        try fixture.build(catalog)
        #expect(try fixture.file("index.json") == (try fixture.fresh(catalog, "index.json")))
    }

    @Test(arguments: 0..<4) func damagedRecordsAreNotTrusted(_ damage: Int) throws {
        let fixture = Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.parent) }
        try fixture.build(try Self.catalog())
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture.records)))
        #expect(!PartManifest.load(from: fixture.records).files.isEmpty)
        switch damage {
        case 0: bytes[bytes.count - 3] ^= 0x01  // a digit of the last range
        case 1: bytes.removeLast(10)
        case 2: bytes[0] ^= 0x01  // the magic
        default: bytes = Array("runbook parts 1\n".utf8)  // the text this version wrote before it had a checksum
        }
        try Data(bytes).write(to: URL(fileURLWithPath: fixture.records))
        #expect(PartManifest.load(from: fixture.records).files.isEmpty)
        try fixture.build(try Self.catalog(failoverTitle: "Renamed"))
        #expect(try fixture.file("index.json") == (try fixture.fresh(try Self.catalog(failoverTitle: "Renamed"), "index.json")))
    }

    /// Records that are whole but wrong (a range one byte off) copy nothing
    /// that does not open and close as a part does.
    @Test func aPartThatDoesNotLookLikeOneIsRendered() throws {
        let fixture = Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.parent) }
        try fixture.build(try Self.catalog())
        var records = PartManifest.load(from: fixture.records)
        for (path, file) in records.files {
            records.files[path]?.ranges = file.ranges.mapValues { $0.lowerBound + 1..<$0.upperBound }
        }
        try records.write(to: fixture.records)
        try fixture.build(try Self.catalog(failoverTitle: "Renamed"))
        for name in ["index.json", "search-data.js"] {
            #expect(try fixture.file(name) == (try fixture.fresh(try Self.catalog(failoverTitle: "Renamed"), name)), "\(name)")
        }
    }

    @Test func partsCopiedInRunsAroundAChangedOneMakeTheFileARenderingMakes() throws {
        let fixture = Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.parent) }
        try fixture.build(try Self.longCatalog())
        let edited = try Self.longCatalog(changing: 3)
        try fixture.build(edited)
        for name in ["index.json", "search-data.js"] {
            #expect(try fixture.file(name) == (try fixture.fresh(edited, name)), "\(name)")
        }
        let index = try fixture.file("index.json")
        let lines = try fixture.recordedParts(of: "index.json")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { index[$0].first == UInt8(ascii: "{") && index[$0].last == UInt8(ascii: "}") })
    }

    /// The same runbooks again: the live site's files are the files, linked rather than copied.
    @Test func aFileWhosePartsAreAllCopiedInPlaceIsLinked() throws {
        let fixture = Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.parent) }
        try fixture.build(try Self.longCatalog())
        var before = stat()
        #expect(stat(fixture.site + "/index.json", &before) == 0)
        try fixture.build(try Self.longCatalog())
        var after = stat()
        #expect(stat(fixture.site + "/index.json", &after) == 0)
        #expect(after.st_ino == before.st_ino)
        #expect(after.st_nlink == 2)
    }
}
