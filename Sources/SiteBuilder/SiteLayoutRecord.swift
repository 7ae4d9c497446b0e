import Foundation
import RunbookCore

/// A site's layout kept beside it (`.NAME.layout`), with everything it was
/// laid out from, so that a build of the same runbooks takes it instead of
/// laying out 30,000 pages again: a tenth of a second, on the path of a build
/// after one commit, which waits for the layout before it renders anything.
///
/// A layout is a function of the runbooks' placements, the asset paths and
/// the link style alone, so a record is used only when all of them are
/// exactly those recorded. The envelope's checksum catches a damaged record;
/// beyond it, every folder is checked to be clean folder names under its
/// page kind's folder, so that not even a record edited by hand can make a
/// build write outside the site.
enum SiteLayoutRecord {
    private static let file = CacheFile(magic: Array("runbook layout\n".utf8), version: 1)

    /// The layout recorded at `path`, if it was made from exactly these inputs.
    static func load(from path: String, placements: [SiteLayout.Placement], assetPaths: [String], linkStyle: LinkStyle) -> SiteLayout? {
        guard let payload = file.payload(at: path) else { return nil }
        let assetPaths = assetPaths.sorted()
        return payload.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            return try? decode(&reader, placements: placements, assetPaths: assetPaths, linkStyle: linkStyle)
        }
    }

    /// Writes `layout`'s record to `path` atomically; a failure is for the
    /// caller to ignore (the next build lays the site out again).
    static func write(_ layout: SiteLayout, to path: String) throws {
        var writer = BinaryWriter()
        writer.write(code(of: layout.linkStyle))
        writer.write(strings: layout.assetPaths)
        writer.write(count: layout.placed.count)
        for placement in layout.placed {
            writer.write(placement.path)
            writer.write(placement.id)
            writer.write(strings: placement.tags)
            writer.write(strings: placement.alerts)
            writer.write(layout.runbookFolders[placement.path] ?? "")
            writer.write(layout.historyFolders[placement.path] ?? "")
        }
        for folders in [layout.tagFolders, layout.alertFolders] {
            writer.write(count: folders.count)
            for (name, folder) in folders.sorted(by: { $0.key < $1.key }) {
                writer.write(name)
                writer.write(folder)
            }
        }
        writer.write(layout.key != nil)
        if let key = layout.key { writer.write(key.digest) }
        try file.write(writer.bytes, to: path)
    }

    private static func decode(
        _ reader: inout BinaryReader, placements: [SiteLayout.Placement], assetPaths: [String], linkStyle: LinkStyle
    ) throws -> SiteLayout? {
        guard try reader.uint8() == code(of: linkStyle), try matches(assetPaths, in: &reader),
              try reader.count(ofRecordsAtLeast: 1) == placements.count
        else { return nil }
        var runbookFolders: [String: String] = [:], historyFolders: [String: String] = [:]
        runbookFolders.reserveCapacity(placements.count)
        historyFolders.reserveCapacity(placements.count)
        for placement in placements {
            guard try reader.matches(placement.path), try reader.matches(placement.id),
                  try matches(placement.tags, in: &reader), try matches(placement.alerts, in: &reader),
                  let page = folder(try reader.string(), under: "runbooks"),
                  let history = folder(try reader.string(), under: "history")
            else { return nil }
            runbookFolders[placement.path] = page
            historyFolders[placement.path] = history
        }
        guard let tagFolders = try named(under: "tags", in: &reader), let alertFolders = try named(under: "alerts", in: &reader) else {
            return nil
        }
        let key = try reader.bool() ? PageKey(digest: try reader.objectID()) : nil
        guard reader.isAtEnd else { return nil }
        return SiteLayout(
            recorded: placements, assetPaths: assetPaths, linkStyle: linkStyle, runbookFolders: runbookFolders,
            historyFolders: historyFolders, tagFolders: tagFolders, alertFolders: alertFolders, key: key)
    }

    /// Tag or alert folders by name; nil when one is not a folder the layout could make.
    private static func named(under parent: String, in reader: inout BinaryReader) throws -> [String: String]? {
        var named: [String: String] = [:]
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 8)) {
            let name = try reader.string()
            guard named[name] == nil, let folder = folder(try reader.string(), under: parent) else { return nil }
            named[name] = folder
        }
        return named
    }

    /// The folder, if it is clean folder names under `parent`.
    private static func folder(_ folder: String, under parent: String) -> String? {
        folder.utf8.count > parent.utf8.count + 1 && folder.hasPrefix(parent + "/") && PathSegment.isCleanPath(folder) ? folder : nil
    }

    /// Whether the next string table, as `BinaryWriter.write(strings:)` wrote it, is `strings`.
    private static func matches(_ strings: [String], in reader: inout BinaryReader) throws -> Bool {
        guard try reader.count(ofRecordsAtLeast: 4) == strings.count else { return false }
        for string in strings {
            guard try reader.matches(string) else { return false }
        }
        return true
    }

    private static func code(of linkStyle: LinkStyle) -> UInt8 {
        switch linkStyle {
        case .indexFiles: 0
        case .directories: 1
        }
    }
}
