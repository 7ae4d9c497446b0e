import Foundation

/// A built site served over HTTP on 127.0.0.1 by `python3 -m http.server`, for the
/// tests that read an index from a URL. Stopped when the test calls `stop()`.
struct SiteServer {
    let port = Int.random(in: 20_000..<60_000)
    private let process: BackgroundProcess

    init(serving directory: String, for repo: FixtureRepository) throws {
        let python = ProcessInfo.processInfo.environment["RUNBOOK_TEST_PYTHON"] ?? "python3"
        process = try BackgroundProcess(
            python, ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", directory],
            in: repo.sandbox, environment: repo.environment)
    }

    /// The URL of a file of the site.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    func stop() { process.signal(SIGKILL) }

    /// Runs `attempt` until the server answers: it may still be starting, and a
    /// refused connection is retried for up to ten seconds, not failed.
    func whenServing(_ attempt: () async throws -> ProcessResult) async throws -> ProcessResult {
        var result = try await attempt()
        for _ in 0..<100 where result.stderr.contains("cannot fetch the index") {
            try await Task.sleep(for: .milliseconds(100))
            result = try await attempt()
        }
        return result
    }
}
