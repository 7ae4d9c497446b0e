/// How a run ended, or `running` while it has not (or its runner died without
/// saying: a run killed with `kill -9` stays `running` until it is resumed).
public enum RunOutcome: String, Sendable, Hashable, CaseIterable {
    case running
    /// Every step completed.
    case succeeded
    /// A step failed and the run stopped there.
    case failed
    /// The operator chose to abort.
    case aborted
    /// Stopped by a signal (Ctrl-C).
    case interrupted
}
