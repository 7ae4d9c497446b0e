/// The steps of `runbook build`, in order, for progress lines like
/// `[2/4] parsing runbooks 1200/10000`.
public enum BuildStage: Int, Sendable, CaseIterable {
    case reading = 1, parsing, history, rendering

    public var title: String {
        switch self {
        case .reading: return "reading the tree"
        case .parsing: return "parsing runbooks"
        case .history: return "reading history"
        case .rendering: return "rendering and writing pages"
        }
    }
}
