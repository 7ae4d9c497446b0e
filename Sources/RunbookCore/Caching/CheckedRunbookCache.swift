import Foundation
import GitKit
import Synchronization

/// The runbooks an earlier build parsed and checked, by path and blob, so a
/// build after a commit that changed one runbook parses and checks that one
/// only. Kept beside the lineage cache (`checked.cache`).
///
/// A file's parse and its own problems follow from its path and bytes (the
/// blob), the settings (`runbook.yml`) and the `runbook` binary itself: the
/// file names a digest of the last two, and a build with either different
/// ignores it. The problems of rules that read the tree's paths (links to
/// files, OWNERS files) are found again by every build (`ReusedCheck`), and
/// those between runbooks (duplicate ids) are never cached. A record that
/// does not read back whole is parsed afresh.
final class CheckedRunbookCache: Sendable {
    private static let file = CacheFile(magic: Array("runbook checked\n".utf8), version: 2)

    /// The digest of what every record depends on besides its own file.
    let context: ObjectID
    private let payload: ArraySlice<UInt8>
    /// Where each path's record lies in `payload` (counting from its start), and for which blob.
    private let records: [String: (blob: ObjectID, range: Range<Int>)]
    /// Paths whose records this build took (only these are copied into the next file).
    private let taken = Mutex<Set<String>>([])

    /// The digest of the settings and binary; nil when the binary cannot be
    /// identified, and then nothing is cached.
    static func context(config: Config) -> ObjectID? {
        guard let executable = ExecutableIdentity.current else { return nil }
        var writer = BinaryWriter()
        writer.write(RunbookVersion.current)
        writer.write(executable)
        writer.write(config.text)
        return try? ObjectID(hashingBlob: writer.bytes)
    }

    /// The cache at `path` when it was written for `context`; else an empty one.
    init(loadingFrom path: String, context: ObjectID) {
        self.context = context
        var records: [String: (blob: ObjectID, range: Range<Int>)] = [:]
        let payload = Self.file.payload(at: path) ?? []
        let indexed = payload.withUnsafeBytes { buffer -> Bool in
            var reader = BinaryReader(buffer)
            do throws(BinaryReader.Damaged) {
                guard try reader.objectID() == context else { return false }
                for _ in 0..<(try reader.count(ofRecordsAtLeast: 28)) {
                    let path = try reader.string(), blob = try reader.objectID()
                    let length = Int(try reader.uint32())
                    let start = reader.position
                    _ = try reader.bytes(length)
                    // Written once each; a path twice means the file is not one this version wrote.
                    guard records.updateValue((blob, start..<start + length), forKey: path) == nil else { return false }
                }
                return reader.isAtEnd
            } catch {
                return false
            }
        }
        self.payload = indexed ? payload : []
        self.records = indexed ? records : [:]
    }

    /// Whether there is a cached check for the path and blob: the file need
    /// not be read unless `checked` then fails to read the record back.
    func holds(path: String, blob: ObjectID) -> Bool {
        records[path]?.blob == blob
    }

    /// The cached check of `file`, when there is one for its path and blob.
    func checked(_ file: SourceFile) -> ReusedCheck<KeptRunbook>? {
        guard file.unreadableReason == nil, let blob = file.blob, let record = records[file.path], record.blob == blob else {
            return nil
        }
        let checked = payload.withUnsafeBytes { buffer -> ReusedCheck<KeptRunbook>? in
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[record.range]))
            guard let checked = try? RunbookRecord.read(path: file.path, from: &reader), reader.isAtEnd else { return nil }
            return checked
        }
        if checked != nil { _ = taken.withLock { $0.insert(file.path) } }
        return checked
    }

    /// Writes the cache of this build's results (`blobs` in the same order as
    /// `checked`, whose problems must not yet include those between runbooks),
    /// unless it would be the file that is there or nearly: a record missing
    /// costs every build until then one file's check, while the file is read
    /// and written whole (40 MB for 10,000 runbooks), so it is written again
    /// only once 1% of the paths have a record missing or out of date.
    /// Failures are ignored: a cache only saves time.
    func save(_ checked: [CheckedFile<KeptRunbook>], blobs: [ObjectID?], to path: String) {
        let taken = taken.withLock { $0 }
        // Positions in `checked` of the files to record. By index: binding a
        // checked file to a name copies every field of it, and after a commit
        // or two nothing is written at all.
        var kept = checked.indices.filter { checked[$0].kept != nil && blobs[$0] != nil }
        // Two paths Swift holds equal (`café` spelt two ways) would share a record.
        let paths = Dictionary(kept.map { (checked[$0].path, 1) }, uniquingKeysWith: +)
        kept.removeAll { paths[checked[$0].path] != 1 }
        if taken.count == records.count, kept.count == taken.count { return }
        var outOfDate = Set(records.keys).subtracting(taken)
        outOfDate.formUnion(kept.lazy.map { checked[$0].path }.filter { !taken.contains($0) })
        if outOfDate.count * 100 < records.count { return }
        // Written a record at a time: the whole file is tens of megabytes.
        try? Self.file.write(to: path) { file in
            var header = BinaryWriter()
            header.write(context)
            header.write(count: kept.count)
            header.bytes.withUnsafeBytes { file.append($0) }
            var entry = BinaryWriter()
            for index in kept {
                let path = checked[index].path
                entry.removeAll()
                entry.write(path)
                entry.write(blobs[index]!)
                if taken.contains(path), let record = records[path] {
                    entry.write(count: record.range.count)
                    entry.bytes.withUnsafeBytes { file.append($0) }
                    payload.withUnsafeBytes { file.append(UnsafeRawBufferPointer(rebasing: $0[record.range])) }
                } else if let runbook = checked[index].kept {
                    let start = entry.bytes.count
                    entry.write(count: 0)
                    RunbookRecord.write(problems: checked[index].problems, kept: runbook, to: &entry)
                    entry.patch(count: entry.bytes.count - start - 4, at: start)
                    entry.bytes.withUnsafeBytes { file.append($0) }
                }
            }
        }
    }
}
