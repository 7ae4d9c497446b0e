import Foundation

/// Runbook texts for the default config (runbooks under `runbooks/`; sections
/// Summary, Symptoms, Diagnosis, Mitigation, Root Cause Fix, Escalation in that
/// order; at least 2 commands in Diagnosis and 1 in Mitigation), and broken
/// variants with the exact problems the tool must report for them.
enum Fixtures {
    /// The Symptoms line (line 13 of `valid`), which variants replace.
    static let symptomsLine = "Pods log `SERVFAIL` for cluster-local names."

    /// A runbook with no problems under the default config. Line numbers matter:
    /// Symptoms text is line 13, `## Diagnosis` line 15, `## Escalation` line 28.
    static func valid(summary: String = "Internal names stop resolving inside the cluster.") -> String {
        """
        ---
        title: DNS resolution fails
        owner: team-net
        severity: critical
        status: approved
        ---
        # DNS resolution fails

        ## Summary
        \(summary)

        ## Symptoms
        \(symptomsLine)

        ## Diagnosis
        ```bash
        dig @10.0.0.10 kubernetes.default.svc.cluster.local
        kubectl -n kube-system get pods -l k8s-app=kube-dns
        ```

        ## Mitigation
        ```bash
        kubectl -n kube-system rollout restart deployment coredns
        ```

        ## Root Cause Fix
        Raise the CoreDNS memory limit and add a replica.

        ## Escalation
        Page the network on-call.

        """
    }

    /// `valid` with one Diagnosis command and no Escalation section: two errors.
    static let broken: String = valid()
        .replacingOccurrences(of: "kubectl -n kube-system get pods -l k8s-app=kube-dns\n", with: "")
        .replacingOccurrences(of: "## Escalation\nPage the network on-call.\n", with: "")

    /// The text-format lines `broken` produces at `path`, in order.
    static func brokenLines(_ path: String) -> [String] {
        [
            "\(path):1:1: error: \(missingEscalation) [missing-section]",
            "\(path):15:1: error: \(tooFewDiagnosis) [too-few-commands]",
        ]
    }

    static let missingEscalation = "required section 'Escalation' is missing; add a '## Escalation' heading"
    static let tooFewDiagnosis =
        "section 'Diagnosis' has 1 command; at least 2 required (sections.commands in runbook.yml): add them as fenced ```bash blocks, one command per line"

    /// `valid` with the Symptoms line replaced.
    static func withSymptoms(_ text: String) -> String {
        valid().replacingOccurrences(of: symptomsLine, with: text)
    }

    /// `valid` with a TODO at line 13, column 1.
    static let withTODO = withSymptoms("TODO: list the alerts that fire.")

    static func placeholderLine(_ path: String, line: Int = 13, column: Int = 1, severity: String = "error", word: String = "TODO") -> String {
        "\(path):\(line):\(column): \(severity): placeholder '\(word)' left in the runbook; replace it with the real content before an incident needs it [placeholder]"
    }

    /// The six missing-section lines a runbook with no sections gets, in the order the tool sorts them.
    static func allSectionsMissing(_ path: String) -> [String] {
        ["Diagnosis", "Escalation", "Mitigation", "Root Cause Fix", "Summary", "Symptoms"].map {
            "\(path):1:1: error: required section '\($0)' is missing; add a '## \($0)' heading [missing-section]"
        }
    }

    static func missingTitle(_ path: String) -> String {
        "\(path):1:1: error: runbook has no title; start it with a '# Title' heading or set 'title:' in the front matter [missing-title]"
    }

    static func unreadable(_ path: String, _ reason: String) -> String {
        "\(path):1:1: error: \(reason) [unreadable-file]"
    }

    static func badFrontMatter(_ path: String, line: Int, column: Int, _ reason: String) -> String {
        "\(path):\(line):\(column): error: front matter cannot be read: \(reason); fix the YAML between the '---' lines (none of it is used until then) [bad-front-matter]"
    }

    static let symlinkReason = "file is a symbolic link; runbooks must be regular files"

    /// The summary line text format writes to standard error.
    static func summary(runbooks: Int, errors: Int = 0, warnings: Int = 0) -> String {
        let checked = runbooks == 1 ? "1 runbook" : "\(runbooks) runbooks"
        if errors == 0 && warnings == 0 { return "\(checked) checked, no problems" }
        let e = errors == 1 ? "1 error" : "\(errors) errors"
        let w = warnings == 1 ? "1 warning" : "\(warnings) warnings"
        return "\(checked) checked: \(e), \(w)"
    }
}
