/// What a command runs, as the denylist sees it: every program invoked (after looking
/// through wrappers such as `sudo`, `env`, `xargs`, `timeout`, `kubectl exec --`), the
/// shell code of every level (`sh -c '...'`, `ssh host '...'`, `eval`, here-documents
/// fed to a shell), and the data texts that could reach a database client.
struct ShellAnalysis: Sendable {
    /// One program run, with wrappers looked through. (A class: entries pass it around a lot.)
    final class Invocation: Sendable {
        /// The program's base name (`rm` for `/bin/rm`); empty for a bare redirection such as `> file`.
        let name: String
        /// The program word as written (after quote removal).
        let argv0: String
        let args: [String]
        let redirections: [ShellWords.Redirection]
        /// Names of the programs in earlier stages of the same pipeline.
        let upstream: [String]
        /// The argument of the latest `cd`/`pushd` before this command at the same level, if any.
        let workingDirectory: String?

        init(name: String, argv0: String, args: [String], redirections: [ShellWords.Redirection],
             upstream: [String], workingDirectory: String?) {
            self.name = name
            self.argv0 = argv0
            self.args = args
            self.redirections = redirections
            self.upstream = upstream
            self.workingDirectory = workingDirectory
        }
    }

    private(set) var invocations: [Invocation] = []
    /// Shell code of each level, without quoted strings, comments and here-document bodies.
    private(set) var codeTexts: [String] = []
    /// Arguments and standard-input texts that are data, where statements for a database
    /// client (SQL, Redis) may appear — except those of text-search programs such as `grep`.
    private(set) var dataTexts: [DataText] = []

    /// A text that may hold database statements.
    struct DataText: Sendable {
        var text: String
        /// Whether the text is likely to be executed as statements: standard input (a here-document
        /// or here-string), or arguments in a pipeline with a database client (`psql -c …`, `echo … | mysql`).
        var isStatementContext: Bool
    }

    /// Nested shell levels (`sh -c`, `ssh`, `eval`, here-documents) deeper than this are not analyzed.
    static let maximumDepth = 8

    init(_ text: String) {
        analyze(text, depth: 0)
    }

    private mutating func analyze(_ text: String, depth: Int) {
        let parsed = ShellWords(text)
        codeTexts.append(parsed.code)
        var workingDirectory: String?
        var stages: [Int: [String]] = [:]
        var previousStage: [Int: Int] = [:]  // pipeline → position of its latest command
        let unwrappedCommands = parsed.commands.map { Self.unwrap($0.words) }
        let names = unwrappedCommands.map { Self.programName($0.argv.first ?? "") }
        var databasePipelines = Set<Int>()
        for (command, name) in zip(parsed.commands, names) where Self.databaseClients.contains(name) {
            databasePipelines.insert(command.pipeline)
        }
        for (position, command) in parsed.commands.enumerated() {
            let unwrapped = unwrappedCommands[position]
            let name = names[position]
            let argv0 = unwrapped.argv.first ?? ""
            let args = Array(unwrapped.argv.dropFirst())
            invocations.append(Invocation(
                name: name, argv0: argv0, args: args, redirections: command.redirections,
                upstream: stages[command.pipeline] ?? [], workingDirectory: workingDirectory))
            stages[command.pipeline, default: []].append(name)
            let upstream = previousStage.updateValue(position, forKey: command.pipeline)
            if name == "cd" || name == "pushd" {
                workingDirectory = args.first { !$0.hasPrefix("-") || $0 == "-" } ?? "~"
            }

            let stdinIsScript = unwrapped.stdinIsScript
                || (Self.shells.contains(name) && Self.readsProgramFromStdin(name: name, args: args))
            if !Self.searchPrograms.contains(name) {
                let statements = databasePipelines.contains(command.pipeline)
                let joined = unwrapped.dataArgs.joined(separator: " ")
                if !joined.isEmpty { dataTexts.append(DataText(text: joined, isStatementContext: statements)) }
                if unwrapped.dataArgs.count > 1 {
                    for arg in unwrapped.dataArgs where arg.utf8.contains(0x20) || arg.utf8.contains(0x0A) {
                        dataTexts.append(DataText(text: arg, isStatementContext: statements))
                    }
                }
                if !stdinIsScript {
                    for text in command.stdinTexts { dataTexts.append(DataText(text: text, isStatementContext: true)) }
                }
            }
            guard depth < Self.maximumDepth else { continue }
            for script in unwrapped.scripts { analyze(script, depth: depth + 1) }
            if stdinIsScript {
                for script in command.stdinTexts { analyze(script, depth: depth + 1) }
                // `echo "rm -rf /tmp/x" | sh`: what echo prints is the script.
                if let upstream, let script = Self.printedText(unwrappedCommands[upstream].argv) {
                    analyze(script, depth: depth + 1)
                }
            }
        }
    }

