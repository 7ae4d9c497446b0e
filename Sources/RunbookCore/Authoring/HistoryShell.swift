/// The shell that wrote a history file, which decides how it is read.
public enum HistoryShell: String, Sendable, CaseIterable {
    /// `~/.bash_history`: one command per line, or with `HISTTIMEFORMAT` set, a
    /// `#<epoch>` line before each command (whose lines then run to the next one).
    /// Plain zsh history (without EXTENDED_HISTORY) is read the same way.
    case bash
    /// zsh's extended history: `: <epoch>:<duration>;command`, a line ending in `\`
    /// continuing the command on the next line; bytes are metafied.
    case zsh
    /// `fish_history`: a YAML-like list of `- cmd: …` items with `when: <epoch>`.
    case fish

    /// The format of `bytes`, from the first non-empty lines: fish's `- cmd: `, zsh's
    /// `: <digits>:<digits>;`, and bash for anything else.
    public static func detect(_ bytes: [UInt8]) -> HistoryShell {
        var looked = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 64) where !line.isEmpty {
            if line.starts(with: "- cmd: ".utf8) || line.elementsEqual("- cmd:".utf8) { return .fish }
            if HistoryParser.zshHeader(line) != nil { return .zsh }
            looked += 1
            if looked == 16 { break }
        }
        return .bash
    }
}
