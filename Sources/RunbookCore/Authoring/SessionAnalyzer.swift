/// Turns a session into a `SessionDraft`: drops noise, collapses repeats, redacts
/// secrets, and sorts the rest into Diagnosis and Mitigation in the order typed.
public struct SessionAnalyzer: Sendable {
    private let classifier: CommandClassifier

    public init(classifier: CommandClassifier) {
        self.classifier = classifier
    }

    public func draft(_ session: HistorySession, of sessionCount: Int) -> SessionDraft {
        var draft = SessionDraft(sessionNumber: session.number, sessionCount: sessionCount, start: session.start, end: session.end)
        var directory: String?
        var seenTexts: Set<String> = []
        var editedPaths: Set<String> = []
        for entry in session.entries {
            draft.seen += 1
            let before = directory
            directory = CommandClassifier.workingDirectory(after: entry.command, from: directory)
            let classification = classifier.classify(entry.command, workingDirectory: before)
            if classification.isNoise {
                draft.noise += 1
                continue
            }
            // Redacted first, so two commands differing only in a secret are one repeat.
            let (text, redactions) = SecretRedactor.redact(Self.trimmed(entry.command))
            guard seenTexts.insert(text).inserted else {
                draft.repeats += 1
                continue
            }
            draft.redactions += redactions
            for edit in classification.edits {
                let (path, hidden) = SecretRedactor.redact(edit.path)
                guard editedPaths.insert(path).inserted else { continue }
                draft.redactions += hidden
                draft.edits.append(EditedFile(path: path, tool: edit.tool))
            }
            if classification.isEditorSession {
                draft.editorSessions += 1
                continue
            }
            let command = DraftCommand(text: text, workingDirectory: before)
            switch classification.kind {
            case .diagnosis: draft.diagnosis.append(command)
            case .mitigation: draft.mitigation.append(command)
            }
        }
        return draft
    }

    /// Without surrounding blank lines and spaces, which make no difference to the shell.
    private static func trimmed(_ command: String) -> String {
        let scalars = command.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
