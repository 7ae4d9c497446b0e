@testable import RunbookCore
import Testing

@Suite struct ShellTranscriptTests {
    private func commands(_ code: String, session: Bool = false) -> [String] {
        ShellTranscript(code, firstLine: 10, session: session).commands.map(\.text)
    }

    @Test func everyLineIsACommandWithoutPrompts() {
        #expect(commands("kubectl get pods\n\n# a comment\nkubectl describe pod x\n") == ["kubectl get pods", "kubectl describe pod x"])
    }

    @Test func continuationsAreJoinedIntoOneCommand() {
        let code = "systemctl restart etcd \\\n    --no-block\nsystemctl status etcd\n"
        #expect(commands(code) == ["systemctl restart etcd \\\n    --no-block", "systemctl status etcd"])
    }

    @Test func promptedLinesAreCommandsAndTheRestIsOutput() {
        let code = "$ systemctl restart etcd \\\n>     --no-block\nactive\n$ etcdctl member list\n1, started\n# whoami\nroot\n"
        #expect(commands(code, session: true) == ["systemctl restart etcd \\\n    --no-block", "etcdctl member list", "whoami"])
    }

    @Test func aDollarPromptInABashBlockMakesItATranscript() {
        #expect(commands("$ df -h\nFilesystem Size\n/dev/sda1 10G\n") == ["df -h"])
    }

    @Test func hereDocumentsStayWhole() {
        let code = "$ cat <<'EOF' > /tmp/x.conf\nkey = 1\n$ not a prompt\nEOF\n$ echo done\noutput\n"
        #expect(commands(code, session: true) == ["cat <<'EOF' > /tmp/x.conf\nkey = 1\n$ not a prompt\nEOF", "echo done"])
    }

    @Test func tabStrippedHereDocumentAndHereStringsAreTold() {
        #expect(commands("cat <<-END\n\tbody\n\tEND\ngrep x <<< \"$y\"\n") == ["cat <<-END\n\tbody\n\tEND", "grep x <<< \"$y\""])
    }

    @Test func openQuotesSpanLines() {
        #expect(commands("psql -c \"SELECT 1;\nSELECT 2;\"\necho ok\n") == ["psql -c \"SELECT 1;\nSELECT 2;\"", "echo ok"])
    }

    @Test func commandLinesAreFileLines() {
        let lines = ShellTranscript("a\n\nb \\\n c\nd\n", firstLine: 10, session: false).commands.map(\.line)
        #expect(lines == [10, 12, 14])
    }

    @Test func hashInsideAWordIsNotAComment() {
        #expect(commands("curl http://x/#frag 'it''s'\n") == ["curl http://x/#frag 'it''s'"])
    }
}
