import Foundation
import Testing

/// `runbook run` and `resume` with the real binary, real shells and a real
/// SQLite log: answers come on standard input, one per line.
@Suite("run: executing runbooks")
struct RunTests {
    static let config = "sections: {required: [Diagnosis, Mitigation], commands: {}}\n"

    /// An approved runbook whose steps are given as `(attributes, script)`, all in Mitigation
    /// after one Diagnosis step that echoes `$QUEUE`.
    static func runbook(
        status: String = "approved", autonomy: String = "manual", steps: [(String, String)], manual: [String] = []
    ) -> String {
        var text = """
            ---
            title: Queue is stuck
            owner: team-queue
            severity: high
            status: \(status)
            autonomy: \(autonomy)
            alerts: [QueueStuck]
            variables:
              - name: QUEUE
                prompt: Which queue?
                default: orders
                pattern: '[a-z]+'
            ---
            # Queue is stuck
            ## Diagnosis
            ```bash {name=inspect}
            echo "inspecting $QUEUE"
            ```
            ## Mitigation

            """
        for (attributes, script) in steps {
            text += "```bash {\(attributes)}\n\(script)\n```\n"
        }
        for item in manual { text += "- [ ] \(item)\n" }
        return text
    }

    private func repository(_ text: String) async throws -> FixtureRepository {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", Self.config)
        try repo.write("runbooks/queue-stuck.md", text)
        try await repo.commitAll("Add the queue runbook")
        return repo
    }

    private func run(_ repo: FixtureRepository, _ arguments: [String], answers: [String] = []) async throws -> ProcessResult {
        let input = answers.map { $0 + "\n" }.joined()
        return try await RunbookProcess.runbook(
            ["run"] + arguments + ["--log", repo.sandbox + "/runs.sqlite"], in: repo.path, environment: repo.environment,
            stdin: Data(input.utf8))
    }

    private func runDetail(_ repo: FixtureRepository, _ run: Int) async throws -> [String: Any] {
        let result = try await repo.runbook("runs", "show", String(run), "--json", "--log", repo.sandbox + "/runs.sqlite")
        #expect(result.status == 0, "\(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func attempts(_ detail: [String: Any]) -> [(step: String, decision: String, exit: Int?)] {
        ((detail["attempts"] as? [[String: Any]]) ?? []).map {
            ($0["step"] as? String ?? "", $0["decision"] as? String ?? "", $0["exitCode"] as? Int)
        }
    }

    private func outcome(_ detail: [String: Any]) -> String? {
        (detail["run"] as? [String: Any])?["outcome"] as? String ?? detail["outcome"] as? String
    }

    @Test("a full interactive run: plan, variables asked, steps run, a retry attribute, a manual step, all logged")
    func interactiveRun() async throws {
        let repo = try await repository(Self.runbook(
            steps: [("name=flaky retries=1", "if [ -f flaky-ok ]; then echo recovered; else touch flaky-ok; echo first try fails; exit 3; fi")],
            manual: ["Tell the incident channel"]))
        let result = try await run(repo, ["queue-stuck"], answers: ["payments", "r", "r", "d", "posted in #incident"])
        #expect(result.status == 0, "\(result)")
        let out = result.stdout
        #expect(out.contains("Plan: 3 steps"), "\(result)")
        #expect(out.contains("1. inspect  [Diagnosis, bash, line 16]"), "\(result)")
        #expect(out.contains("inspecting payments"), "\(result)")
        #expect(out.contains("first try fails") && out.contains("retrying step flaky (1 of 1 retries)") && out.contains("recovered"))
        #expect(out.contains("run 1 succeeded"), "\(result)")
        let detail = try await runDetail(repo, 1)
        #expect(outcome(detail) == "succeeded", "\(detail)")
        let rows = attempts(detail)
        #expect(rows.map(\.step) == ["inspect", "flaky", "flaky", "tell-the-incident"], "\(rows)")
        #expect(rows.map(\.decision) == ["run", "run", "run", "done"], "\(rows)")
        #expect(rows.map(\.exit) == [0, 3, 0, nil], "\(rows)")
    }

