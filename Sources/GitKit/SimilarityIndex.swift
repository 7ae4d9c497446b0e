internal import CGit2

/// The fingerprints of the blobs in one tree, with an inverted index from
/// chunk hash to blobs, to find every file that could be 50% similar to a
/// new one without comparing it against each of them.
///
/// git compares a new file against every file of the tree; a bound makes that
/// unnecessary: the bytes two blobs share are at most the bytes of the new
/// blob's chunks the other also has. Chunks most files have (blank lines,
/// template headings) are not looked up; their bytes are added to every
/// blob's bound instead, and only blobs whose bound reaches the threshold are
/// compared exactly.
///
/// Blobs are fingerprinted lazily, only when some query's size window
/// includes them, since reading blobs is the expensive part; blobs that
/// leave the tree are dropped from time to time to bound memory.
struct SimilarityIndex {
    /// Per blob slot: how many regular-file paths of the tree have it.
    private var liveCount: [Int32] = []
    /// Per slot: the blob's size, -1 until read from its header.
    private var sizes: [Int] = []
    private var fingerprints: [SpanHashes?] = []
    private var slotByBlob: [ObjectID: Int32] = [:]
    private var blobBySlot: [ObjectID] = []
    /// Live blobs not fingerprinted yet.
    private var pending: Set<Int32> = []
    /// Per chunk hash, (slot << 32 | bytes) of each fingerprinted blob with
    /// it: one contiguous list per hash, since queries walk whole lists.
    private var postings = [[UInt64]](repeating: [], count: Int(SpanHashes.hashBase))
    private var postingCount = 0
    /// Postings of blobs no longer in the tree, dropped when they outnumber the rest.
    private var deadPostings = 0
    /// Reused per query: the bound per slot, and the slots touched (room for all).
    private var bound: [UInt64] = []
    private var touched: [Int32] = []
    private var builder = SpanHashBuilder()

    mutating func addLive(_ blob: ObjectID) {
        let slot = Int(slotIndex(blob))
        liveCount[slot] += 1
        guard liveCount[slot] == 1 else { return }
        if let fingerprint = fingerprints[slot] {
            deadPostings -= fingerprint.entries.count
        } else {
            pending.insert(Int32(slot))
        }
    }

    mutating func removeLive(_ blob: ObjectID) {
        guard let slot = slotByBlob[blob].map(Int.init), liveCount[slot] > 0 else { return }
        liveCount[slot] -= 1
        guard liveCount[slot] == 0 else { return }
        if let fingerprint = fingerprints[slot] {
            deadPostings += fingerprint.entries.count
        } else {
            pending.remove(Int32(slot))
        }
    }

    /// The fingerprint of any blob (indexed or not), reading it if needed.
    mutating func fingerprint(
        of blob: ObjectID, in repository: Repository, observer: BlobObserver?
    ) throws -> SpanHashes {
        if let slot = slotByBlob[blob], let known = fingerprints[Int(slot)] { return known }
        return try repository.withObjectData(blob, expecting: GIT_OBJECT_BLOB) { bytes in
            observer?(blob, bytes)
            return builder.spanHashes(of: bytes)
        }
    }

    /// Live blobs whose exact score against `destination` reaches git's
    /// threshold, with that score; all others certainly score below it.
    mutating func similarBlobs(
        to destination: SpanHashes, in repository: Repository, observer: BlobObserver?
    ) throws -> [(blob: ObjectID, score: Int)] {
        try indexPending(near: destination.size, in: repository, observer: observer)
        let common = commonChunks(of: destination)
        if bound.count < blobBySlot.count {
            bound.append(contentsOf: repeatElement(0, count: blobBySlot.count - bound.count))
            touched.append(contentsOf: repeatElement(0, count: blobBySlot.count - touched.count))
        }
        // Through buffers: this loop runs over every posting of every looked-up
        // chunk, and indexing the stored arrays would check on each write that
        // they are not shared.
        var touchedCount = 0
        bound.withUnsafeMutableBufferPointer { bound in
            touched.withUnsafeMutableBufferPointer { touched in
                liveCount.withUnsafeBufferPointer { liveCount in
                    for (entry, isCommon) in zip(destination.entries, common.skipped) where !isCommon {
                        let wanted = entry & 0xffff_ffff
                        postings[Int(entry >> 32)].withUnsafeBufferPointer { postings in
                            for value in postings {
                                let slot = Int(value >> 32)
                                guard liveCount[slot] > 0 else { continue }
                                if bound[slot] == 0 {
                                    touched[touchedCount] = Int32(slot)
                                    touchedCount += 1
                                }
                                bound[slot] += min(wanted, value & 0xffff_ffff)
                            }
                        }
                    }
                }
            }
        }
        // Nearly every live blob shares some chunk, so this loop too runs
        // through buffers; a fingerprinted blob's size is in `sizes`.
        var reaching: [Int] = []
        bound.withUnsafeMutableBufferPointer { bound in
            sizes.withUnsafeBufferPointer { sizes in
                for slot in touched[..<touchedCount].lazy.map(Int.init) {
                    let reachable = bound[slot] + common.bytes
                    bound[slot] = 0
                    if RenameSimilarity.sizesAreComparable(sizes[slot], destination.size),
                       2 * reachable >= UInt64(max(sizes[slot], destination.size)) {
                        reaching.append(slot)
                    }
                }
            }
        }
        var similar: [(blob: ObjectID, score: Int)] = []
        for slot in reaching {
            guard let fingerprint = fingerprints[slot] else { continue }
            let score = RenameSimilarity.score(source: fingerprint, destination: destination)
            if score >= RenameSimilarity.minimum { similar.append((blobBySlot[slot], score)) }
        }
        return similar
    }

