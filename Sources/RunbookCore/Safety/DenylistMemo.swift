import Synchronization

/// Remembers what the denylist said of each command text. Runbooks repeat the same
/// commands (`kubectl get pods`, `df -h`) across many files, and analysing a
/// command is the dearest part of a lint, so each distinct command is analysed once.
final class DenylistMemo: Sendable {
    private let answers = Mutex<[String: DenylistMatch?]>([:])

    func answer(for command: String, computing compute: () -> DenylistMatch?) -> DenylistMatch? {
        if let known = answers.withLock({ $0[command] }) { return known }
        let answer = compute()
        answers.withLock { $0[command] = answer }
        return answer
    }
}
