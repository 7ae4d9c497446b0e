import Foundation
@testable import RunbookCore

/// Validates index documents against the shipped schema with Python's
/// `jsonschema` (installed by `make test`), through `Tests/tools/validate-json-schema`.
enum IndexSchemaValidator {
    /// The validator's complaints; empty when the document is valid.
    static func validate(_ document: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = folder.appendingPathComponent("index.schema.json")
        let index = folder.appendingPathComponent("index.json")
        try Data(IndexJSON.schema).write(to: schema)
        try Data(document).write(to: index)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            ProcessInfo.processInfo.environment["RUNBOOK_TEST_PYTHON"] ?? "python3",
            IndexJSONTests.repositoryRoot + "/Tests/tools/validate-json-schema", schema.path, index.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus <= 1 else { throw ValidatorUnavailable(message: text) }
        return text
    }

    struct ValidatorUnavailable: Error, CustomStringConvertible {
        var message: String
        var description: String { "cannot run the schema validator: \(message)" }
    }
}
