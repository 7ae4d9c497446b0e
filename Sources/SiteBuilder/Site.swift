import Dispatch
import Foundation
import RunbookCore
import Synchronization

/// A static site rendered from a catalog and a template: an index of all runbooks,
/// a page and a history page per runbook, tag, alert and recent-change pages, an
/// Atom feed, a sitemap, `index.json` with its schema, and the template's assets.
///
/// Every link is relative, nothing is loaded from elsewhere, and the same catalog
/// always gives the same bytes (the only dates are commit dates).
public struct Site: Sendable {
    private let rendering: SiteRendering

    /// - Parameter layout: the catalog's layout, when it is being made already
    ///   (`SiteLayout(placements:template:)`): asked for once the set-up that
    ///   needs none is done.
    public init(
        catalog: Catalog, template: SiteTemplate, linkStyle: LinkStyle = .indexFiles, layout: @autoclosure () -> SiteLayout? = nil
    ) {
        rendering = SiteRendering(catalog: catalog, template: template, linkStyle: linkStyle, layout: layout)
    }

    /// How many files `render` writes.
    public var fileCount: Int { rendering.files.count }

    /// The site's `index.json` alone, exactly as `render` writes it: for the
    /// executor and `match` when they build the index in memory.
    public func indexJSON() -> [UInt8] {
        rendering.indexJSON
    }

    /// Renders every file and hands it to `output`, on all processor cores.
    ///
    /// - Parameter progress: called with (files done, total) as rendering goes, never
    ///   twice with the same count, one call at a time, and last with (total, total).
    /// - Throws: the first error `output` throws, or a page's when a runbook's
    ///   text cannot be read; rendering stops soon after.
    public func render(into output: some SiteOutput, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws {
        let files = rendering.files
        let total = files.count
        let next = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let done = Mutex(0)
        let step = max(1, total / 100)
        let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), max(1, total))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < total, failure.withLock({ $0 == nil }) else { return }
                do {
                    let file = files[index]
                    let path = rendering.path(of: file)
                    if let parted = rendering.partedFile(of: file, previous: { output.previousParts(of: path, opening: $0, closing: $1) }) {
                        try output.write(parted, to: path)
                    } else if let key = rendering.key(of: file) {
                        if try !output.keep(path, key: key) { try output.write(rendering.bytes(of: file), to: path, key: key) }
                    } else {
                        try output.write(rendering.bytes(of: file), to: path)
                    }
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
                done.withLock { count in
                    count += 1
                    if count % step == 0 || count == total { progress?(count, total) }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