    /// The chunks not to look up (flagged per entry of `destination`): those
    /// with the longest posting lists, as long as their bytes stay under half
    /// the new blob, so that a blob sharing none of the looked-up chunks
    /// cannot reach 50%.
    private func commonChunks(of destination: SpanHashes) -> (skipped: [Bool], bytes: UInt64) {
        // Short lists cost little to walk and keep the bound tight.
        let worthSkipping = 32
        // Only long lists are candidates: sorting just those, with their
        // lengths looked up once, spares a sort of every chunk per query.
        let long = destination.entries.indices.compactMap { index -> (index: Int, length: Int)? in
            let length = postings[Int(destination.entries[index] >> 32)].count
            return length > worthSkipping ? (index, length) : nil
        }
        var skipped = [Bool](repeating: false, count: destination.entries.count)
        var bytes: UInt64 = 0
        for (index, _) in long.sorted(by: { $0.length > $1.length }) {
            let count = destination.entries[index] & 0xffff_ffff
            guard 2 * (bytes + count) < UInt64(destination.size) else { continue }
            skipped[index] = true
            bytes += count
        }
        return (skipped, bytes)
    }

    /// Fingerprints every live blob that might be compared with a blob of
    /// `size` (git's size check), reading its size from the header first.
    private mutating func indexPending(near size: Int, in repository: Repository, observer: BlobObserver?) throws {
        for slot in pending.map(Int.init) {
            let blob = blobBySlot[slot]
            guard try RenameSimilarity.sizesAreComparable(self.size(of: slot, in: repository), size) else { continue }
            let fingerprint = try fingerprint(of: blob, in: repository, observer: observer)
            fingerprints[slot] = fingerprint
            post(fingerprint, slot: slot)
            pending.remove(Int32(slot))
        }
        if deadPostings > 1 << 20, deadPostings > postingCount / 2 { dropDeadBlobs() }
    }

    /// Rebuilds the postings from the blobs still in the tree; the others
    /// lose their fingerprints and are read again if they come back.
    private mutating func dropDeadBlobs() {
        for hash in postings.indices {
            postings[hash].removeAll { liveCount[Int($0 >> 32)] == 0 }
        }
        for slot in fingerprints.indices where liveCount[slot] == 0 { fingerprints[slot] = nil }
        postingCount -= deadPostings
        deadPostings = 0
    }

    private mutating func post(_ fingerprint: SpanHashes, slot: Int) {
        // Through the buffer: indexing `postings` itself checks the outer array's
        // uniqueness on every append, for 20 million appends on a long history.
        postings.withUnsafeMutableBufferPointer { lists in
            for entry in fingerprint.entries {
                lists[Int(entry >> 32)].append(UInt64(slot) << 32 | entry & 0xffff_ffff)
            }
        }
        postingCount += fingerprint.entries.count
    }

    /// The exact score of a live blob for git's full comparison, where every
    /// source is scored. Blobs outside the size window score 0 unread.
    mutating func score(
        of blob: ObjectID, against destination: SpanHashes, in repository: Repository, observer: BlobObserver?
    ) throws -> Int {
        let slot = Int(slotIndex(blob))
        guard try RenameSimilarity.sizesAreComparable(size(of: slot, in: repository), destination.size) else { return 0 }
        let fingerprint = try fingerprint(of: blob, in: repository, observer: observer)
        return RenameSimilarity.score(source: fingerprint, destination: destination)
    }

    /// The blob's size from its object header (an object that is not a blob,
    /// which a corrupt tree could name, is never comparable).
    private mutating func size(of slot: Int, in repository: Repository) throws -> Int {
        if sizes[slot] < 0 {
            let header = try repository.objectHeader(blobBySlot[slot])
            sizes[slot] = header.isBlob ? header.size : Int.max
        }
        return sizes[slot]
    }

    private mutating func slotIndex(_ blob: ObjectID) -> Int32 {
        if let slot = slotByBlob[blob] { return slot }
        let slot = Int32(blobBySlot.count)
        slotByBlob[blob] = slot
        blobBySlot.append(blob)
        liveCount.append(0)
        sizes.append(-1)
        fingerprints.append(nil)
        return slot
    }
}
