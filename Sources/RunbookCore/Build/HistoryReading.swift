import Dispatch
import GitKit
import Synchronization

/// Lineage read on its own thread with its own repository handle (a libgit2
/// handle serves one thread), so the history walk overlaps with parsing.
final class HistoryReading: Sendable {
    typealias Result = (lineages: [String: Lineage], commitsRead: Int, commitDate: Signature?)

    private let gitDirectory: String
    private let commit: ObjectID?
    private let paths: [String]
    private let cacheDirectory: String?
    private let cacheWrites: CacheWrites
    private let outcome = Mutex<Swift.Result<Result, any Error>?>(nil)
    private let group = DispatchGroup()

    init(gitDirectory: String, commit: ObjectID?, paths: [String], options: BuildOptions, cacheWrites: CacheWrites) {
        self.gitDirectory = gitDirectory
        self.commit = commit
        self.paths = paths
        cacheDirectory = options.cacheDirectory
        self.cacheWrites = cacheWrites
    }

    func start(progress: @escaping @Sendable (BuildStage, Int, Int?) -> Void) {
        guard let commit else {
            outcome.withLock { $0 = .success(([:], 0, nil)) }
            return
        }
        DispatchQueue.global().async(group: group) { [self] in
            let result = Swift.Result { () throws -> Result in
                let repository = try Repository.discover(startingAt: gitDirectory)
                return try read(repository, at: commit, progress: progress)
            }
            outcome.withLock { $0 = result }
        }
    }

    func wait() throws -> Result {
        group.wait()
        return try outcome.withLock { $0 }!.get()
    }

    private func read(
        _ repository: Repository, at commit: ObjectID, progress: @escaping @Sendable (BuildStage, Int, Int?) -> Void
    ) throws -> Result {
        let reader = LineageReader(repository: repository, cacheDirectory: cacheDirectory)
        let report = try reader.lineages(
            of: paths, at: commit, progress: { walked in progress(.history, walked, nil) }, writeCache: cacheWrites.start)
        return (report.lineages, report.readCommits, report.committer)
    }
}
