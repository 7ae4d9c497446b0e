import Foundation
import GRDB
import RunbookCore
import Synchronization
import Testing
@testable import Executor

@Suite struct RunLogTests {
    /// 2024-03-01T12:00:00Z plus some seconds: fixed times, whole milliseconds.
    static func time(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_709_294_400 + seconds) }

    static func start(_ runbook: String = "etcd/no-leader", steps: Int = 3, at seconds: Double = 0) -> RunStart {
        RunStart(
            runbookID: runbook, title: "etcd has no leader", path: "runbooks/\(runbook).md",
            commit: "0123456789abcdef0123456789abcdef01234567", blob: "89abcdef0123456789abcdef0123456789abcdef",
            source: "/srv/runbooks@HEAD", user: "ada", host: "db1", stepCount: steps,
            variables: ["CLUSTER": "prod", "URL": "https://etcd/x"], start: time(seconds))
    }

    static func step(_ name: String, _ index: Int, _ kind: Step.Kind = .command) -> LoggedStep {
        LoggedStep(name: name, index: index, kind: kind, command: kind == .command ? "echo \(name)" : "Confirm \(name)")
    }

    static func output(_ text: String, cap: Int = StepOutput.defaultCap) -> StepOutput {
        var output = StepOutput(cap: cap)
        output.append(Data(text.utf8))
        return output
    }

    /// Records a command attempt that ends at once with `exitCode` (or a signal, or a timeout).
    @discardableResult
    static func attempt(
        _ log: RunLog, run: Int64, _ step: LoggedStep, exit exitCode: Int32? = 0, signal: Int32? = nil,
        timedOut: Bool = false, at seconds: Double
    ) throws -> Int64 {
        let id = try log.beginAttempt(run: run, step: step, at: time(seconds))
        try log.finishAttempt(id, AttemptEnd(
            exitCode: exitCode, signal: signal, timedOut: timedOut, output: output("\(step.name) said hi\n"),
            end: time(seconds + 1.5)))
        return id
    }

    @Test func aRunRoundTrips() throws {
        let folder = try TemporaryFolder()
        let log = try RunLog(path: folder.file("runs.sqlite"))
        let run = try log.beginRun(Self.start())
        try Self.attempt(log, run: run, Self.step("member-list", 0), at: 1)
        try log.recordDecision(.done, run: run, step: Self.step("leader", 1, .manual), note: "m2 leads", at: Self.time(5))
        try log.recordDecision(.skip, run: run, step: Self.step("restart", 2), at: Self.time(6))
        try log.finishRun(run, outcome: .succeeded, at: Self.time(7))

        let detail = try #require(try log.run(id: run))
        #expect(detail.run == RunRecord(id: run, started: Self.start(), end: Self.time(7), outcome: .succeeded))
        #expect(detail.run.title == "etcd has no leader" && detail.run.variables == ["CLUSTER": "prod", "URL": "https://etcd/x"])
        #expect(detail.attempts.map(\.step) == [
            Self.step("member-list", 0), Self.step("leader", 1, .manual), Self.step("restart", 2),
        ])
        #expect(detail.attempts.map(\.decision) == [.run, .done, .skip])
        let ran = detail.attempts[0]
        #expect(ran.exitCode == 0 && ran.signal == nil && !ran.timedOut)
        #expect(ran.output?.text == "member-list said hi\n")
        #expect(ran.output?.truncated == false)
        #expect(ran.start == Self.time(1) && ran.end == Self.time(2.5))
        #expect(detail.attempts[1].note == "m2 leads")
        #expect(detail.attempts[1].output == nil && detail.attempts[1].start == Self.time(5) && detail.attempts[1].end == Self.time(5))
        #expect(detail.resumptions.isEmpty)
    }

    @Test func runsAreListedNewestFirst() throws {
        let folder = try TemporaryFolder()
        let log = try RunLog(path: folder.file("runs.sqlite"))
        let ids = try ["a", "b", "c"].enumerated().map { index, id in try log.beginRun(Self.start(id, at: Double(index))) }
        #expect(try log.runs(limit: 10).map(\.run.id) == ids.reversed())
        #expect(try log.runs(limit: 2).map(\.run.runbookID) == ["c", "b"])
        #expect(try log.runCount() == 3)
        #expect(try log.runs(limit: 10).allSatisfy { $0.run.outcome == .running && $0.run.end == nil })
    }

    @Test func attemptsKeepTheirOrderAndRetriesCountOn() throws {
        let folder = try TemporaryFolder()
        let log = try RunLog(path: folder.file("runs.sqlite"))
        let run = try log.beginRun(Self.start())
        try Self.attempt(log, run: run, Self.step("a", 0), exit: 1, at: 1)
        try Self.attempt(log, run: run, Self.step("a", 0), exit: 1, at: 3)
        try Self.attempt(log, run: run, Self.step("a", 0), at: 5)
        try Self.attempt(log, run: run, Self.step("b", 1), at: 7)
        let attempts = try #require(try log.run(id: run)).attempts
        #expect(attempts.map(\.step.name) == ["a", "a", "a", "b"])
        #expect(attempts.map(\.number) == [1, 2, 3, 1])
        #expect(attempts.map(\.exitCode) == [1, 1, 0, 0])
        #expect(attempts.map(\.id) == attempts.map(\.id).sorted())
    }

    @Test func completedStepsAreTheSucceededDoneAndSkipped() throws {
        let folder = try TemporaryFolder()
        let log = try RunLog(path: folder.file("runs.sqlite"))
        let run = try log.beginRun(Self.start(steps: 11))
        try Self.attempt(log, run: run, Self.step("retried", 0), exit: 1, at: 1)
        try Self.attempt(log, run: run, Self.step("retried", 0), at: 2)
        try Self.attempt(log, run: run, Self.step("failed-last", 1), at: 3)
        try Self.attempt(log, run: run, Self.step("failed-last", 1), exit: 2, at: 4)
        try log.recordDecision(.skip, run: run, step: Self.step("skipped", 2), at: Self.time(5))
        try log.recordDecision(.done, run: run, step: Self.step("manual-done", 3, .manual), at: Self.time(6))
        try log.recordDecision(.notDone, run: run, step: Self.step("manual-not-done", 4, .manual), at: Self.time(7))
        try log.recordDecision(.refused, run: run, step: Self.step("refused", 5), at: Self.time(8))
        _ = try log.beginAttempt(run: run, step: Self.step("killed-midway", 6), at: Self.time(9))
        try Self.attempt(log, run: run, Self.step("failed-then-skipped", 7), exit: 1, at: 10)
        try log.recordDecision(.skip, run: run, step: Self.step("failed-then-skipped", 7), at: Self.time(12))
        try Self.attempt(log, run: run, Self.step("timed-out", 8), exit: 0, timedOut: true, at: 13)
        try Self.attempt(log, run: run, Self.step("signalled", 9), exit: nil, signal: 9, at: 15)
        try log.recordDecision(.abort, run: run, step: Self.step("aborted", 10), at: Self.time(17))

        let expected: Set = ["retried", "skipped", "manual-done", "failed-then-skipped"]
        #expect(try log.completedSteps(run: run) == expected)
        #expect(try #require(try log.run(id: run)).completedSteps == expected)
        #expect(try log.runs(limit: 1).first?.completedStepCount == 4)
    }

    @Test func outputBeyondTheCapKeepsTheTailAndSaysSo() throws {
        var output = StepOutput(cap: 8)
        for chunk in ["hello ", "wonderful ", "world", "!\n"] { output.append(Data(chunk.utf8)) }
        #expect(output.text == " world!\n")
        #expect(output.totalBytes == 23 && output.truncated)

        let folder = try TemporaryFolder()
        let log = try RunLog(path: folder.file("runs.sqlite"))
        let run = try log.beginRun(Self.start())
        let long = try log.beginAttempt(run: run, step: Self.step("long", 0), at: Self.time(1))
        try log.finishAttempt(long, AttemptEnd(exitCode: 0, signal: nil, timedOut: false, output: output, end: Self.time(2)))
        let short = try log.beginAttempt(run: run, step: Self.step("short", 1), at: Self.time(3))
        try log.finishAttempt(short, AttemptEnd(
            exitCode: 0, signal: nil, timedOut: false, output: Self.output("12345678", cap: 8), end: Self.time(4)))

        let attempts = try #require(try log.run(id: run)).attempts
        let kept = try #require(attempts[0].output)
        #expect(kept.bytes == Data(" world!\n".utf8))
        #expect(kept.totalBytes == 23 && kept.cap == 8 && kept.truncated)
        let whole = try #require(attempts[1].output)
        #expect(whole.text == "12345678" && whole.totalBytes == 8 && !whole.truncated)
    }

    @Test(arguments: ["x", String(repeating: "not a database\n", count: 100)])
    func aFileThatIsNotADatabaseIsRefusedAndLeftAlone(content: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("runs.sqlite")
        let garbage = Data(content.utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: RunLogError.notADatabase(path: path)) { try RunLog(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        #expect(RunLogError.notADatabase(path: path).description.contains(path))
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other.sqlite")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE run (name TEXT)") }
        #expect(throws: RunLogError.notARunLog(path: path)) { try RunLog(path: path) }
    }

    @Test func aLogFromANewerVersionIsRefusedNotReset() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("runs.sqlite")
        let run = try RunLog(path: path).beginRun(Self.start())
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('runlog-v99')")
        }
        #expect(throws: RunLogError.newerSchema(path: path, unknownMigrations: ["runlog-v99"])) { try RunLog(path: path) }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'runlog-v99'")
        }
        #expect(try RunLog(path: path).run(id: run) != nil)
    }

    @Test func aValueThisVersionCannotReadIsAnErrorNamingTheFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("runs.sqlite")
        let run = try RunLog(path: path).beginRun(Self.start())
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE run SET outcome = 'exploded', started_at = 'yesterday' WHERE id = ?", arguments: [run])
        }
        #expect(throws: RunLogError.unreadable(path: path, detail: "run \(run) has an unknown outcome 'exploded'")) {
            try RunLog(path: path).runs(limit: 5)
        }
    }

    @Test func aSecondConnectionSeesEveryCommittedWrite() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("runs.sqlite")
        let writer = try RunLog(path: path)
        let run = try writer.beginRun(Self.start())
        try Self.attempt(writer, run: run, Self.step("a", 0), at: 1)
        _ = try writer.beginAttempt(run: run, step: Self.step("b", 1), at: Self.time(3))

        // What a reader opened after the writer "died" (no finishRun, an attempt without an end) finds.
        let reader = try RunLog(path: path)
        let detail = try #require(try reader.run(id: run))
        #expect(detail.run.outcome == .running && detail.run.end == nil)
        #expect(detail.attempts.map(\.step.name) == ["a", "b"])
        #expect(detail.attempts[1].end == nil && detail.attempts[1].output == nil)
        #expect(try reader.completedSteps(run: run) == ["a"])
    }

    @Test func runnersCreatingOneNewLogAtOnceAllSucceed() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("runs.sqlite")
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            do {
                _ = try RunLog(path: path).beginRun(Self.start("r\(index)"))
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try RunLog(path: path).runCount() == 4)
    }

    @Test func aResumedRunKeepsItsIdAndCountsOn() throws {
        let folder = try TemporaryFolder()
        let log = try RunLog(path: folder.file("runs.sqlite"))
        let run = try log.beginRun(Self.start())
        try Self.attempt(log, run: run, Self.step("a", 0), exit: 1, at: 1)
        try log.finishRun(run, outcome: .interrupted, at: Self.time(3))
        try log.markResumed(run, RunResumption(at: Self.time(60), user: "grace", host: "db2"))
        try Self.attempt(log, run: run, Self.step("a", 0), at: 61)

        let detail = try #require(try log.run(id: run))
        #expect(detail.run.outcome == .running && detail.run.end == nil)
        #expect(detail.resumptions == [RunResumption(at: Self.time(60), user: "grace", host: "db2")])
        #expect(detail.attempts.map(\.number) == [1, 2])
        #expect(try log.runs(limit: 1).first?.resumeCount == 1)
    }

    @Test func writesNamingAnUnknownRunOrAttemptAreErrors() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("runs.sqlite")
        let log = try RunLog(path: path)
        #expect(try log.run(id: 7) == nil)
        #expect(throws: RunLogError.unknownRow(path: path, detail: "run 7")) {
            try log.beginAttempt(run: 7, step: Self.step("a", 0), at: Self.time(0))
        }
        #expect(throws: RunLogError.unknownRow(path: path, detail: "run 7")) { try log.completedSteps(run: 7) }
        let run = try log.beginRun(Self.start())
        let attempt = try Self.attempt(log, run: run, Self.step("a", 0), at: 1)
        #expect(throws: RunLogError.unknownRow(path: path, detail: "unfinished attempt \(attempt)")) {
            try log.finishAttempt(attempt, AttemptEnd(exitCode: 1, signal: nil, timedOut: false, output: StepOutput(), end: Self.time(9)))
        }
    }

    @Test func aNewLogIsPrivateToItsOwner() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("state/runbook/runs.sqlite")
        let log = try RunLog(path: path)
        _ = try log.beginRun(Self.start())
        func mode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        #expect(try mode(path) == 0o600)
        #expect(try mode(path + "-wal") == 0o600)
        #expect(try mode(folder.file("state/runbook")) == 0o700)
        #expect(try mode(folder.file("state")) == 0o700)
    }

    @Test func aParsedStepIsLoggedByNameKindAndScript() {
        let text = "# T\n## Diagnosis\n```bash {name=list}\netcdctl member list\n```\n- [ ] Confirm a leader\n"
        let steps = RunbookParser(config: Config()).parse(path: "runbooks/t.md", text: text).steps
        #expect(steps.enumerated().map { LoggedStep($1, index: $0) } == [
            LoggedStep(name: "list", index: 0, kind: .command, command: "etcdctl member list"),
            LoggedStep(name: steps.last?.name ?? "", index: 1, kind: .manual, command: "Confirm a leader"),
        ])
    }

    @Test func theDefaultLocationFollowsXDG() {
        #expect(RunLog.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/runbook/runs.sqlite")
        #expect(RunLog.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/runbook/runs.sqlite")
        #expect(RunLog.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/runbook/runs.sqlite")
    }
}