    /// The text `echo ARGS` or `printf FORMAT ARGS` prints, approximately; nil for other programs.
    private static func printedText(_ argv: [String]) -> String? {
        guard let program = argv.first.map(programName), program == "echo" || program == "printf" else { return nil }
        var args = argv.dropFirst()
        if program == "echo" {
            while let first = args.first, ["-n", "-e", "-E", "-ne", "-en"].contains(first) { args = args.dropFirst() }
        } else if args.first == "--" {
            args = args.dropFirst()
        }
        let text = args.joined(separator: " ")
        return text.replacing("\\n", with: "\n")
    }

    /// The base name of a program word: `rm` for `/usr/bin/rm`.
    static func programName(_ word: String) -> String {
        guard let slash = word.utf8.lastIndex(of: 0x2F) else { return word }
        return String(word[word.utf8.index(after: slash)...])
    }
}

// MARK: - Program classes

extension ShellAnalysis {
    static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "yash", "fish"]

    /// Command-line clients that run SQL given as an argument or on standard input.
    static let databaseClients: Set<String> = [
        "psql", "pgcli", "mysql", "mariadb", "mycli", "sqlite3", "sqlite", "litecli", "duckdb", "clickhouse-client",
        "clickhouse", "cqlsh", "cockroach", "sqlcmd", "isql", "sqlplus", "usql", "bq", "snowsql", "trino", "presto",
        "vsql", "db2", "mongo", "mongosh", "redis-cli", "valkey-cli",
    ]

    /// Programs whose arguments are search patterns, not statements (`grep -r "DROP TABLE" migrations/`).
    static let searchPrograms: Set<String> = [
        "grep", "egrep", "fgrep", "zgrep", "rg", "ag", "ack", "ack-grep", "git", "journalctl",
    ]

    /// Whether `name` is a program that runs code: a shell or a scripting language.
    static func isInterpreter(_ name: String) -> Bool {
        if shells.contains(name) || name == "nodejs" { return true }
        for base in ["python", "perl", "ruby", "node", "php", "pypy"] where name.hasPrefix(base) {
            return name.utf8.dropFirst(base.utf8.count).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
        }
        return false
    }

    /// Whether an interpreter invoked with `args` reads its program from standard input
    /// (`sh`, `bash -s`, `sudo bash -`, `python3`), rather than from an argument or a file.
    static func readsProgramFromStdin(name: String, args: [String]) -> Bool {
        let shell = shells.contains(name)
        // Options whose letters mean "the program is an argument".
        let programInArgument: Set<UInt8> = shell ? [0x63]  // c
            : name.hasPrefix("python") || name.hasPrefix("pypy") ? [0x63, 0x6D]  // c m
            : name.hasPrefix("php") ? [0x72, 0x66]  // r f
            : [0x65, 0x45, 0x70]  // e E p (perl -e, ruby -e, node -e/-p)
        let valued: Set<UInt8> = shell ? [0x6F, 0x4F] : [0x57, 0x58, 0x49, 0x72]  // sh: o O; python: W X, perl/ruby: I, node: r
        var index = 0
        while index < args.count {
            let arg = args[index]
            index += 1
            if arg == "-" || arg == "/dev/stdin" { return true }
            if arg == "--" { return index >= args.count || args[index] == "-" }
            if arg.hasPrefix("--") {
                if ["--eval", "--print", "--command"].contains(where: { arg.hasPrefix($0) }) { return false }
                if ["--rcfile", "--init-file", "--require", "--import"].contains(arg) { index += 1 }
                continue
            }
            if arg.hasPrefix("-") || (shell && arg.hasPrefix("+")) {
                let letters = Array(arg.utf8.dropFirst())
                if shell && letters.contains(0x73) { return true }  // -s
                if letters.contains(where: programInArgument.contains) { return false }
                if let last = letters.last, valued.contains(last) { index += 1 }
                continue
            }
            return false  // a script file
        }
        return true
    }
}

