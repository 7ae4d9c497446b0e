/// Which sessions of a history to draft (`--session last|all|N`).
public enum SessionChoice: Sendable, Hashable {
    case last
    case all
    /// The Nth session, 1 being the oldest.
    case number(Int)

    public init?(_ text: String) {
        switch text.lowercased() {
        case "last": self = .last
        case "all": self = .all
        default:
            guard let number = Int(text), number > 0 else { return nil }
            self = .number(number)
        }
    }
}
