import GitKit

/// A digest of everything one page is rendered from. Equal keys give equal
/// bytes, so a page whose key matches the one recorded for the file already
/// there is not rendered again (`PageManifest`).
public struct PageKey: Hashable, Sendable {
    let digest: ObjectID

    /// Parts are written with their lengths, so ("ab", "c") and ("a", "bc")
    /// never give the same key.
    struct Builder {
        private var bytes: [UInt8] = []

        init(_ kind: String) {
            add(kind)
        }

        mutating func add(_ text: String) {
            add(text.utf8.count)
            bytes.append(contentsOf: text.utf8)
        }

        mutating func add(_ data: [UInt8]) {
            add(data.count)
            bytes.append(contentsOf: data)
        }

        mutating func add(_ text: String?) {
            add(text != nil)
            if let text { add(text) }
        }

        mutating func add(_ number: Int) {
            withUnsafeBytes(of: Int64(number).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func add(_ flag: Bool) {
            bytes.append(flag ? 1 : 0)
        }

        /// Raw, not as hex text: a rebuild adds some 200,000 ids (each change's commit and blob).
        mutating func add(_ id: ObjectID?) {
            add(id != nil)
            id?.withRawBytes { bytes.append(contentsOf: $0) }
        }

        mutating func add(_ key: PageKey?) {
            add(key?.digest)
        }

        /// A digest of the parts (`ObjectID(digesting:)`).
        var key: PageKey {
            PageKey(digest: ObjectID(digesting: bytes))
        }
    }
}