// MARK: - Wrappers

extension ShellAnalysis {
    /// A simple command with its wrappers looked through.
    struct Unwrapped {
        /// The program that finally runs, with its arguments.
        var argv: [String]
        /// Shell text it runs: `sh -c SCRIPT`, the remote command of `ssh`, `eval`, `su -c`, `watch`.
        var scripts: [String] = []
        /// The arguments that are data (those of `argv` minus any script).
        var dataArgs: [String]
        /// Whether its standard input (a here-document) is shell code: `ssh host <<EOF`, `sudo bash <<EOF`.
        var stdinIsScript = false
    }

    /// Words before the program that are not part of it: assignments and reserved words.
    private static let reservedWords: Set<String> = ["!", "{", "}", "if", "then", "else", "elif", "do", "while", "until", "time", "coproc"]

    /// Looks through `sudo`, `env`, `nohup`, `time`, `exec`, `xargs`, `timeout`, `nice`, `kubectl exec --`,
    /// assignments and the like, to the program that runs.
    static func unwrap(_ words: [String]) -> Unwrapped {
        var rest = words[...]
        for _ in 0..<16 {
            while let first = rest.first, reservedWords.contains(first) || isAssignment(first) {
                rest = rest.dropFirst()
                if first == "time" { rest = afterOptions(rest) }
            }
            guard let first = rest.first else { break }
            let args = rest.dropFirst()
            switch programName(first) {
            case "sudo":
                rest = afterOptions(args, valued: "ugpCDrtTUR", long: [
                    "--user", "--group", "--prompt", "--close-from", "--chdir", "--role", "--type",
                    "--command-timeout", "--other-user", "--chroot", "--host",
                ])
            case "doas":
                rest = afterOptions(args, valued: "uC")
            case "env":
                var remaining = args
                while let word = remaining.first, word.hasPrefix("-") {
                    remaining = remaining.dropFirst()
                    if word == "--" { break }
                    if word == "-S" || word == "--split-string", let script = remaining.first {
                        return Unwrapped(argv: [first], scripts: [script], dataArgs: [])
                    }
                    if word.hasPrefix("-S") { return Unwrapped(argv: [first], scripts: [String(word.dropFirst(2))], dataArgs: []) }
                    if word.hasPrefix("--split-string=") {
                        return Unwrapped(argv: [first], scripts: [String(word.dropFirst(15))], dataArgs: [])
                    }
                    if ["-u", "-C", "-P", "--unset", "--chdir"].contains(word) { remaining = remaining.dropFirst() }
                }
                rest = remaining
            case "nohup", "setsid", "chronic", "unbuffer", "builtin", "busybox", "caffeinate", "catchsegv":
                rest = afterOptions(args)
            case "command":
                if args.prefix(while: { $0.hasPrefix("-") }).contains(where: { $0.contains("v") || $0.contains("V") }) {
                    return Unwrapped(argv: [], dataArgs: [])  // `command -v rm` looks a program up
                }
                rest = afterOptions(args)
            case "exec":
                rest = afterOptions(args, valued: "a")
            case "time":
                rest = afterOptions(args, valued: "fo", long: ["--format", "--output"])
            case "nice":
                rest = afterOptions(args, valued: "n", long: ["--adjustment"])
            case "ionice":
                let options = args.prefix(while: { $0.hasPrefix("-") })
                if options.contains(where: { $0.hasPrefix("-p") || $0.hasPrefix("-P") || $0.hasPrefix("-u") || $0.hasPrefix("--p") || $0.hasPrefix("--u") }) {
                    return Unwrapped(argv: [], dataArgs: [])  // changes running processes
                }
                rest = afterOptions(args, valued: "cn", long: ["--class", "--classdata"])
            case "stdbuf":
                rest = afterOptions(args, valued: "ioe", long: ["--input", "--output", "--error"])
            case "timeout":
                rest = afterOptions(args, valued: "sk", long: ["--signal", "--kill-after"]).dropFirst()
            case "xargs":
                rest = afterOptions(args, valued: "aEdILnPs", long: [
                    "--arg-file", "--delimiter", "--max-lines", "--max-args", "--max-procs", "--max-chars",
                    "--process-slot-var", "--eof",
                ])
                if rest.isEmpty { return Unwrapped(argv: ["echo"], dataArgs: []) }
            case "kubectl", "oc":
                // `kubectl exec POD -- CMD...` runs CMD in the container.
                guard let verb = afterOptions(args, valued: "ns", long: kubectlGlobalValued).first, verb == "exec",
                      let separator = args.firstIndex(of: "--") else { return plain(rest) }
                rest = args[(separator + 1)...]
            case "docker", "podman", "nerdctl":
                guard args.first == "exec" else { return plain(rest) }
                rest = afterOptions(args.dropFirst(), valued: "euw", long: ["--env", "--env-file", "--user", "--workdir", "--detach-keys"]).dropFirst()
            case "su", "runuser":
                if let script = commandOption(args) {
                    return Unwrapped(argv: Array(rest), scripts: [script], dataArgs: [])
                }
                guard let separator = args.firstIndex(of: "--") else { return plain(rest) }
                rest = args[(separator + 1)...]
            case "ssh":
                return unwrapSSH(rest)
            case "gcloud":
                // `gcloud compute ssh VM --command CMD`
                guard args.contains("ssh"), let script = longOption("--command", in: args) else { return plain(rest) }
                return Unwrapped(argv: Array(rest), scripts: [script], dataArgs: [])
            case "eval":
                return Unwrapped(argv: Array(rest), scripts: [args.joined(separator: " ")], dataArgs: [])
            case "watch":
                let command = afterOptions(args, valued: "n", long: ["--interval"])
                return Unwrapped(argv: Array(rest), scripts: [command.joined(separator: " ")], dataArgs: [])
            case let name where shells.contains(name):
                if let script = shellScriptArgument(args) {
                    return Unwrapped(argv: Array(rest), scripts: [script], dataArgs: [])
                }
                return plain(rest)
            default:
                return plain(rest)
            }
        }
        return plain(rest)
    }

