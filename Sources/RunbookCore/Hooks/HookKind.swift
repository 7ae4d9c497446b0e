import Foundation

/// The Git hooks `runbook hook install` can write.
public enum HookKind: String, Sendable, CaseIterable {
    /// Lints the staged runbooks before each commit.
    case preCommit = "pre-commit"
    /// In a server's repository: lints the new tree of every pushed ref and rejects the push on errors.
    case preReceive = "pre-receive"

    /// The hook's shell script, calling `executable` (or `$RUNBOOK`, or `runbook` on the PATH).
    public func script(executable: String) -> String {
        let header = """
            #!/bin/sh
            # Installed by `runbook hook install --\(rawValue)`.
            # The runbook binary: $RUNBOOK if set, else the one that installed this hook, else runbook on the PATH.
            [ -n "${RUNBOOK:-}" ] || RUNBOOK=\(Self.shellQuoted(executable))
            [ -x "$RUNBOOK" ] || RUNBOOK=runbook

            """
        switch self {
        case .preCommit:
            return header + """
                # Lints exactly what is being committed. Skip once with `git commit --no-verify`.
                exec "$RUNBOOK" lint --staged

                """
        case .preReceive:
            return header + """
                # Git sends "<old> <new> <ref>" per pushed ref; a new id of all zeros deletes the ref.
                status=0
                while read -r old new ref; do
                    case "$new" in *[!0]*) ;; *) continue ;; esac
                    if ! "$RUNBOOK" lint --rev "$new"; then
                        echo "runbook: rejected $ref: fix the runbook problems above and push again" >&2
                        status=1
                    fi
                done
                exit $status

                """
        }
    }

    /// Single-quoted for sh: safe for any path, spaces and quotes included.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
