/// How a table column's cells are aligned, from the delimiter row (`:--`, `:-:`, `--:`).
public enum TableAlignment: UInt8, Sendable, Hashable {
    case none
    case left
    case center
    case right
}
