import Foundation
import GitKit
import RunbookCore
import Synchronization
import Testing
@testable import SiteBuilder

/// Rendering speed on a large catalog; skipped unless asked for:
///
///     RUNBOOK_SITE_BENCH=10000 [RUNBOOK_SITE_BENCH_CORPUS=/path/to/runbooks] \
///       swift test -c release -Xswiftc -enable-testing --filter SiteBenchmarkTests
///
/// With a corpus folder its `*.md` files are the runbooks; otherwise copies of a
/// full example runbook. Prints wall and CPU time for rendering into memory-less
/// the runbook and history pages alone, the whole site without writing it, into a
/// new folder, and again over that folder (reusing unchanged files, then not);
/// only the first two with `RUNBOOK_SITE_BENCH_RENDER_ONLY=1`.
@Suite struct SiteBenchmarkTests {
    @Test func renderLargeCatalog() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let count = environment["RUNBOOK_SITE_BENCH"].flatMap(Int.init) else { return }
        let catalog = try Self.catalog(count: count, corpus: environment["RUNBOOK_SITE_BENCH_CORPUS"])
        let site = Site(catalog: catalog, template: try SiteTemplate())
        print("bench: \(catalog.entries.count) runbooks, \(site.fileCount) files")

        let rendering = SiteRendering(catalog: catalog, template: try SiteTemplate(), linkStyle: .indexFiles)
        let pages = catalog.entries.count
        Self.measure("\(pages) runbook pages + \(pages) history pages") {
            DispatchQueue.concurrentPerform(iterations: 2 * pages) { index in
                do {
                    _ = index < pages ? try rendering.runbookPage(index) : rendering.historyPage(index - pages)
                } catch {
                    Issue.record("page \(index): \(error)")
                }
            }
        }
        let discarded = try Self.measure("whole site, rendered only (bytes dropped)") { try site.render(into: DiscardingOutput()) }
        if environment["RUNBOOK_SITE_BENCH_RENDER_ONLY"] != nil { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-site-bench-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var summary = SiteWriteSummary(written: 0, reused: 0)
        try Self.measure("render and write a new folder") {
            summary = try SiteDirectoryWriter(directory: folder).replace { try site.render(into: $0) }
        }
        print("bench:   written \(summary.written), reused \(summary.reused)")
        for file in ["index.html", "search-data.js", "index.json"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.size] as? Int) ?? 0
            print("bench:   \(file): \(size / 1024) KiB")
        }
        try Self.measure("render over the previous site (unchanged files hard-linked)") {
            summary = try SiteDirectoryWriter(directory: folder).replace { try site.render(into: $0) }
        }
        print("bench:   written \(summary.written), reused \(summary.reused)")
        var rewrite = SiteDirectoryWriter(directory: folder)
        rewrite.reuseUnchanged = false
        try Self.measure("render over the previous site, rewriting every file") {
            summary = try rewrite.replace { try site.render(into: $0) }
        }
        print("bench:   written \(summary.written), reused \(summary.reused), bytes \(discarded.bytes)")
    }

    @discardableResult
    private static func measure(_ label: String, _ work: () throws -> Void) rethrows -> (bytes: Int, Void) {
        let cpuBefore = cpuSeconds()
        let start = ContinuousClock.now
        try work()
        let wall = ContinuousClock.now - start
        let cpu = cpuSeconds() - cpuBefore
        print("bench: \(label): wall \(wall), cpu \(String(format: "%.3f", cpu)) s")
        return (DiscardingOutput.total.withLock { $0 }, ())
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    private static func catalog(count: Int, corpus: String?) throws -> Catalog {
        var files: [(String, String)] = []
        if let corpus {
            let paths = FileManager.default.enumerator(atPath: corpus)?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }.sorted() ?? []
            for path in paths.prefix(count) {
                files.append(("runbooks/" + path, try String(contentsOfFile: corpus + "/" + path, encoding: .utf8)))
            }
        } else {
            for index in 0..<count {
                files.append(("runbooks/team\(index % 50)/rb-\(index).md",
                              TestCatalog.fullRunbook.replacing("title: etcd has no leader", with: "title: etcd has no leader \(index)")))
            }
        }
        let catalog = TestCatalog.make(files) { $0.site.repoURL = "https://git.example.com/ops/runbooks" }
        return catalog
    }
}

/// Counts bytes and throws them away: rendering cost without the disk.
struct DiscardingOutput: SiteOutput {
    static let total = Mutex(0)

    func write(_ bytes: [UInt8], to path: String) throws {
        Self.total.withLock { $0 += bytes.count }
    }
}
