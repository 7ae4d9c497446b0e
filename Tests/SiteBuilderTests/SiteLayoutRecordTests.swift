import Foundation
import GitKit
import RunbookCore
import Testing
@testable import SiteBuilder

/// `SiteLayoutRecord` gives back exactly the layout it recorded, and only for
/// exactly the inputs it was made from; a damaged or doctored record is not used.
@Suite struct SiteLayoutRecordTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layout-record-\(UUID().uuidString)").path
    private var record: String { folder + "/.site.layout" }

    private static func placements(ids: [String], tags: [String] = ["etcd", "db"], alerts: [String] = ["EtcdNoLeader"]) -> [SiteLayout.Placement] {
        let files = ids.enumerated().map { index, id in
            (path: "runbooks/r\(index).md",
             text: "---\nid: '\(id)'\ntags: [\(tags.joined(separator: ", "))]\nalerts: [\(alerts.joined(separator: ", "))]\n---\n# T\n")
        }
        return TestCatalog.make(files).entries.map { SiteLayout.Placement($0.runbook) }
    }

    private static let ids = ["etcd/no-leader", "db failover", "db-failover", "DB-Failover", "a/index.html/b", "same", "same"]
    private static let assets = ["site.css", "site.js"]

    private func laidOut(_ placements: [SiteLayout.Placement], linkStyle: LinkStyle = .indexFiles) throws -> SiteLayout {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let layout = SiteLayout(placements: placements, assetPaths: Self.assets, linkStyle: linkStyle)
        try SiteLayoutRecord.write(layout, to: record)
        return layout
    }

    private func expectSame(_ loaded: SiteLayout?, _ layout: SiteLayout) {
        #expect(loaded?.runbookFolders == layout.runbookFolders)
        #expect(loaded?.historyFolders == layout.historyFolders)
        #expect(loaded?.tagFolders == layout.tagFolders)
        #expect(loaded?.alertFolders == layout.alertFolders)
        #expect(loaded?.key != nil && loaded?.key == layout.key)
        #expect(loaded?.linkStyle == layout.linkStyle)
        #expect(loaded?.folders == layout.folders)
    }

    @Test(arguments: [LinkStyle.indexFiles, .directories])
    func givesBackTheLayoutItRecorded(linkStyle: LinkStyle) throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let placements = Self.placements(ids: Self.ids)
        let layout = try laidOut(placements, linkStyle: linkStyle)
        // Asset paths in any order: the layout sorts them.
        expectSame(SiteLayoutRecord.load(from: record, placements: placements, assetPaths: Self.assets.reversed(), linkStyle: linkStyle), layout)
    }

    @Test func isNotUsedForOtherInputs() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let placements = Self.placements(ids: Self.ids)
        _ = try laidOut(placements)
        func load(_ placements: [SiteLayout.Placement], assets: [String] = Self.assets, linkStyle: LinkStyle = .indexFiles) -> SiteLayout? {
            SiteLayoutRecord.load(from: record, placements: placements, assetPaths: assets, linkStyle: linkStyle)
        }
        #expect(load(placements) != nil)
        #expect(load(Self.placements(ids: Self.ids.dropLast() + ["other"])) == nil)
        #expect(load(Self.placements(ids: Self.ids.dropLast())) == nil)
        #expect(load(Self.placements(ids: Self.ids + ["more"])) == nil)
        #expect(load(Array(placements.reversed())) == nil)
        #expect(load(Self.placements(ids: Self.ids, tags: ["etcd"])) == nil)
        #expect(load(Self.placements(ids: Self.ids, alerts: ["Other"])) == nil)
        #expect(load(placements, assets: ["site.css"]) == nil)
        #expect(load(placements, linkStyle: .directories) == nil)
    }

    @Test func aDamagedOrMissingRecordIsNotUsed() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let placements = Self.placements(ids: Self.ids)
        #expect(SiteLayoutRecord.load(from: record, placements: placements, assetPaths: Self.assets, linkStyle: .indexFiles) == nil)
        _ = try laidOut(placements)
        var bytes = try #require(FileManager.default.contents(atPath: record))
        bytes[bytes.count - 30] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: record))
        #expect(SiteLayoutRecord.load(from: record, placements: placements, assetPaths: Self.assets, linkStyle: .indexFiles) == nil)
    }

    /// A record whose checksum holds but whose folders a layout never makes
    /// (written by hand, or by a broken build) must not place a page outside
    /// its kind's folder.
    @Test(arguments: ["runbooks/../../outside", "history/x", "runbooks", "runbooks/", "runbooks/.hidden", "runbooks/a//b", "/etc/x", "runbooks/a b"])
    func foldersALayoutNeverMakesAreRefused(page: String) throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let placements = Self.placements(ids: ["one"])
        let fresh = try laidOut(placements)
        let path = placements[0].path
        let doctored = SiteLayout(
            recorded: placements, assetPaths: Self.assets, linkStyle: .indexFiles, runbookFolders: [path: page],
            historyFolders: fresh.historyFolders, tagFolders: fresh.tagFolders, alertFolders: fresh.alertFolders, key: fresh.key)
        try SiteLayoutRecord.write(doctored, to: record)
        #expect(SiteLayoutRecord.load(from: record, placements: placements, assetPaths: Self.assets, linkStyle: .indexFiles) == nil)
    }

    @Test func aSiteWriterRecordsTheLayoutBesideTheSiteAndTakesItBack() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let template = try SiteTemplate(overrides: [:])
        let placements = Self.placements(ids: Self.ids)
        let writer = SiteDirectoryWriter(directory: folder + "/site")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let first = writer.layout(of: placements, template: template)
        let recorded = folder + "/.site.layout"
        #expect(FileManager.default.fileExists(atPath: recorded))
        let file = try FileManager.default.attributesOfItem(atPath: recorded)[.systemFileNumber] as? Int
        expectSame(writer.layout(of: placements, template: template), first)
        // Taken back, not laid out and written again.
        #expect(try FileManager.default.attributesOfItem(atPath: recorded)[.systemFileNumber] as? Int == file)
        // Other runbooks: laid out anew, and recorded in place of the old.
        let other = Self.placements(ids: ["solo"])
        #expect(writer.layout(of: other, template: template).runbookFolders == ["runbooks/r0.md": "runbooks/solo"])
        #expect(SiteLayoutRecord.load(from: recorded, placements: other, assetPaths: Array(template.assets.keys), linkStyle: .indexFiles) != nil)
    }
}
