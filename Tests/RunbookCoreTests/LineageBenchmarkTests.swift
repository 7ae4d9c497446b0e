import Foundation
import GitKit
import RunbookCore
import Testing

/// Times the lineage reader on a large corpus and checks sampled paths
/// against `git log --follow`. Off unless `RUNBOOK_LINEAGE_CORPUS` names a
/// repository (e.g. /work/bench-data/c10k50k); the corpus is cloned first,
/// so it is never written to. `RUNBOOK_LINEAGE_SAMPLE` sets how many paths
/// are checked (default 16, plus half as many renamed ones and the edited one).
@Suite struct LineageBenchmarkTests {
    static let corpus = ProcessInfo.processInfo.environment["RUNBOOK_LINEAGE_CORPUS"]

    @Test(.enabled(if: corpus != nil)) func coldWarmAndOneNewCommit() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let fixture = GitFixture(existing: scratch + "/repo", root: scratch)
        try fixture.git(["clone", "--quiet", "--no-checkout", Self.corpus ?? "", scratch + "/repo"], in: scratch)
        let cacheDirectory = scratch + "/cache"

        let repository = try Repository.discover(startingAt: fixture.path)
        let head = try repository.resolveCommit("HEAD")
        let paths = try repository.treeEntries(commit: head, under: "services").map(\.path)

        func timed(_ label: String, at commit: ObjectID) throws -> LineageReport {
            let reader = LineageReader(repository: try Repository.discover(startingAt: fixture.path), cacheDirectory: cacheDirectory)
            let started = Date()
            let report = try reader.lineages(of: paths, at: commit)
            let seconds = Date().timeIntervalSince(started)
            print("lineage \(label): \(String(format: "%.3f", seconds)) s, \(paths.count) paths, \(report.walkedCommits) commits walked, \(report.readCommits) read")
            return report
        }
        let cold = try timed("cold", at: head)
        let warm = try timed("warm", at: head)
        #expect(warm.lineages == cold.lineages)
        #expect(warm.readCommits == 0)

        // One new commit editing one runbook, made with plumbing (no checkout needed).
        let edited = paths[paths.count / 2]
        let blob = try fixture.git(["rev-parse", "HEAD:\(edited)"])
        var content = try fixture.git(["cat-file", "blob", blob])
        content += "\nOne more line.\n"
        try content.write(toFile: scratch + "/edited", atomically: true, encoding: .utf8)
        let newBlob = try fixture.git(["hash-object", "-w", scratch + "/edited"])
        try fixture.git(["read-tree", "HEAD"])
        try fixture.git(["update-index", "--cacheinfo", "100644,\(newBlob),\(edited)"])
        let tree = try fixture.git(["write-tree"])
        let newCommit = try fixture.git(["commit-tree", tree, "-p", "HEAD", "-m", "Edit one runbook"])
        try fixture.git(["update-ref", "HEAD", newCommit])
        let next = try timed("after one new commit", at: try repository.resolveCommit("HEAD"))
        #expect(next.readCommits == 1)
        #expect(next.lineages[edited]?.changes.count == (cold.lineages[edited]?.changes.count ?? 0) + 1)

        // Exactness on a sample, renamed runbooks included.
        let renamed = paths.filter { next.lineages[$0]?.changes.contains { $0.kind == .renamed } == true }
        let size = Int(ProcessInfo.processInfo.environment["RUNBOOK_LINEAGE_SAMPLE"] ?? "") ?? 16
        let sample = stride(from: 0, to: paths.count, by: max(1, paths.count / size)).map { paths[$0] }
            + stride(from: 0, to: renamed.count, by: max(1, renamed.count / max(1, size / 2))).map { renamed[$0] } + [edited]
        var mismatches: [String] = []
        for path in sample {
            let expected = try fixture.followLog(path)
            let actual = next.lineages[path]?.changes.map(\.commit.hex) ?? []
            if actual != expected { mismatches.append(path) }
        }
        print("exactness: \(sample.count - mismatches.count)/\(sample.count) sampled paths equal git log --follow (\(renamed.count) runbooks have renames)")
        #expect(mismatches.isEmpty, "differ from git log --follow: \(mismatches)")
    }
}
