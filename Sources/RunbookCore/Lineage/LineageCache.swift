import Foundation
import GitKit

/// The lineage reader's memory between builds: per commit the facts it read
/// and diffed, and per blob whether it says `status: approved`.
///
/// Everything is keyed by object ids, which name immutable content, so an
/// entry is never stale; a build after new commits reads only those. The
/// file is trusted only whole: a wrong magic or version, a checksum mismatch,
/// any out-of-range length or index, or a cache whose commits are not in this
/// repository (copied from another one) discards it, and the build starts
/// afresh. Written atomically (a temporary file renamed over the old one).
struct LineageCache {
    var facts: [CommitFacts] = []
    var statuses: [ObjectID: Bool] = [:]
    /// Root commits (and shallow boundaries) of the history that was walked:
    /// at least one must exist in the repository for the cache to be its own.
    var anchors: [ObjectID] = []

    /// The file's magic and version: the version is bumped whenever the format
    /// or anything computed into it changes.
    private static let file = CacheFile(magic: Array("runbook lineage\n".utf8), version: 3)

    /// The cache at `path`, or nil when there is none or it cannot be trusted.
    static func load(from path: String, for repository: Repository) -> LineageCache? {
        guard let payload = file.payload(at: path) else { return nil }
        let cache: LineageCache? = payload.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            return try? decode(&reader)
        }
        guard let cache else { return nil }
        // A foreign cache is harmless (ids never collide) but only grows: start afresh.
        let isOwn = cache.anchors.isEmpty ? cache.facts.isEmpty : cache.anchors.contains { repository.containsObject($0) }
        return isOwn ? cache : nil
    }

    /// Writes the cache; a failure (read-only repository, full disk) is
    /// returned for the caller to ignore: it only costs time next build.
    func save(to path: String) throws {
        var writer = BinaryWriter()
        encode(into: &writer)
        try Self.file.write(writer.bytes, to: path)
    }

    // MARK: - Format
    //
    // anchors:  count, ids
    // strings:  count, (length, UTF-8)…          paths and names, by index
    // commits:  count, per commit:
    //   id, tree, date, parent count + ids, author (name, email, time, offset),
    //   subject (length, UTF-8: nearly every one is unique), approver count + names,
    //   has-changes flag [change count, per change: path, sides flag, old (id, mode), new (id, mode)],
    //   follow count, per follow: path, found flag [origin path, id, mode]
    // statuses: count, (id, approved flag)…

    private func encode(into writer: inout BinaryWriter) {
        // One pass over the facts, interning strings as they come; the table
        // is written before them.
        var table = StringTable()
        var body = BinaryWriter()
        body.write(count: facts.count)
        for fact in facts {
            body.write(fact.id)
            body.write(fact.tree)
            body.write(fact.date)
            body.write(count: fact.parents.count)
            for parent in fact.parents { body.write(parent) }
            body.write(count: table.index(fact.author.name))
            body.write(count: table.index(fact.author.email))
            body.write(timeOf: fact.author)
            body.write(fact.subject)
            body.write(count: fact.approvers.count)
            for approver in fact.approvers { body.write(count: table.index(approver)) }
            body.write(fact.changes != nil)
            if let changes = fact.changes {
                body.write(count: changes.count)
                for change in changes {
                    body.write(count: table.index(change.path))
                    body.write(UInt8((change.old == nil ? 0 : 1) | (change.new == nil ? 0 : 2)))
                    if let old = change.old { body.write(old) }
                    if let new = change.new { body.write(new) }
                }
            }
            body.write(count: fact.follows.count)
            for (path, source) in fact.follows.sorted(by: { $0.key < $1.key }) {
                body.write(count: table.index(path))
                body.write(source != nil)
                if let source {
                    body.write(count: table.index(source.path))
                    body.write(source.old)
                }
            }
        }
        writer.write(count: anchors.count)
        for anchor in anchors { writer.write(anchor) }
        writer.write(strings: table.strings)
        writer.write(raw: body.bytes)
        writer.write(flags: statuses)
    }

    private static func decode(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> LineageCache {
        var cache = LineageCache()
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 20)) { cache.anchors.append(try reader.objectID()) }
        let strings = try reader.strings()
        func interned() throws(BinaryReader.Damaged) -> String { strings[try reader.index(below: strings.count)] }
        func side() throws(BinaryReader.Damaged) -> TreeChange.Side { TreeChange.Side(id: try reader.objectID(), mode: try reader.uint32()) }

        let commitCount = try reader.count(ofRecordsAtLeast: 90)
        cache.facts.reserveCapacity(commitCount)
        for _ in 0..<commitCount {
            let id = try reader.objectID(), tree = try reader.objectID(), date = try reader.uint64()
            var parents: [ObjectID] = []
            for _ in 0..<(try reader.count(ofRecordsAtLeast: 20)) { parents.append(try reader.objectID()) }
            let author = try reader.signature(name: try interned(), email: try interned())
            let subject = try reader.string()
            var approvers: [String] = []
            for _ in 0..<(try reader.count(ofRecordsAtLeast: 4)) { approvers.append(try interned()) }
            var changes: [TreeChange]?
            if try reader.bool() {
                var list: [TreeChange] = []
                for _ in 0..<(try reader.count(ofRecordsAtLeast: 5)) {
                    let path = try interned()
                    let sides = try reader.uint8()
                    guard sides >= 1, sides <= 3 else { throw BinaryReader.Damaged() }
                    let old = try sides & 1 != 0 ? side() : nil
                    let new = try sides & 2 != 0 ? side() : nil
                    list.append(TreeChange(path: path, old: old, new: new))
                }
                changes = list
            }
            var follows: [String: FollowSourceFinder.Source?] = [:]
            for _ in 0..<(try reader.count(ofRecordsAtLeast: 5)) {
                let path = try interned()
                follows[path] = try reader.bool() ? FollowSourceFinder.Source(path: try interned(), old: try side()) : .some(nil)
            }
            cache.facts.append(CommitFacts(
                id: id, tree: tree, parents: parents, date: date,
                author: author, subject: subject,
                approvers: approvers, changes: changes, follows: follows))
        }
        cache.statuses = try reader.flags()
        guard reader.isAtEnd else { throw BinaryReader.Damaged() }
        return cache
    }
}
