import Testing
import GitKit

@Suite struct BlobTests {
    @Test func readsBytesAndSizeOfLooseAndPackedBlobs() throws {
        let fixture = try TemporaryGitRepository()
        let binary = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try fixture.write("runbooks/a.md", "# A\n")
        try fixture.write("empty.md", "")
        try fixture.write(bytes: binary, to: "image.bin")
        try fixture.commitAll("first")
        let binaryID = try #require(ObjectID(hex: fixture.git("rev-parse", "HEAD:image.bin")))
        let textID = try #require(ObjectID(hex: "7f3b95d297183eca8f6cf38ceaa253bee8c2d7cd"))
        let emptyID = try #require(ObjectID(hex: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"))

        for packed in [false, true] {
            if packed { try fixture.git("gc", "--quiet") }
            let repository = try Repository.discover(startingAt: fixture.path)
            #expect(try repository.blob(textID) == Array("# A\n".utf8))
            #expect(try repository.blobSize(textID) == 4)
            #expect(try repository.blob(emptyID) == [])
            #expect(try repository.blobSize(emptyID) == 0)
            #expect(try repository.blob(binaryID) == binary)
            #expect(try repository.blobSize(binaryID) == 1 << 20)
        }
    }

    @Test func reportsAMissingObject() throws {
        let fixture = try TemporaryGitRepository()
        let repository = try Repository.discover(startingAt: fixture.path)
        let missing = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))

        let readError = try #require(throws: GitError.self) { try repository.blob(missing) }
        #expect(readError.code == -3)
        #expect(readError.function == "git_blob_lookup")
        #expect(readError.description.hasPrefix("cannot read blob 0123456789abcdef0123456789abcdef01234567: "))

        let sizeError = try #require(throws: GitError.self) { try repository.blobSize(missing) }
        #expect(sizeError.code == -3)
        #expect(sizeError.function == "git_odb_read_header")
    }

    @Test func refusesObjectsThatAreNotBlobs() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("runbooks/a.md", "# A\n")
        try fixture.commitAll("first")
        let repository = try Repository.discover(startingAt: fixture.path)
        let tree = try #require(ObjectID(hex: fixture.git("rev-parse", "HEAD:runbooks")))

        let readError = try #require(throws: GitError.self) { try repository.blob(tree) }
        #expect(readError.function == "git_blob_lookup")
        let sizeError = try #require(throws: GitError.self) { try repository.blobSize(tree) }
        #expect(sizeError.description == "cannot read blob size: object \(tree) is a tree, not a blob (git_odb_read_header)")
    }
}
