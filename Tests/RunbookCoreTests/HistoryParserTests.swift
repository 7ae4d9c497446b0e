import Testing
@testable import RunbookCore

@Suite("Shell histories: formats, detection and sessions")
struct HistoryParserTests {
    @Test("bash with timestamps: each command has its time, a lithist command keeps its lines")
    func bashTimestamps() {
        let text = "#1709647200\nls\n#1709647260\nfor i in 1 2; do\n  echo $i\ndone\n#1709647300\n\ndf -h\n"
        let entries = HistoryParser.entries(in: Array(text.utf8), shell: .bash)
        #expect(entries == [
            HistoryEntry(command: "ls", time: 1_709_647_200),
            HistoryEntry(command: "for i in 1 2; do\n  echo $i\ndone", time: 1_709_647_260),
            HistoryEntry(command: "df -h", time: 1_709_647_300),
        ])
    }

    @Test("bash without timestamps: one command per line, no times, CRLF tolerated")
    func bashPlain() {
        let entries = HistoryParser.entries(in: Array("ls -la\r\n\ncat /etc/hosts\n".utf8), shell: .bash)
        #expect(entries == [HistoryEntry(command: "ls -la", time: nil), HistoryEntry(command: "cat /etc/hosts", time: nil)])
    }

    @Test("bash: lines before the first timestamp are commands of their own, without a time")
    func bashMixed() {
        let entries = HistoryParser.entries(in: Array("uptime\n#1709647200\nw\n".utf8), shell: .bash)
        #expect(entries == [HistoryEntry(command: "uptime", time: nil), HistoryEntry(command: "w", time: 1_709_647_200)])
    }

    @Test("zsh extended history: times, multi-line commands and metafied bytes")
    func zsh() {
        let entries = HistoryParser.entries(in: HistoryFixtures.zsh, shell: .zsh)
        #expect(entries.count == 11)
        #expect(entries[0] == HistoryEntry(command: "cd /srv/app", time: 1_709_647_200))
        #expect(entries[4].command == "for c in worker-1 worker-2; do\n  docker restart $c\ndone")
        #expect(entries[7].command == "git commit -am 'worker: timeout 30s\u{2014} incident 4711'")
        #expect(entries.last == HistoryEntry(command: "docker image prune -af", time: 1_709_654_410))
    }

    @Test("fish history: commands unescaped, times from 'when', paths ignored")
    func fish() {
        let entries = HistoryParser.entries(in: Array(HistoryFixtures.fish.utf8), shell: .fish)
        #expect(entries.count == 11)
        #expect(entries[5] == HistoryEntry(command: "nano /etc/postgresql/16/main/postgresql.conf", time: 1_709_647_250))
        #expect(entries[7].command == "begin\n  pg_ctlcluster 16 main reload\nend")
        let escaped = HistoryParser.entries(in: Array(#"- cmd: echo a\\nb"#.utf8), shell: .fish)
        #expect(escaped == [HistoryEntry(command: #"echo a\nb"#, time: nil)])
    }

    @Test("the format is detected from the content", arguments: [
        (Array(HistoryFixtures.bash.utf8), HistoryShell.bash),
        (Array(HistoryFixtures.bashPlain.utf8), .bash),
        (HistoryFixtures.zsh, .zsh),
        (Array(HistoryFixtures.fish.utf8), .fish),
        ([], .bash),
    ])
    func detection(bytes: [UInt8], shell: HistoryShell) {
        #expect(HistoryShell.detect(bytes) == shell)
    }

    @Test("sessions split where the pause is longer than the gap")
    func sessions() {
        let entries = HistoryParser.entries(in: Array(HistoryFixtures.bash.utf8), shell: .bash)
        let sessions = HistorySession.split(entries, gap: 300)
        #expect(sessions.map(\.entries.count) == [17, 5])
        #expect(sessions.map(\.number) == [1, 2])
        #expect(sessions[0].start == 1_709_647_200 && sessions[0].end == 1_709_647_440)
        #expect(HistorySession.split(entries, gap: 3 * 3600).count == 1)
    }

    @Test("commands out of time order (bash histappend) are put back in order before splitting")
    func outOfOrder() {
        let entries = [
            HistoryEntry(command: "b", time: 2000), HistoryEntry(command: "c", time: 2010),
            HistoryEntry(command: "a", time: 100), HistoryEntry(command: "a2", time: 110),
        ]
        let sessions = HistorySession.split(entries, gap: 300)
        #expect(sessions.map { $0.entries.map(\.command) } == [["a", "a2"], ["b", "c"]])
    }

    @Test("a history without timestamps is one session")
    func untimed() {
        let entries = HistoryParser.entries(in: Array(HistoryFixtures.bashPlain.utf8), shell: .bash)
        #expect(HistorySession.split(entries, gap: 1).count == 1)
    }

    @Test("durations, times and session choices as typed on the command line")
    func textValues() {
        #expect(DurationText.seconds("5m") == 300)
        #expect(DurationText.seconds("90s") == 90)
        #expect(DurationText.seconds("2h") == 7200)
        #expect(DurationText.seconds("5") == nil)
        #expect(DurationText.seconds("-5m") == nil)
        #expect(UTCTime.parse("2024-03-05") == 1_709_596_800)
        #expect(UTCTime.parse("2024-03-05T14:00") == 1_709_647_200)
        #expect(UTCTime.parse("2024-03-05 15:00:00+01:00") == 1_709_647_200)
        #expect(UTCTime.parse("2024-02-30") == nil)
        #expect(UTCTime.parse("yesterday") == nil)
        #expect(UTCTime.minute(1_709_647_200) == "2024-03-05 14:00")
        #expect(UTCTime.fileStamp(1_709_654_400) == "2024-03-05-1600")
        #expect(SessionChoice("last") == .last)
        #expect(SessionChoice("ALL") == .all)
        #expect(SessionChoice("2") == .number(2))
        #expect(SessionChoice("0") == nil)
    }
}
