import Foundation
import RunbookCore
import Synchronization

/// The one progress line of a long command (`[4/4] rendering and writing pages 1200/30353`),
/// redrawn in place on a terminal and silent otherwise, so logs stay clean.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let last = Mutex<(stage: BuildStage?, percent: Int)>((nil, -1))

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    func update(_ stage: BuildStage, done: Int, total: Int?) {
        guard enabled else { return }
        // Redraw only when the stage or the whole percentage (or, with no
        // total, the thousand) changes: 50,000 updates must not become 50,000 writes.
        let percent = total.map { $0 > 0 ? done * 100 / $0 : 100 } ?? done / 1000
        let line: String? = last.withLock { last in
            guard last.stage != stage || last.percent != percent else { return nil }
            last = (stage, percent)
            let count = total.map { " \(done)/\($0)" } ?? (done > 0 ? " \(done)" : "")
            return "\r\u{1B}[K[\(stage.rawValue)/\(BuildStage.allCases.count)] \(stage.title)\(count)"
        }
        if let line { Terminal.write(Array(line.utf8), to: .standardError) }
    }

    /// Clears the line before the summary is printed.
    func finish() {
        guard enabled else { return }
        Terminal.write(Array("\r\u{1B}[K".utf8), to: .standardError)
    }
}
