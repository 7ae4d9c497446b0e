import Executor
import Foundation
import RunbookCore

/// What `run` and `resume` know before the first step: the runbook from the
/// index, the repository's config, and whether the index agrees with the
/// repository.
struct RunContext {
    let index: IndexDocument
    let runbook: IndexedRunbook
    let config: Config
    /// The repository's blob for the runbook's path, when there is a repository to ask (see `RunGate.check`).
    let repositoryBlob: String??

    /// - Parameter query: an id, path or alert name; for `resume`, the run's runbook id.
    static func load(_ query: String, indexOptions: IndexOptions) async throws -> RunContext {
        let (index, builtWith) = try await indexOptions.load()
        let runbook: IndexedRunbook
        do {
            runbook = try RunbookLookup.find(query, in: index)
        } catch {
            throw Terminal.fail(error.description)
        }
        // Built from the repository, the index agrees with it by construction, and its config is at hand.
        if let builtWith {
            return RunContext(index: index, runbook: runbook, config: builtWith, repositoryBlob: nil)
        }
        let loader = LintInputLoader(
            repositoryPath: indexOptions.repositoryOptions.repository, configPath: indexOptions.config,
            currentDirectory: FileManager.default.currentDirectoryPath)
        do {
            guard loader.hasRepository else {
                return RunContext(index: index, runbook: runbook, config: try loader.configWithoutRepository(), repositoryBlob: nil)
            }
            let tree: (config: Config, blobs: [String: String])
            do {
                tree = try loader.runbookBlobs(at: indexOptions.rev ?? "HEAD")
            } catch where !(error is ConfigError) {
                // An index needs no repository; one that cannot be read is only a lost cross-check.
                Terminal.printError("runbook: warning: not comparing the index with the repository: \(error)")
                return RunContext(index: index, runbook: runbook, config: try loader.configWithoutRepository(), repositoryBlob: nil)
            }
            return RunContext(index: index, runbook: runbook, config: tree.config, repositoryBlob: .some(tree.blobs[runbook.path]))
        } catch let error as ConfigError {
            Terminal.printError(error.description)
            throw ExitStatus.toolFailure.exitCode
        } catch {
            throw Terminal.fail("\(error)")
        }
    }
}
