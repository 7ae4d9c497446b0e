import Foundation

/// Validates a site's `index.json` against the `index.schema.json` beside it, with
/// Python's jsonschema (installed by `make test`).
enum SchemaCheck {
    static func problems(site: String) throws -> String {
        let tool = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("tools/validate-json-schema").path
        let python = ProcessInfo.processInfo.environment["RUNBOOK_TEST_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, tool, site + "/index.schema.json", site + "/index.json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus <= 1 else { throw FixtureError("cannot validate the index: \(text)") }
        return text
    }
}
