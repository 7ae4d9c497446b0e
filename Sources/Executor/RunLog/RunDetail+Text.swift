import Foundation
import RunbookCore

extension RunDetail {
    /// `runbook runs show RUN` as text: the run's facts, then every attempt in
    /// the order recorded with its command, result, note and kept output.
    /// Everything from the run is passed through `PrintableText`.
    public var text: String {
        let run = self.run
        var lines = ["Run \(run.id): \(clean(run.runbookID)) (\(clean(run.title)))"]
        var facts: [(String, String)] = [
            ("Outcome", run.outcome.rawValue),
            ("Started", "\(LogTimestamp.short(run.start)) by \(clean(run.user))@\(clean(run.host))"),
        ]
        if let end = run.end {
            facts.append(("Ended", "\(LogTimestamp.short(end)), after \(ElapsedTime.text(from: run.start, to: end))"))
        }
        facts += [
            ("Runbook", "\(clean(run.path)) at commit \(clean(run.commit)), blob \(clean(run.blob))"),
            ("Source", clean(run.source)),
            ("Steps", "\(completedSteps.count) of \(run.stepCount) completed"),
        ]
        facts += run.variables.sorted { $0.key < $1.key }.enumerated().map { index, variable in
            (index == 0 ? "Variables" : "", clean("\(variable.key)=\(variable.value)"))
        }
        facts += resumptions.map { ("Resumed", "\(LogTimestamp.short($0.at)) by \(clean($0.user))@\(clean($0.host))") }
        lines += facts.map { label, value in
            (label.isEmpty ? "" : label + ":").padding(toLength: 11, withPad: " ", startingAt: 0) + value
        }
        if attempts.isEmpty { lines += ["", "No steps recorded."] }
        for attempt in attempts {
            lines.append("")
            lines += attemptLines(attempt)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func attemptLines(_ attempt: AttemptRecord) -> [String] {
        let kind = attempt.step.kind == .manual ? " (manual)" : ""
        var lines = [
            "[\(attempt.step.index + 1)/\(run.stepCount)] \(clean(attempt.step.name))\(kind), attempt \(attempt.number), "
                + "\(LogTimestamp.short(attempt.start)): \(result(of: attempt))"
        ]
        let command = clean(attempt.step.command).split(separator: "\n", omittingEmptySubsequences: false)
        let prompt = attempt.step.kind == .manual ? "[ ] " : "$ "
        lines += command.enumerated().map { index, line in "    " + (index == 0 ? prompt : "  ") + line }
        if let note = attempt.note { lines.append("    note: " + clean(note)) }
        if let output = attempt.output {
            var text = clean(output.text)
            if text.hasSuffix("\n") { text.removeLast() }
            if !text.isEmpty { lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { "    | " + $0 } }
            if output.truncated {
                lines.append("    (output truncated: kept the last \(CountPhrase.of(output.bytes.count, "byte")) "
                    + "of \(output.totalBytes))")
            }
        }
        return lines
    }

    private func result(of attempt: AttemptRecord) -> String {
        switch attempt.decision {
        case .skip: return "skipped"
        case .abort: return "aborted"
        case .done: return "done"
        case .notDone: return "not done"
        case .refused: return "refused"
        case .run:
            guard let end = attempt.end else { return "no end recorded (still running, or the runner stopped)" }
            let elapsed = ElapsedTime.text(from: attempt.start, to: end)
            if attempt.timedOut { return "timed out after \(elapsed)" }
            if let signal = attempt.signal { return "killed by signal \(signal) after \(elapsed)" }
            return "exit \(attempt.exitCode.map(String.init) ?? "unknown") after \(elapsed)"
        }
    }

    private func clean(_ text: String) -> String { PrintableText.clean(text) }
}
