#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads objects straight from a repository's pack files, for the history
/// walk, which reads every commit, changed tree and compared blob of a long
/// history.
///
/// Through libgit2 that costs more than it must: its delta-base cache keeps
/// the bases it passes through but not the objects it returns (see
/// `cache` below), it sets up zlib anew for every object, and every read
/// takes locks shared by all threads (its pack and mapping state are global),
/// so the walk's two threads wait on each other. Here each `Repository`, used
/// by one thread, has its own reader, cache and mappings.
///
/// Anything it cannot answer (a loose object, one in a pack it does not list,
/// an unusual or damaged pack) it returns nil for, and the caller asks
/// libgit2, which stays the authority on errors.
final class PackReader {
    private let packs: [PackFile]
    /// Objects already inflated and resolved, by where they sit in their pack.
    ///
    /// A history walk reads each version of a tree or file once, newest first,
    /// and git deltifies older versions against newer ones: the object just
    /// read is usually the base of the next. libgit2 1.5 caches the bases it
    /// passes through but not the object it returns, so each step re-inflates
    /// part of the chain; this cache keeps both. On a 50,000-commit history a
    /// budget of 8 MB costs 10% more CPU, one of 32 MB no less.
    private var cache = GenerationalCache<Int, PackedObject>(budget: 16 << 20) { $0.bytes.count }
    private let inflater = Inflater()

    /// Objects this large are left to libgit2: the walk reads small text files.
    private static let largestObject = 64 << 20
    /// Deepest delta chain followed (git writes at most 4095; its default is 50).
    private static let longestChain = 10_000
    /// How much of its packs a reader may keep mapped in memory at a time,
    /// shared out between them: the walk has two readers, next to everything
    /// else a build holds, and half of this costs it twice the page faults.
    /// Indexes are searched all over, so each stays mapped whole (for 10,000
    /// files and 50,000 commits, 12 MB).
    private static let residentBudget = 32 << 20
    /// The least any one pack gets, however many there are (git repacks at 50).
    private static let leastPerPack = 1 << 20
    /// The type at the bottom of the delta chain through each base `baseType`
    /// passed (by cache key), and those it passed on its last call; at most
    /// `mostChainTypes` (a few megabytes), forgotten all at once past that.
    private var chainTypes: [Int: Int32] = [:]
    private var passedBases: [Int] = []
    private static let mostChainTypes = 1 << 18
    /// The pack the last object was found in, looked in first: a walk reads
    /// one pack for long stretches.
    private var lastPack = 0

    /// The packs of `objectDirectory` and of the alternates it names.
    init(objectDirectory: String) {
        var directories: [String] = []
        Self.collect(objectDirectory, into: &directories, depth: 0)
        let paths = directories.flatMap(Self.packPaths(in:))
        let share = max(Self.leastPerPack, Self.residentBudget / max(1, paths.count))
        packs = paths.compactMap { PackFile(indexPath: $0 + ".idx", packPath: $0 + ".pack", residentLimit: share) }
    }

    /// The object's type (libgit2's numbering) and bytes; the bytes are shared
    /// with the cache, not copied.
    func object(_ id: ObjectID) -> PackedObject? {
        guard let (pack, offset) = location(of: id) else { return nil }
        return resolve(offset, in: pack)
    }

    /// The object's type and size, inflating at most a delta's header.
    func header(of id: ObjectID) -> (type: Int32, size: Int)? {
        guard let (pack, offset) = location(of: id) else { return nil }
        if let cached = cache.value(for: Self.key(pack, offset)) { return (cached.type, cached.bytes.count) }
        guard let entry = packs[pack].entry(at: offset) else { return nil }
        switch entry.content {
        case .object(let type):
            return (type, entry.size)
        case .delta, .deltaAgainst:
            // The type is the chain's base's; the size is in the delta's own header.
            guard let type = baseType(of: entry, in: pack),
                  let prefix = inflater.inflatePrefix(packs[pack].compressedData(of: entry), limit: 20),
                  let size = prefix.withUnsafeBytes(PackDelta.resultSize)
            else { return nil }
            return (type, size)
        }
    }

    private func location(of id: ObjectID) -> (pack: Int, offset: Int)? {
        if lastPack < packs.count, let offset = packs[lastPack].index.offset(of: id) { return (lastPack, offset) }
        for (number, pack) in packs.enumerated() where number != lastPack {
            if let offset = pack.index.offset(of: id) {
                lastPack = number
                return (number, offset)
            }
        }
        return nil
    }

