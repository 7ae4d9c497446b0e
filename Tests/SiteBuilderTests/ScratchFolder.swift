import Foundation
import Testing
@testable import SiteBuilder

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder for one test, removed afterwards.
final class ScratchFolder {
    let path: String

    init(_ prefix: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ relative: String, _ text: String = "page") throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func entries(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + relative)) ?? []).sorted()
    }

    /// Sets the modification time of every folder under `relative` a year back, as if
    /// written long ago: their stamps are then settled whenever they are looked at.
    func backdateFolders(under relative: String) throws {
        let root = path + "/" + relative
        let subpaths = try FileManager.default.subpathsOfDirectory(atPath: root)
        for folder in subpaths.map({ root + "/" + $0 }) + [root] where FileSystem.kind(of: folder) == .directory {
            let yearAgo = timespec(tv_sec: time(nil) - 365 * 86_400, tv_nsec: 0)
            var times = [yearAgo, yearAgo]
            #expect(utimensat(AT_FDCWD, folder, &times, AT_SYMLINK_NOFOLLOW) == 0)
        }
    }
}
