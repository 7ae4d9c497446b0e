/// Which steps of a plan a run covers: all of them, from one step on
/// (`--from`), or only some (`--only`).
public enum StepSelection: Sendable, Hashable {
    case all
    case from(String)
    case only([String])
}
