import GitKit

/// Whether each blob says `status: approved`, remembered by blob id (blobs
/// never change, so an answer never goes stale).
///
/// A class because the rename finder reports the blobs it reads through a
/// closure: their statuses are learnt from content read anyway.
final class StatusBook {
    private(set) var approved: [ObjectID: Bool]

    init(known: [ObjectID: Bool]) {
        approved = known
    }

    func record(_ blob: ObjectID, content: UnsafeRawBufferPointer) {
        guard approved[blob] == nil else { return }
        approved[blob] = ApprovedStatusScan.isApproved(content)
    }

    func isApproved(_ blob: ObjectID, in repository: Repository) throws -> Bool {
        if let known = approved[blob] { return known }
        let content = try repository.blob(blob)
        content.withUnsafeBytes { record(blob, content: $0) }
        return approved[blob] ?? false
    }
}