    /// Follows the delta chain down to a whole object or a cached one, then
    /// applies the deltas back up, caching each result.
    private func resolve(_ offset: Int, in pack: Int) -> PackedObject? {
        var chain: [(offset: Int, entry: PackFile.Entry)] = []
        var current = offset
        var base: PackedObject?
        while base == nil {
            if let cached = cache.value(for: Self.key(pack, current)) {
                base = cached
                break
            }
            guard chain.count < Self.longestChain, let entry = packs[pack].entry(at: current),
                  entry.size <= Self.largestObject
            else { return nil }
            switch entry.content {
            case .object(let type):
                guard let bytes = inflate(entry, in: pack) else { return nil }
                let object = PackedObject(type: type, bytes: bytes)
                cache.insert(object, for: Self.key(pack, current))
                base = object
            case .delta(let baseOffset):
                chain.append((current, entry))
                current = baseOffset
            case .deltaAgainst(let id):
                // git writes these when offset deltas are turned off; the base must
                // be in the same pack, as libgit2 requires, or libgit2 answers.
                guard let baseOffset = packs[pack].index.offset(of: id) else { return nil }
                chain.append((current, entry))
                current = baseOffset
            }
        }
        guard var object = base else { return nil }
        while let (deltaOffset, entry) = chain.popLast() {
            guard let delta = inflate(entry, in: pack),
                  let bytes = delta.withUnsafeBytes({ delta in
                      object.bytes.withUnsafeBytes { PackDelta.apply(delta, to: $0, limit: Self.largestObject) }
                  })
            else { return nil }
            object = PackedObject(type: object.type, bytes: bytes)
            cache.insert(object, for: Self.key(pack, deltaOffset))
        }
        return object
    }

    private func inflate(_ entry: PackFile.Entry, in pack: Int) -> [UInt8]? {
        let bytes = inflater.inflate(packs[pack].compressedData(of: entry), size: entry.size)
        packs[pack].data.noteTouched(entry.dataOffset..<entry.dataOffset + inflater.consumed)
        return bytes
    }

    /// The type of the whole object at the bottom of a delta chain.
    ///
    /// Remembered for every base the walk down passes (`chainTypes`): the rename
    /// search asks for the size of each version of a file, and each version's
    /// chain runs through the next one's, so without it every question walks
    /// the whole chain again.
    private func baseType(of entry: PackFile.Entry, in pack: Int) -> Int32? {
        var entry = entry
        passedBases.removeAll(keepingCapacity: true)
        for _ in 0..<Self.longestChain {
            let baseOffset: Int
            switch entry.content {
            case .object(let type): return rememberChain(type)
            case .delta(let offset): baseOffset = offset
            case .deltaAgainst(let id):
                guard let offset = packs[pack].index.offset(of: id) else { return nil }
                baseOffset = offset
            }
            let key = Self.key(pack, baseOffset)
            if let type = chainTypes[key] ?? cache.value(for: key)?.type { return rememberChain(type) }
            passedBases.append(key)
            guard let next = packs[pack].entry(at: baseOffset) else { return nil }
            entry = next
        }
        return nil
    }

    /// Records `type` for the bases `baseType` passed, and returns it.
    private func rememberChain(_ type: Int32) -> Int32 {
        if chainTypes.count + passedBases.count > Self.mostChainTypes { chainTypes.removeAll(keepingCapacity: true) }
        for key in passedBases { chainTypes[key] = type }
        return type
    }

    /// Cache keys: the pack's number above the offset, which `PackFile` keeps under 2^40.
    private static func key(_ pack: Int, _ offset: Int) -> Int {
        pack << 40 | offset
    }

    /// The object directory and, as git reads them, its alternates (one path per
    /// line, relative ones from the directory, `#` comments), five levels deep.
    private static func collect(_ directory: String, into directories: inout [String], depth: Int) {
        guard depth <= 5, let canonical = realpath(directory, nil) else { return }
        defer { free(canonical) }
        let path = String(cString: canonical)
        guard !directories.contains(path) else { return }
        directories.append(path)
        guard let bytes = try? FileContents.contents(of: path + "/info/alternates") else { return }
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
            // A quoted path needs git's unquoting; libgit2 reads those.
            guard let first = line.first, first != "#", first != "\"" else { continue }
            let alternate = first == "/" ? String(line) : path + "/" + line
            collect(alternate, into: &directories, depth: depth + 1)
        }
    }

    /// The packs of an object directory, each as its path without `.idx`/`.pack`.
    private static func packPaths(in objectDirectory: String) -> [String] {
        let folder = objectDirectory + "/pack"
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) })
        }
        return names.filter { $0.hasPrefix("pack-") && $0.hasSuffix(".idx") }.sorted().map { folder + "/" + $0.dropLast(4) }
    }
}
