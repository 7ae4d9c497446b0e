/// An object read from a pack: its type (libgit2's numbering, which packs
/// share) and its bytes.
struct PackedObject {
    let type: Int32
    let bytes: [UInt8]
}
