internal import CGit2

/// Makes the tree the index would commit, as `git write-tree` does, into the
/// repository's in-memory store: a directory the index's cache tree still knows
/// is taken by its id, unread, and only the others are assembled from their
/// entries. After `git add` of a few files that is a few small trees, however
/// large the repository.
struct StagedTreeWriter {
    /// The index without conflicts, in path byte order.
    let entries: [TreeEntry]
    /// Directory tree ids from the index's cache tree, by path bytes.
    let cachedTrees: [[UInt8]: ObjectID]

    func write(into repository: Repository) throws -> ObjectID {
        if let root = cachedTrees[[]] { return root }
        // The directories being assembled, innermost last: a stack, not recursion,
        // as paths can nest deeper than the call stack allows.
        var open = [Directory(name: [], prefix: [])]
        var position = entries.startIndex
        while true {
            let current = open[open.count - 1]
            guard position < entries.endIndex, entries[position].path.utf8.starts(with: current.prefix) else {
                let finished = open.removeLast()
                let id = try repository.storeTreeInMemory(finished.content)
                guard !open.isEmpty else { return id }
                open[open.count - 1].append(mode: GIT_FILEMODE_TREE.rawValue, name: finished.name, id: id)
                continue
            }
            let entry = entries[position]
            let rest = entry.path.utf8.dropFirst(current.prefix.count)
            guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else {
                open[open.count - 1].append(mode: entry.kind.treeMode, name: Array(rest), id: entry.id)
                position += 1
                continue
            }
            let name = Array(rest[..<slash])
            let directory = current.prefix + name
            if let id = cachedTrees[directory] {
                open[open.count - 1].append(mode: GIT_FILEMODE_TREE.rawValue, name: name, id: id)
                position = end(of: directory + [UInt8(ascii: "/")], from: position)
            } else {
                open.append(Directory(name: name, prefix: directory + [UInt8(ascii: "/")]))
            }
        }
    }

    /// The first position at or after `start` whose path is not under `prefix`:
    /// the entries under it are contiguous, so a binary search finds the end.
    private func end(of prefix: [UInt8], from start: Int) -> Int {
        var low = start
        var high = entries.endIndex
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].path.utf8.starts(with: prefix) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A tree being assembled: its entries in git's format, in the index's order,
    /// which is git's tree order (a directory sorts as its name followed by "/").
    private struct Directory {
        let name: [UInt8]
        /// The directory's path with a trailing "/"; empty for the root.
        let prefix: [UInt8]
        var content: [UInt8] = []

        mutating func append(mode: UInt32, name: [UInt8], id: ObjectID) {
            content += String(mode, radix: 8).utf8
            content.append(UInt8(ascii: " "))
            content += name
            content.append(0)
            content += id.rawBytes
        }
    }
}
