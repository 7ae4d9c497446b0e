import Foundation
import RunbookCore

extension RepositoryOptions {
    /// The folder that commands writing runbooks (`new`, `draft`) write under, and the
    /// config there (`--config`, else `runbook.yml` on disk); a bad config or repository
    /// is reported and exits 2.
    func workingTree(config: String?) throws -> (base: String, config: Config) {
        let loader = LintInputLoader(
            repositoryPath: repository, configPath: config, currentDirectory: FileManager.default.currentDirectoryPath)
        do {
            return try loader.workingTreeConfig()
        } catch let error as ConfigError {
            Terminal.printError(error.description)
            throw ExitStatus.toolFailure.exitCode
        } catch {
            throw Terminal.fail("\(error)")
        }
    }
}