    private static func plain(_ words: ArraySlice<String>) -> Unwrapped {
        Unwrapped(argv: Array(words), dataArgs: Array(words.dropFirst()))
    }

    private static let kubectlGlobalValued: Set<String> = [
        "--namespace", "--context", "--cluster", "--user", "--kubeconfig", "--server", "--token", "--as",
        "--as-group", "--request-timeout", "--cache-dir", "--certificate-authority", "--client-certificate",
        "--client-key", "--tls-server-name", "--username", "--password", "-v", "--v",
    ]

    /// `ssh [options] host [command...]`: the remote command is shell text (ssh joins its words with spaces).
    private static func unwrapSSH(_ words: ArraySlice<String>) -> Unwrapped {
        let valued = "BbcDEeFIiJLlmOopQRSWw"
        let afterFirst = afterOptions(words.dropFirst(), valued: valued)
        guard afterFirst.first != nil else { return plain(words) }
        let remote = afterOptions(afterFirst.dropFirst(), valued: valued)
        if hasFlag(words.dropFirst(), "Ns", valued: valued) {
            return plain(words)  // no command (-N), or a subsystem (-s)
        }
        var result = Unwrapped(argv: Array(words), dataArgs: [])
        if remote.isEmpty {
            result.stdinIsScript = true
        } else {
            result.scripts = [remote.joined(separator: " ")]
            let remoteProgram = unwrap(Array(remote))
            if let name = remoteProgram.argv.first.map(programName), shells.contains(name),
               readsProgramFromStdin(name: name, args: Array(remoteProgram.argv.dropFirst())) {
                result.stdinIsScript = true
            }
        }
        return result
    }

