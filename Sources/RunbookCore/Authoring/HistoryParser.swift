/// Reads a shell history file into commands. Never fails: a line that fits no
/// pattern is taken as a command, and bytes that are not UTF-8 become U+FFFD.
/// Works on bytes, line by line, since a history can be hundreds of thousands of lines.
public enum HistoryParser {
    public static func entries(in bytes: [UInt8], shell: HistoryShell) -> [HistoryEntry] {
        switch shell {
        case .bash: return bashEntries(lines(bytes))
        case .zsh: return zshEntries(lines(unmetafied(bytes)))
        case .fish: return fishEntries(lines(bytes))
        }
    }

    typealias Line = ArraySlice<UInt8>

    /// Lines without their `\n` (or `\r\n`).
    private static func lines(_ bytes: [UInt8]) -> [Line] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
    }

    private static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func isBlank(_ line: Line) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    // MARK: bash

    /// With `HISTTIMEFORMAT`, bash writes `#<epoch>` before each command, and a command
    /// saved with `lithist` may span lines up to the next timestamp. Before the first
    /// timestamp (or without any) each line is a command.
    private static func bashEntries(_ lines: [Line]) -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        entries.reserveCapacity(lines.count)
        var time: Int?
        var pending: [Line] = []
        func flush() {
            while let last = pending.last, isBlank(last) { pending.removeLast() }
            if !pending.isEmpty {
                entries.append(HistoryEntry(command: text(Array(pending.joined(separator: [UInt8(ascii: "\n")]))), time: time))
            }
            pending.removeAll(keepingCapacity: true)
        }
        for line in lines {
            if let stamp = bashTimestamp(line) {
                flush()
                time = stamp
            } else if time == nil {
                if !isBlank(line) { entries.append(HistoryEntry(command: text(line), time: nil)) }
            } else if !(pending.isEmpty && isBlank(line)) {
                pending.append(line)
            }
        }
        flush()
        return entries
    }

    /// The epoch of a `#1709647200` line, as bash writes them.
    private static func bashTimestamp(_ line: Line) -> Int? {
        guard line.first == UInt8(ascii: "#"), line.count > 1, line.count <= 20 else { return nil }
        return number(line.dropFirst())
    }

    private static func number(_ digits: Line) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    // MARK: zsh

    /// `: <epoch>:<duration>;` at the start of a line: the epoch and where the command starts.
    static func zshHeader(_ line: Line) -> (time: Int, commandStart: Int)? {
        guard line.starts(with: ": ".utf8) else { return nil }
        let afterColon = line.index(line.startIndex, offsetBy: 2)
        guard let colon = line[afterColon...].firstIndex(of: UInt8(ascii: ":")),
              let time = number(line[afterColon..<colon]),
              let semicolon = line[(colon + 1)...].firstIndex(of: UInt8(ascii: ";")),
              number(line[(colon + 1)..<semicolon]) != nil else { return nil }
        return (time, semicolon + 1)
    }

    /// Extended history lines, joined where a line ends in `\` (zsh's mark for a
    /// newline inside a command). A line without a header is a plain command.
    private static func zshEntries(_ lines: [Line]) -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        entries.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            var line = lines[index]
            index += 1
            var time: Int?
            if let header = zshHeader(line) {
                time = header.time
                line = line[header.commandStart...]
            }
            var command = Array(line)
            while command.last == UInt8(ascii: "\\"), index < lines.count {
                command[command.count - 1] = UInt8(ascii: "\n")
                command.append(contentsOf: lines[index])
                index += 1
            }
            if !isBlank(command[...]) { entries.append(HistoryEntry(command: text(command), time: time)) }
        }
        return entries
    }

    /// zsh stores some bytes (0x83…0xA2, and NUL) as 0x83 followed by the byte XOR 0x20.
    private static func unmetafied(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x83) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x83, index + 1 < bytes.count {
                result.append(bytes[index + 1] ^ 0x20)
                index += 2
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    // MARK: fish

    /// `- cmd: <escaped command>` then indented `when: <epoch>` (and `paths:`, ignored).
    private static func fishEntries(_ lines: [Line]) -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        for line in lines {
            if line.starts(with: "- cmd:".utf8) {
                var command = line.dropFirst(6)
                if command.first == UInt8(ascii: " ") { command = command.dropFirst() }
                entries.append(HistoryEntry(command: text(fishUnescaped(command)), time: nil))
            } else if line.starts(with: "  when:".utf8), !entries.isEmpty, entries[entries.count - 1].time == nil {
                let value = line.dropFirst(7).drop { $0 == UInt8(ascii: " ") }
                entries[entries.count - 1].time = number(value)
            }
        }
        return entries.filter { !$0.command.allSatisfy(\.isWhitespace) }
    }

    /// fish writes `\n` for a newline and `\\` for a backslash; nothing else is escaped.
    private static func fishUnescaped(_ bytes: Line) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "\\")) else { return Array(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.endIndex {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "n") || next == UInt8(ascii: "\\") {
                    result.append(next == UInt8(ascii: "n") ? UInt8(ascii: "\n") : next)
                    index += 2
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return result
    }
}
