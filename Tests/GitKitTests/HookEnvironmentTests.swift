import Foundation
import Testing
@testable import GitKit

/// Hooks get their index and object directories through environment
/// variables. The tests pass a `HookEnvironment` value instead of calling
/// setenv, because the process environment is shared by parallel tests.
@Suite struct HookEnvironmentTests {
    @Test func readsTheVariablesRelativeToTheCurrentDirectory() {
        let environment = HookEnvironment(
            variables: [
                "GIT_INDEX_FILE": ".git/index.lock",
                "GIT_OBJECT_DIRECTORY": "/repo/.git/objects/tmp_objdir-incoming-x",
                "GIT_ALTERNATE_OBJECT_DIRECTORIES": "/repo/.git/objects::relative/objects:",
            ],
            currentDirectory: "/work/repo")
        #expect(environment.indexFile == "/work/repo/.git/index.lock")
        #expect(environment.objectDirectories == [
            "/repo/.git/objects/tmp_objdir-incoming-x", "/repo/.git/objects", "/work/repo/relative/objects",
        ])
    }

    @Test func ignoresEmptyValues() {
        let environment = HookEnvironment(
            variables: ["GIT_INDEX_FILE": "", "GIT_OBJECT_DIRECTORY": "", "GIT_ALTERNATE_OBJECT_DIRECTORIES": ""],
            currentDirectory: "/work")
        #expect(environment.indexFile == nil)
        #expect(environment.objectDirectories == [])
    }

    @Test func usesTheIndexNamedByGitIndexFile() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("runbooks/a.md", "one\n")
        try fixture.commitAll("first")
        // What `git commit -a` does: a separate index holding what will be committed.
        let other = ["GIT_INDEX_FILE": fixture.root + "/other-index"]
        try fixture.git("read-tree", "HEAD", environment: other)
        let extra = try fixture.blobID(of: "# Extra\n", write: true)
        try fixture.git("update-index", "--add", "--cacheinfo", "100644,\(extra),runbooks/extra.md", environment: other)

        let hooked = try Repository.discover(
            startingAt: fixture.path,
            environment: HookEnvironment(variables: ["GIT_INDEX_FILE": "other-index"], currentDirectory: fixture.root))
        #expect(try hooked.indexEntries(under: "runbooks") == [
            entry("runbooks/a.md", "5626abf0f72e58d7a153368ba57db4c673c0e171"),
            entry("runbooks/extra.md", "a4c3e57f4ff86f768d096a263da4da5a7336d227"),
        ])
        let plain = try Repository.discover(
            startingAt: fixture.path, environment: HookEnvironment(variables: [:], currentDirectory: fixture.root))
        #expect(try plain.indexEntries(under: "runbooks").map(\.path) == ["runbooks/a.md"])
    }

    @Test func readsObjectsFromGitObjectDirectoryAndAlternates() throws {
        let fixture = try TemporaryGitRepository()
        var directories: [String] = []
        for name in ["quarantine", "first", "second"] {
            try fixture.git("init", "--quiet", "--bare", fixture.root + "/\(name).git", in: fixture.root)
            directories.append(fixture.root + "/\(name).git/objects")
        }
        let quarantined = try fixture.blobID(
            of: "# Quarantined\n", write: true, environment: ["GIT_OBJECT_DIRECTORY": directories[0]])
        let first = try fixture.blobID(
            of: "first alternate\n", write: true, environment: ["GIT_OBJECT_DIRECTORY": directories[1]])
        let second = try fixture.blobID(
            of: "second alternate\n", write: true, environment: ["GIT_OBJECT_DIRECTORY": directories[2]])
        let ids = try [quarantined, first, second].map { try #require(ObjectID(hex: $0)) }
        #expect(ids.map(\.hex) == [
            "ca7347dc9bc2cc97050bc8ef46fbb1803336de7d", "22ce7b80e99dbd05bbfc99216da8fc82aed89d85",
            "41be93bc0245c58ef7889e2ff5d23715837eaffb",
        ])

        let plain = try Repository.discover(
            startingAt: fixture.path, environment: HookEnvironment(variables: [:], currentDirectory: fixture.root))
        for id in ids {
            let error = try #require(throws: GitError.self) { try plain.blob(id) }
            #expect(error.code == -3)
        }

        let hooked = try Repository.discover(
            startingAt: fixture.path,
            environment: HookEnvironment(
                variables: [
                    "GIT_OBJECT_DIRECTORY": "quarantine.git/objects",
                    "GIT_ALTERNATE_OBJECT_DIRECTORIES": directories[1] + ":" + directories[2],
                ],
                currentDirectory: fixture.root))
        #expect(try hooked.blob(ids[0]) == Array("# Quarantined\n".utf8))
        #expect(try hooked.blob(ids[1]) == Array("first alternate\n".utf8))
        #expect(try hooked.blob(ids[2]) == Array("second alternate\n".utf8))
        #expect(try hooked.blobSize(ids[0]) == 14)
    }

    /// What a pre-receive hook sees: the pushed commit, its trees and blobs
    /// exist only in the quarantine, next to the repository's own objects.
    @Test func seesAQuarantinedPushedCommit() throws {
        let fixture = try TemporaryGitRepository(bare: true)
        let work = fixture.root + "/work"
        try fixture.git("clone", "--quiet", fixture.path, work, in: fixture.root)
        try fixture.git("commit", "--quiet", "--allow-empty", "-m", "base", in: work)
        try fixture.git("push", "--quiet", "origin", "HEAD:main", in: work)
        let base = try fixture.git("rev-parse", "main")

        let quarantine = fixture.path + "/objects/incoming-test"
        let pushed = [
            "GIT_OBJECT_DIRECTORY": quarantine,
            "GIT_ALTERNATE_OBJECT_DIRECTORIES": fixture.path + "/objects",
            "GIT_INDEX_FILE": fixture.root + "/scratch-index",
        ]
        try FileManager.default.createDirectory(atPath: quarantine, withIntermediateDirectories: true)
        let blob = try fixture.blobID(of: "# Quarantined\n", write: true, environment: pushed)
        try fixture.git("update-index", "--add", "--cacheinfo", "100644,\(blob),runbooks/new.md", environment: pushed)
        let tree = try fixture.git("write-tree", environment: pushed)
        let commit = try fixture.git("commit-tree", tree, "-p", base, "-m", "pushed", environment: pushed, input: "")

        let outside = try Repository.discover(
            startingAt: fixture.path, environment: HookEnvironment(variables: [:], currentDirectory: fixture.path))
        #expect(throws: GitError.self) { try outside.resolveCommit(commit) }

        let hook = try Repository.discover(
            startingAt: fixture.path,
            environment: HookEnvironment(
                variables: ["GIT_OBJECT_DIRECTORY": "objects/incoming-test", "GIT_ALTERNATE_OBJECT_DIRECTORIES": "objects"],
                currentDirectory: fixture.path))
        let id = try hook.resolveCommit(commit)
        #expect(try hook.resolveCommit("\(commit)~1").hex == base)
        #expect(try hook.treeEntries(commit: id, under: "runbooks") == [
            entry("runbooks/new.md", "ca7347dc9bc2cc97050bc8ef46fbb1803336de7d"),
        ])
        #expect(try hook.blob(ObjectID(hex: blob)!) == Array("# Quarantined\n".utf8))
    }
}