    @Test("retry, skip and abort at the prompts; the run ends aborted with exit 1")
    func retrySkipAbort() async throws {
        let repo = try await repository(Self.runbook(steps: [
            ("name=second-time", "if [ -f tried ]; then echo ok now; else touch tried; exit 4; fi"),
            ("name=always-fails", "echo broken; exit 5"),
            ("name=never-reached", "touch reached"),
        ]))
        let result = try await run(repo, ["queue-stuck", "--var", "QUEUE=orders"], answers: ["r", "r", "retry", "r", "s", "a"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("run 1 aborted"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reached"))
        let rows = attempts(try await runDetail(repo, 1))
        #expect(rows.map(\.step) == ["inspect", "second-time", "second-time", "always-fails", "always-fails", "never-reached"], "\(rows)")
        #expect(rows.map(\.decision) == ["run", "run", "run", "run", "skip", "abort"], "\(rows)")
        #expect(rows.map(\.exit) == [0, 4, 0, 5, nil, nil], "\(rows)")
    }

    @Test("a timeout ends the step's whole process group: a child that ignores TERM and its grandchild")
    func timeoutKillsTheGroup() async throws {
        let script = #"bash -c 'trap "" TERM; sleep 300 & echo $! > grandchild.pid; echo $$ > child.pid; wait'"#
        let repo = try await repository(Self.runbook(steps: [("name=hang timeout=1s", script)]))
        let result = try await run(repo, ["queue-stuck", "--var", "QUEUE=orders"], answers: ["r", "r", "a"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("timed out"), "\(result)")
        for file in ["child.pid", "grandchild.pid"] {
            let text = try String(contentsOfFile: repo.path + "/" + file, encoding: .utf8)
            let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(BackgroundProcess.isGone(pid), "\(file) \(pid) is still running")
        }
        let detail = try await runDetail(repo, 1)
        let hang = try #require((detail["attempts"] as? [[String: Any]])?.first { $0["step"] as? String == "hang" })
        #expect(hang["timedOut"] as? Bool == true, "\(hang)")
    }

    @Test("a denylisted command is refused without --allow-dangerous, and with it runs only when its name is typed")
    func dangerousStepsNeedTheFlagAndTheName() async throws {
        // mkfs onto a device that does not exist: harmless even if it were wrongly run; the marker tells.
        // `dangerous=true` acknowledges it for lint, which the executor does not take as permission.
        let repo = try await repository(Self.runbook(steps: [("name=wipe dangerous=true", "touch wiped && mkfs.ext4 /dev/runbook-test-nonexistent")]))
        let refused = try await run(repo, ["queue-stuck", "--var", "QUEUE=orders"], answers: ["r", "s"])
        #expect(refused.status == 0, "\(refused)")
        #expect(refused.stdout.contains("refused: a command on the dangerous-command list runs only with --allow-dangerous"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/wiped"))

        let mistyped = try await run(repo, ["queue-stuck", "--var", "QUEUE=orders", "--allow-dangerous"], answers: ["r", "yes", "a"])
        #expect(mistyped.status == 1, "\(mistyped)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/wiped"))

        let yes = try await run(repo, ["queue-stuck", "--yes", "--allow-dangerous"])
        #expect(yes.status == 2, "\(yes)")

        let typed = try await run(repo, ["queue-stuck", "--var", "QUEUE=orders", "--allow-dangerous"], answers: ["r", "wipe", "a"])
        #expect(FileManager.default.fileExists(atPath: repo.path + "/wiped"), "\(typed)")
        let rows = attempts(try await runDetail(repo, 1))
        #expect(rows.map(\.decision) == ["run", "refused", "skip"], "\(rows)")
    }

    @Test("a draft runbook is refused with exit 2 and the flag that overrides it; --allow-draft runs it")
    func draftRefused() async throws {
        let repo = try await repository(Self.runbook(status: "draft", steps: [("name=hello", "touch hello")]))
        let refused = try await run(repo, ["queue-stuck", "--var", "QUEUE=orders"], answers: ["r", "r"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("has status 'draft', and only 'approved' runbooks run"), "\(refused)")
        #expect(refused.stderr.contains("--allow-draft"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/hello"))
        let allowed = try await run(repo, ["queue-stuck", "--var", "QUEUE=orders", "--allow-draft"], answers: ["r", "r"])
        #expect(allowed.status == 0, "\(allowed)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/hello"))
    }

    @Test("--yes is refused for a runbook not marked autonomy: auto; --json with --yes streams events")
    func unattendedRuns() async throws {
        let manual = try await repository(Self.runbook(steps: [("name=hello", "echo hello")]))
        let refused = try await run(manual, ["queue-stuck", "--yes"])
        #expect(refused.status == 2 && refused.stderr.contains("autonomy: auto"), "\(refused)")

        let auto = try await repository(Self.runbook(autonomy: "auto", steps: [("name=hello", "echo hello from $QUEUE")]))
        let streamed = try await run(auto, ["QueueStuck", "--yes", "--json"])
        #expect(streamed.status == 0, "\(streamed)")
        let events = try streamed.stdoutLines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let kinds = events.compactMap { $0["event"] as? String }
        #expect(kinds.first == "plan" && kinds.last == "run-finished", "\(kinds)")
        #expect(kinds.filter { $0 == "step-started" }.count == 2 && kinds.filter { $0 == "step-finished" }.count == 2)
        let text = events.filter { $0["event"] as? String == "output" }.compactMap { $0["text"] as? String }.joined()
        #expect(text.contains("hello from orders"), "\(text)")
        #expect(events.last?["outcome"] as? String == "succeeded")
    }

    @Test("variables reach steps only through the environment and are checked against their pattern")
    func variablesAreEnvironmentOnly() async throws {
        let repo = try await repository(Self.runbook(steps: [("name=show", #"printf '%s\n' "queue=[$QUEUE]""#)]))
        let bad = try await run(repo, ["queue-stuck", "--var", "QUEUE=x; touch injected"])
        #expect(bad.status == 2 && bad.stderr.contains("does not match the variable's pattern"), "\(bad)")
        let unknown = try await run(repo, ["queue-stuck", "--var", "COLOR=red"])
        #expect(unknown.status == 2 && unknown.stderr.contains("has no variable 'COLOR'"), "\(unknown)")
        let dry = try await run(repo, ["queue-stuck", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("dry run: nothing was run"), "\(dry)")
        #expect(!FileManager.default.fileExists(atPath: repo.sandbox + "/runs.sqlite"))
    }

    @Test("Ctrl-C during a step stops its processes, records the run as interrupted and exits 130")
    func interruptDuringAStep() async throws {
        let repo = try await repository(Self.runbook(steps: [("name=wait", "echo $$ > wait.pid; touch waiting; sleep 300")]))
        let runner = try BackgroundProcess(
            RunbookProcess.binary, ["run", "queue-stuck", "--var", "QUEUE=orders", "--log", repo.sandbox + "/runs.sqlite"],
            in: repo.path, environment: repo.environment, stdin: "r\nr\n")
        #expect(await BackgroundProcess.waitUntil { FileManager.default.fileExists(atPath: repo.path + "/waiting") })
        runner.signal(SIGINT)
        let result = await runner.wait()
        #expect(result.status == 130, "\(result)")
        let pid = try #require(Int32(try String(contentsOfFile: repo.path + "/wait.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(BackgroundProcess.isGone(pid))
        #expect(outcome(try await runDetail(repo, 1)) == "interrupted")
    }

    @Test("after kill -9 of the runner mid-step the log holds every completed step, and resume finishes the run")
    func resumeAfterKill() async throws {
        let repo = try await repository(Self.runbook(steps: [
            ("name=slow", "echo $$ > slow.pid; touch started; [ -f resumed ] || sleep 300; echo slow done"),
            ("name=last", "touch last-ran"),
        ]))
        let runner = try BackgroundProcess(
            RunbookProcess.binary, ["run", "queue-stuck", "--var", "QUEUE=orders", "--log", repo.sandbox + "/runs.sqlite"],
            in: repo.path, environment: repo.environment, stdin: "r\nr\n")
        #expect(await BackgroundProcess.waitUntil { FileManager.default.fileExists(atPath: repo.path + "/started") })
        runner.signal(SIGKILL)
        _ = await runner.wait()
        // The orphaned step is the test's to clean up: nothing else will.
        if let pid = Int32((try? String(contentsOfFile: repo.path + "/slow.pid", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        let before = try await runDetail(repo, 1)
        #expect(outcome(before) == "running")
        #expect(attempts(before).map(\.step) == ["inspect", "slow"], "\(before)")
        #expect(attempts(before).first?.exit == 0)

        try repo.write("resumed", "")
        let resumed = try await RunbookProcess.runbook(
            ["resume", "1", "--log", repo.sandbox + "/runs.sqlite"], in: repo.path, environment: repo.environment,
            stdin: Data("r\nr\n".utf8))
        #expect(resumed.status == 0, "\(resumed)")
        #expect(resumed.stdout.contains("slow done") && !resumed.stdout.contains("inspecting orders"), "\(resumed)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/last-ran"))
        let after = try await runDetail(repo, 1)
        #expect(outcome(after) == "succeeded")
        #expect(attempts(after).map(\.step) == ["inspect", "slow", "slow", "last"], "\(after)")
    }

    @Test("resume refuses a runbook whose content changed since the run began, unless --force")
    func resumeRefusesChangedContent() async throws {
        let repo = try await repository(Self.runbook(steps: [("name=fails", "exit 1")]))
        let first = try await run(repo, ["queue-stuck", "--var", "QUEUE=orders"], answers: ["r", "r", "a"])
        #expect(first.status == 1, "\(first)")
        try repo.write("runbooks/queue-stuck.md", Self.runbook(steps: [("name=fails", "echo fixed")]))
        try await repo.commitAll("Fix the step")
        let refused = try await RunbookProcess.runbook(
            ["resume", "1", "--log", repo.sandbox + "/runs.sqlite"], in: repo.path, environment: repo.environment, stdin: Data("r\n".utf8))
        #expect(refused.status == 2 && refused.stderr.contains("changed since run 1 began"), "\(refused)")
        let forced = try await RunbookProcess.runbook(
            ["resume", "1", "--force", "--log", repo.sandbox + "/runs.sqlite"], in: repo.path, environment: repo.environment,
            stdin: Data("r\n".utf8))
        #expect(forced.status == 0 && forced.stdout.contains("fixed"), "\(forced)")
    }

    @Test("an index fetched over HTTP is used, and one that disagrees with the repository is refused")
    func indexOverHTTP() async throws {
        let repo = try await repository(Self.runbook(steps: [("name=hello", "echo hello over http")]))
        let built = try await repo.runbook("build", "--out", repo.sandbox + "/site")
        #expect(built.status == 0, "\(built)")
        let server = try SiteServer(serving: repo.sandbox + "/site", for: repo)
        defer { server.stop() }
        let url = server.url("index.json")
        let result = try await server.whenServing { try await run(repo, ["queue-stuck", "--index", url, "--var", "QUEUE=orders"], answers: ["r", "r"]) }
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("hello over http"), "\(result)")

        try repo.write("runbooks/queue-stuck.md", Self.runbook(steps: [("name=hello", "echo changed")]))
        try await repo.commitAll("Change the step")
        let stale = try await run(repo, ["queue-stuck", "--index", url, "--var", "QUEUE=orders"], answers: ["r", "r"])
        #expect(stale.status == 2 && stale.stderr.contains("--allow-index-mismatch"), "\(stale)")
        let missing = try await run(repo, ["queue-stuck", "--index", server.url("nothing.json")])
        #expect(missing.status == 2 && missing.stderr.contains("HTTP 404"), "\(missing)")
    }

    @Test("graph prints DOT that Graphviz accepts, and Mermaid")
    func graph() async throws {
        let repo = try await repository(Self.runbook(steps: [
            ("name=drain depends=cordon", "echo drain"), ("name=cordon", "echo cordon"),
        ]))
        let dot = try await repo.runbook("graph", "queue-stuck")
        #expect(dot.status == 0, "\(dot)")
        #expect(dot.stdout.contains("s2 [label=\"2. cordon\"]") && dot.stdout.contains("s2 -> s3;"), "\(dot)")
        let rendered = try await RunbookProcess.run(
            "sh", ["-c", "runbook_graph=\"$1\"; printf '%s' \"$runbook_graph\" | dot -Tsvg", "sh", dot.stdout],
            in: repo.path, environment: repo.environment)
        #expect(rendered.status == 0 && rendered.stdout.contains("<svg"), "\(rendered)")
        let mermaid = try await repo.runbook("graph", "queue-stuck", "--format", "mermaid")
        #expect(mermaid.stdout.hasPrefix("flowchart TD\n") && mermaid.stdout.contains("s2 --> s3"), "\(mermaid)")

        try repo.write("runbooks/queue-stuck.md", Self.runbook(steps: [("name=a depends=b", "true"), ("name=b depends=a", "true")]))
        try await repo.commitAll("A ring")
        let ring = try await repo.runbook("graph", "queue-stuck")
        #expect(ring.status == 2 && ring.stderr.contains("depend on each other in a ring"), "\(ring)")
        let lint = try await repo.runbook("lint")
        #expect(lint.status == 1 && lint.stdout.contains("[step-cycle]"), "\(lint)")
    }
}
