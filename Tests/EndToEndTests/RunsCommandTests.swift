import Executor
import Foundation
import Testing

/// `runbook runs` and `runbook runs show` over a run log seeded through the
/// library (the same code `runbook run` records with), read by the real binary
/// in another process.
@Suite("runbook runs: listing and showing recorded runs")
struct RunsCommandTests {
    static func time(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_709_294_400 + seconds) }

    /// Two runs: 1 failed after a retry, a manual step and a skip; 2 still
    /// running (its runner "died" mid-step), resumed once.
    static func seed(_ path: String) throws {
        let log = try RunLog(path: path)
        let first = try log.beginRun(RunStart(
            runbookID: "etcd/no-leader", title: "etcd has no leader", path: "runbooks/etcd/no-leader.md",
            commit: "0123456789abcdef0123456789abcdef01234567", blob: "89abcdef0123456789abcdef0123456789abcdef",
            source: "/srv/runbooks@HEAD", user: "ada", host: "db1", stepCount: 4,
            variables: ["CLUSTER": "prod"], start: time(0)))
        let list = LoggedStep(name: "member-list", index: 0, kind: .command, command: "etcdctl member list")
        var output = StepOutput(cap: 16)
        output.append(Data("connecting\nm1 started\nm2 started\n".utf8))
        let failed = try log.beginAttempt(run: first, step: list, at: time(1))
        try log.finishAttempt(failed, AttemptEnd(
            exitCode: 1, signal: nil, timedOut: false, output: output, note: "flaky", end: time(3.5)))
        let retried = try log.beginAttempt(run: first, step: list, at: time(4))
        var ok = StepOutput(cap: 16)
        ok.append(Data("m1\n\u{1B}[31mm2\n".utf8))
        try log.finishAttempt(retried, AttemptEnd(exitCode: 0, signal: nil, timedOut: false, output: ok, end: time(4.25)))
        try log.recordDecision(
            .done, run: first, step: LoggedStep(name: "leader", index: 1, kind: .manual, command: "Confirm a leader"),
            note: "m2 leads", at: time(10))
        let restart = LoggedStep(name: "restart", index: 2, kind: .command, command: "systemctl restart etcd\nsleep 1")
        let timedOut = try log.beginAttempt(run: first, step: restart, at: time(11))
        try log.finishAttempt(timedOut, AttemptEnd(
            exitCode: nil, signal: 9, timedOut: true, output: StepOutput(cap: 16), end: time(41)))
        try log.recordDecision(.abort, run: first, step: restart, at: time(42))
        try log.finishRun(first, outcome: .aborted, at: time(42))

        let second = try log.beginRun(RunStart(
            runbookID: "dns/resolve", title: "DNS does not resolve", path: "runbooks/dns/resolve.md",
            commit: "fedcba9876543210fedcba9876543210fedcba98", blob: "76543210fedcba9876543210fedcba9876543210",
            source: "https://runbooks.example/index.json", user: "grace", host: "web2", stepCount: 2,
            variables: [:], start: time(3600)))
        try log.recordDecision(
            .skip, run: second, step: LoggedStep(name: "dig", index: 0, kind: .command, command: "dig example.com"),
            at: time(3601))
        try log.finishRun(second, outcome: .interrupted, at: time(3602))
        try log.markResumed(second, RunResumption(at: time(7200), user: "grace", host: "web3"))
        _ = try log.beginAttempt(
            run: second, step: LoggedStep(name: "flush", index: 1, kind: .command, command: "resolvectl flush-caches"),
            at: time(7201))
    }

    static let table = """
        ID  STARTED               RUNBOOK         OUTCOME  STEPS  BY
         2  2024-03-01T13:00:00Z  dns/resolve     running  1/2    grace@web2
         1  2024-03-01T12:00:00Z  etcd/no-leader  aborted  2/4    ada@db1

        """

    @Test("runs lists the runs newest first, as a table and as JSON")
    func list() async throws {
        let repo = try await FixtureRepository()
        let log = repo.sandbox + "/state/runs.sqlite"
        try Self.seed(log)
        let text = try await repo.runbook("runs", "--log", log)
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout == Self.table, "\(text)")
        #expect(text.stderr.isEmpty, "\(text)")

        let json = try await repo.runbook("runs", "--json", "--log", log)
        #expect(json.status == 0, "\(json)")
        #expect(json.stdout == """
            [
              {
                "id": 2,
                "runbook": "dns/resolve",
                "title": "DNS does not resolve",
                "outcome": "running",
                "start": "2024-03-01T13:00:00.000Z",
                "end": null,
                "stepCount": 2,
                "completedSteps": 1,
                "resumeCount": 1,
                "user": "grace",
                "host": "web2"
              },
              {
                "id": 1,
                "runbook": "etcd/no-leader",
                "title": "etcd has no leader",
                "outcome": "aborted",
                "start": "2024-03-01T12:00:00.000Z",
                "end": "2024-03-01T12:00:42.000Z",
                "stepCount": 4,
                "completedSteps": 2,
                "resumeCount": 0,
                "user": "ada",
                "host": "db1"
              }
            ]

            """, "\(json)")
    }

    @Test("--limit lists only the newest runs and says how many there are")
    func limit() async throws {
        let repo = try await FixtureRepository()
        let log = repo.sandbox + "/runs.sqlite"
        try Self.seed(log)
        let result = try await repo.runbook("runs", "--limit", "1", "--log", log)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.count == 2 && result.stdoutLines[1].hasPrefix(" 2  "), "\(result)")
        #expect(result.stderr.contains("newest 1 of 2 runs"), "\(result)")
    }

    @Test("runs show prints every attempt, with output cleaned for the terminal")
    func show() async throws {
        let repo = try await FixtureRepository()
        let log = repo.sandbox + "/runs.sqlite"
        try Self.seed(log)
        let result = try await repo.runbook("runs", "show", "1", "--log", log)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == """
            Run 1: etcd/no-leader (etcd has no leader)
            Outcome:   aborted
            Started:   2024-03-01T12:00:00Z by ada@db1
            Ended:     2024-03-01T12:00:42Z, after 42.0s
            Runbook:   runbooks/etcd/no-leader.md at commit 0123456789abcdef0123456789abcdef01234567, blob 89abcdef0123456789abcdef0123456789abcdef
            Source:    /srv/runbooks@HEAD
            Steps:     2 of 4 completed
            Variables: CLUSTER=prod

            [1/4] member-list, attempt 1, 2024-03-01T12:00:01Z: exit 1 after 2.5s
                $ etcdctl member list
                note: flaky
                | rted
                | m2 started
                (output truncated: kept the last 16 bytes of 33)

            [1/4] member-list, attempt 2, 2024-03-01T12:00:04Z: exit 0 after 250ms
                $ etcdctl member list
                | m1
                | ^[[31mm2

            [2/4] leader (manual), attempt 1, 2024-03-01T12:00:10Z: done
                [ ] Confirm a leader
                note: m2 leads

            [3/4] restart, attempt 1, 2024-03-01T12:00:11Z: timed out after 30.0s
                $ systemctl restart etcd
                  sleep 1

            [3/4] restart, attempt 2, 2024-03-01T12:00:42Z: aborted
                $ systemctl restart etcd
                  sleep 1

            """, "\(result)")
    }

    @Test("runs show marks a step whose runner stopped midway, and lists resumes")
    func showUnfinished() async throws {
        let repo = try await FixtureRepository()
        let log = repo.sandbox + "/runs.sqlite"
        try Self.seed(log)
        let result = try await repo.runbook("runs", "show", "2", "--log", log)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Resumed:   2024-03-01T14:00:00Z by grace@web3\n"), "\(result)")
        #expect(result.stdout.contains(
            "[2/2] flush, attempt 1, 2024-03-01T14:00:01Z: no end recorded (still running, or the runner stopped)\n"),
            "\(result)")
    }

    @Test("runs show --json prints the run and its attempts in a fixed shape")
    func showJSON() async throws {
        let repo = try await FixtureRepository()
        let log = repo.sandbox + "/runs.sqlite"
        try Self.seed(log)
        let result = try await repo.runbook("runs", "show", "2", "--json", "--log", log)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == """
            {
              "id": 2,
              "runbook": "dns/resolve",
              "title": "DNS does not resolve",
              "outcome": "running",
              "start": "2024-03-01T13:00:00.000Z",
              "end": null,
              "stepCount": 2,
              "completedSteps": 1,
              "user": "grace",
              "host": "web2",
              "path": "runbooks/dns/resolve.md",
              "commit": "fedcba9876543210fedcba9876543210fedcba98",
              "blob": "76543210fedcba9876543210fedcba9876543210",
              "source": "https://runbooks.example/index.json",
              "variables": {},
              "resumptions": [
                {
                  "at": "2024-03-01T14:00:00.000Z",
                  "user": "grace",
                  "host": "web3"
                }
              ],
              "attempts": [
                {
                  "id": 6,
                  "step": "dig",
                  "stepIndex": 0,
                  "attempt": 1,
                  "kind": "command",
                  "command": "dig example.com",
                  "decision": "skip",
                  "note": null,
                  "start": "2024-03-01T13:00:01.000Z",
                  "end": "2024-03-01T13:00:01.000Z",
                  "exitCode": null,
                  "signal": null,
                  "timedOut": false,
                  "output": null
                },
                {
                  "id": 7,
                  "step": "flush",
                  "stepIndex": 1,
                  "attempt": 1,
                  "kind": "command",
                  "command": "resolvectl flush-caches",
                  "decision": "run",
                  "note": null,
                  "start": "2024-03-01T14:00:01.000Z",
                  "end": null,
                  "exitCode": null,
                  "signal": null,
                  "timedOut": false,
                  "output": null
                }
              ]
            }

            """, "\(result)")

        let first = try await repo.runbook("runs", "show", "1", "--json", "--log", log)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.contains("""
                  "output": {
                    "text": "rted\\nm2 started\\n",
                    "keptBytes": 16,
                    "totalBytes": 33,
                    "cap": 16,
                    "truncated": true
                  }
            """), "\(first)")
    }

    @Test("an unknown run exits 2 and says so", arguments: [["show", "99"], ["show", "99", "--json"]])
    func unknownRun(arguments: [String]) async throws {
        let repo = try await FixtureRepository()
        let log = repo.sandbox + "/runs.sqlite"
        try Self.seed(log)
        let result = try await repo.runbook(["runs"] + arguments + ["--log", log])
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr == "runbook: error: no run 99 in \(log); `runbook runs` lists the recorded runs\n", "\(result)")
    }

    @Test("with no log yet, runs says so and creates nothing; show exits 2")
    func noLogYet() async throws {
        let repo = try await FixtureRepository()
        // The fixture's environment has a private HOME and no XDG_STATE_HOME: the default log is under HOME.
        let path = repo.home + "/.local/state/runbook/runs.sqlite"
        let text = try await repo.runbook("runs")
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout == "no runs recorded yet in \(path)\n", "\(text)")
        let json = try await repo.runbook("runs", "--json")
        #expect(json.status == 0 && json.stdout == "[]\n", "\(json)")
        let show = try await repo.runbook("runs", "show", "1")
        #expect(show.status == 2, "\(show)")
        #expect(show.stderr.contains("no runs recorded yet"), "\(show)")
        #expect(!FileManager.default.fileExists(atPath: repo.home + "/.local"))
    }

    @Test("XDG_STATE_HOME places the default log")
    func stateHome() async throws {
        let repo = try await FixtureRepository()
        try Self.seed(repo.sandbox + "/state/runbook/runs.sqlite")
        var environment = repo.environment
        environment["XDG_STATE_HOME"] = repo.sandbox + "/state"
        let result = try await RunbookProcess.runbook(["runs"], in: repo.path, environment: environment)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == Self.table, "\(result)")
    }

    @Test("a file that is not a run log exits 2, naming it, and is left as it was")
    func notALog() async throws {
        let repo = try await FixtureRepository()
        let path = repo.sandbox + "/notes.txt"
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try await repo.runbook("runs", "--log", path)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("\(path) is not a SQLite database"), "\(result)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes\n")
    }
}