    /// Whether an option cluster before the first operand sets one of the flag letters in `flags`.
    private static func hasFlag(_ words: ArraySlice<String>, _ flags: String, valued: String) -> Bool {
        var rest = words
        while let word = rest.first, word.hasPrefix("-"), word != "-", word != "--" {
            rest = rest.dropFirst()
            if word.hasPrefix("--") { continue }
            let letters = Array(word.utf8.dropFirst())
            for (offset, letter) in letters.enumerated() {
                if flags.utf8.contains(letter) { return true }
                if valued.utf8.contains(letter) {
                    if offset == letters.count - 1 { rest = rest.dropFirst() }
                    break
                }
            }
        }
        return false
    }

    /// The script of `sh -c SCRIPT` (also `bash -ec SCRIPT`, `sh -c -- SCRIPT`), or nil.
    private static func shellScriptArgument(_ args: ArraySlice<String>) -> String? {
        var index = args.startIndex
        var hasC = false
        while index < args.endIndex {
            let arg = args[index]
            index += 1
            if arg == "--" { break }
            if arg.hasPrefix("--") {
                if arg == "--rcfile" || arg == "--init-file" { index += 1 }
                continue
            }
            guard arg.count > 1, arg.hasPrefix("-") || arg.hasPrefix("+") else { index -= 1; break }
            if arg.hasPrefix("-") && arg.contains("c") { hasC = true }
            if arg.hasSuffix("o") || arg.hasSuffix("O") { index += 1 }
        }
        guard hasC, index < args.endIndex else { return nil }
        return args[index]
    }

    /// The value of `--name VALUE` or `--name=VALUE`.
    private static func longOption(_ name: String, in args: ArraySlice<String>) -> String? {
        var index = args.startIndex
        while index < args.endIndex {
            let arg = args[index]
            index += 1
            if arg == name { return index < args.endIndex ? args[index] : nil }
            if arg.hasPrefix(name + "=") { return String(arg.dropFirst(name.count + 1)) }
        }
        return nil
    }

    /// The command of `su -c CMD`, `su --command=CMD`, `su -lc CMD`, or nil.
    private static func commandOption(_ args: ArraySlice<String>) -> String? {
        var index = args.startIndex
        while index < args.endIndex {
            let arg = args[index]
            index += 1
            if arg.hasPrefix("--command=") { return String(arg.dropFirst(10)) }
            if arg == "--command" || (arg.hasPrefix("-") && !arg.hasPrefix("--") && arg.hasSuffix("c")) {
                return index < args.endIndex ? args[index] : nil
            }
            if arg == "--" { return nil }
        }
        return nil
    }

    /// `NAME=value` (or `NAME+=value`) before a command.
    static func isAssignment(_ word: String) -> Bool {
        var sawName = false
        for byte in word.utf8 {
            switch byte {
            case 0x3D: return sawName  // =
            case 0x2B: return sawName && word.utf8.contains(0x3D)  // += (approximately)
            case 0x5F, 0x41...0x5A, 0x61...0x7A: sawName = true
            case 0x30...0x39 where sawName: continue
            default: return false
            }
        }
        return false
    }

    /// The words from the first operand on, skipping options (`--` ends them). Letters in `valued`
    /// and long options in `long` take the next word as their value unless it is attached.
    static func afterOptions(_ words: ArraySlice<String>, valued: String = "", long: Set<String> = []) -> ArraySlice<String> {
        var rest = words
        while let word = rest.first, word.hasPrefix("-"), word != "-" {
            rest = rest.dropFirst()
            if word == "--" { break }
            if word.hasPrefix("--") {
                if long.contains(word) { rest = rest.dropFirst() }
                continue
            }
            let letters = word.utf8.dropFirst()
            if let index = letters.firstIndex(where: { valued.utf8.contains($0) }), letters.index(after: index) == letters.endIndex {
                rest = rest.dropFirst()
            }
        }
        return rest
    }
}
