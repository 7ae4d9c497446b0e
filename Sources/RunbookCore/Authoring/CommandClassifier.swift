/// Decides what a command from a shell history is: noise to drop, a command that only
/// reads (Diagnosis), or one that changes something (Mitigation), and which files it
/// edited. It looks at every program a command runs, through `sudo`, `ssh host '…'`,
/// `sh -c`, pipes and `$(…)` (`ShellAnalysis`), never at the text alone: `grep restart
/// app.log` only reads.
public struct CommandClassifier: Sendable {
    /// What one command is.
    public struct Classification: Sendable, Hashable {
        public var isNoise: Bool
        public var kind: CommandKind
        public var edits: [EditedFile]
        /// An interactive editor (`vim file`, `kubectl edit`): the draft lists what it
        /// edited and asks what changed, rather than keeping the command.
        public var isEditorSession: Bool
    }

    /// Programs dropped from a draft when all a command runs is them.
    public static let builtInNoise: Set<String> = [
        "ls", "ll", "la", "l", "dir", "vdir", "exa", "eza", "lsd", "tree", "cd", "pushd", "popd", "dirs", "pwd", "z", "j",
        "clear", "cls", "reset", "history", "fc", "exit", "logout", "whoami", "echo", "date", "cal", "less", "more",
        "most", "pg", "man", "info", "help", "tldr", "apropos", "whatis", "which", "type", "alias", "unalias", "fg", "bg",
        "jobs", "true", "false", "tmux", "screen", "source", ".",
    ]

    /// Shells and the like: noise when started bare (an interactive shell), not when given a script.
    private static let bareNoise: Set<String> = ["sh", "bash", "zsh", "fish", "dash", "ksh", "su", "sudo", "sudoedit"]

    private let noise: Set<String>
    private let denylist: Denylist

    public init(noise settings: NoiseSettings = NoiseSettings(), denylist: Denylist = .builtIn) {
        noise = Self.builtInNoise.union(settings.add).subtracting(settings.keep)
        self.denylist = denylist
    }

    /// - Parameter workingDirectory: where the command ran, if earlier `cd`s tell; relative edited paths are joined to it.
    public func classify(_ command: String, workingDirectory: String? = nil) -> Classification {
        let analysis = ShellAnalysis(command)
        var edits: [EditedFile] = []
        var changes = false
        var editorSession = false
        var allNoise = true
        var otherWork = false
        for invocation in analysis.invocations {
            let args = invocation.args
            let directory = invocation.workingDirectory.map { Self.join(workingDirectory, $0) } ?? workingDirectory
            func edited(_ path: String, _ tool: String) {
                edits.append(EditedFile(path: Self.join(directory, path), tool: tool))
            }
            let writes = invocation.redirections.filter(Self.writesFile)
            for redirection in writes { edited(redirection.target, "a redirection") }
            changes = changes || !writes.isEmpty
            let noise = isNoise(invocation) && writes.isEmpty
            if !noise { allNoise = false }
            if let editor = Self.editors[invocation.name] {
                let files = Self.operands(args).filter { !$0.hasPrefix("+") }
                if !files.isEmpty {
                    editorSession = true
                    changes = true
                }
                for path in files { edited(path, editor) }
                continue
            }
            if !noise && !Self.editorLike(invocation) { otherWork = true }
            switch invocation.name {
            case "sed" where Self.editsInPlace(args), "perl" where Self.editsInPlace(args):
                changes = true
                for path in Self.inPlaceFiles(args, program: invocation.name) { edited(path, "\(invocation.name) -i") }
            case "tee":
                let files = Self.operands(args).filter { !$0.hasPrefix("/dev/") }
                changes = changes || !files.isEmpty
                for path in files { edited(path, "tee") }
            case "crontab" where args.contains("-e"):
                editorSession = true
                changes = true
                edits.append(EditedFile(path: "crontab", tool: "crontab -e"))
            case "visudo":
                editorSession = true
                changes = true
                edits.append(EditedFile(path: Self.operands(args).first ?? "/etc/sudoers", tool: "visudo"))
            case "kubectl" where Self.verbs(args).first == "edit", "oc" where Self.verbs(args).first == "edit",
                 "systemctl" where Self.verbs(args).first == "edit":
                editorSession = true
                changes = true
                let target = Self.editedResource(args)
                edits.append(EditedFile(path: target.isEmpty ? "?" : target, tool: "\(invocation.name) edit"))
            default:
                changes = changes || Self.changes(invocation)
            }
        }
        if !changes, denylist.match(command) != nil { changes = true }
        return Classification(
            isNoise: allNoise && !editorSession,
            kind: changes ? .mitigation : .diagnosis,
            edits: edits,
            isEditorSession: editorSession && !otherWork)
    }

    /// Interactive editing with a tool's own editor (`crontab -e`, `kubectl edit`, `visudo`).
    private static func editorLike(_ invocation: ShellAnalysis.Invocation) -> Bool {
        switch invocation.name {
        case "crontab": return invocation.args.contains("-e")
        case "visudo": return true
        case "kubectl", "oc", "systemctl": return verbs(invocation.args).first == "edit"
        default: return false
        }
    }

    /// Where the shell is after `command`, from its `cd`s: `current` joined with each
    /// target; nil once unknown (`cd -`, a relative `cd` from an unknown place).
    /// Only the command's own level counts: a `cd` inside `ssh host '…'` is elsewhere.
    public static func workingDirectory(after command: String, from current: String?) -> String? {
        guard command.contains("cd") else { return current }
        var directory = current
        for simple in ShellWords(command).commands where simple.words.first == "cd" || simple.words.first == "pushd" {
            guard let target = simple.words.dropFirst().first(where: { !$0.hasPrefix("-") || $0 == "-" }) else {
                directory = "~"
                continue
            }
            if target == "-" || target.contains("$") {
                directory = nil
            } else if target.hasPrefix("/") || target.hasPrefix("~") {
                directory = target
            } else {
                directory = directory.map { join($0, target) }
            }
        }
        return directory
    }

    private func isNoise(_ invocation: ShellAnalysis.Invocation) -> Bool {
        if invocation.name.isEmpty { return true }  // `sudo -i`, a comment
        if Self.bareNoise.contains(invocation.name) { return invocation.args.allSatisfy { $0.hasPrefix("-") } }
        if Self.editors[invocation.name] != nil { return !Self.operands(invocation.args).contains { !$0.hasPrefix("+") } }
        // `history | tail`: a filter of noise is noise.
        if Self.filters.contains(invocation.name), !invocation.upstream.isEmpty, invocation.upstream.allSatisfy(noise.contains) {
            return true
        }
        return noise.contains(invocation.name)
    }

    /// Programs that, at the end of a pipeline, only shape what comes before them.
    private static let filters: Set<String> = [
        "grep", "egrep", "fgrep", "rg", "head", "tail", "sort", "uniq", "wc", "less", "more", "cut", "tr", "column",
        "awk", "sed", "fzf", "nl",
    ]

    // MARK: Changes

    private static let editors: [String: String] = [
        "vi": "vi", "vim": "vim", "nvim": "nvim", "view": "vim", "nano": "nano", "pico": "pico", "emacs": "emacs",
        "emacsclient": "emacs", "ed": "ed", "micro": "micro", "joe": "joe", "mcedit": "mcedit", "kak": "kak",
        "hx": "helix", "helix": "helix", "sudoedit": "sudoedit", "vipw": "vipw", "vigr": "vigr",
    ]

    /// Programs that only read, whatever their arguments say (`grep restart app.log`).
    private static let readers: Set<String> = [
        "cat", "zcat", "bat", "grep", "egrep", "fgrep", "zgrep", "rg", "ag", "ack", "tail", "head", "journalctl", "dmesg",
        "df", "du", "free", "uptime", "ps", "pgrep", "top", "htop", "atop", "iotop", "vmstat", "iostat", "mpstat", "sar",
        "ss", "netstat", "lsof", "dig", "nslookup", "host", "ping", "traceroute", "tracepath", "mtr", "jq", "yq", "wc",
        "sort", "uniq", "cut", "tr", "stat", "file", "diff", "cmp", "md5sum", "sha256sum", "openssl", "nc", "telnet",
        "tcpdump", "strace", "ltrace", "watch", "awk", "column", "xxd", "hexdump", "getent", "id", "groups", "last",
        "uname", "hostname", "env", "printenv", "lsblk", "blkid", "findmnt", "nproc", "lscpu", "ssh",
    ]

    /// Subcommand words that change something, for any program not known to only read.
    /// Also matched as the first part of a dashed word (`reboot-instances`, `modify-volume`).
    private static let changingVerbs: Set<String> = [
        "restart", "start", "stop", "reload", "apply", "delete", "del", "remove", "rm", "create", "scale", "kill", "drain",
        "cordon", "uncordon", "rollback", "undo", "patch", "set", "update", "upgrade", "install", "uninstall", "destroy",
        "deploy", "promote", "failover", "switchover", "reset", "flush", "flushall", "flushdb", "purge", "truncate",
        "enable", "disable", "mask", "unmask", "replace", "resize", "reboot", "terminate", "defrag", "compact",
        "restore", "add", "push", "commit", "revert", "merge", "prune", "evict", "move", "mv", "cp", "write", "put",
        "post", "import", "migrate", "modify", "attach", "detach", "label", "annotate", "taint", "expose",
        "autoscale", "pause", "resume", "suspend", "unsuspend", "revoke", "grant", "rotate", "renew", "run", "up",
        "down", "pull", "checkout", "switch", "rebase", "cherry-pick", "stash", "clean", "tag", "daemon-reload",
        "daemon-reexec", "try-restart", "reload-or-restart", "try-reload-or-restart", "isolate", "set-property",
        "reset-failed", "kick", "trigger", "invalidate", "failback", "recover", "repair", "heal", "rebalance",
        "reindex", "vacuum", "drop", "alter", "insert", "sync", "abort", "cancel", "retry", "rerun", "requeue", "disarm",
        "save", "evacuate", "quiesce", "unquiesce", "fence", "unfence",
    ]

    /// Programs that change something whatever their arguments.
    private static let changers: Set<String> = [
        "rm", "rmdir", "mv", "cp", "ln", "mkdir", "touch", "truncate", "chmod", "chown", "chgrp", "chattr", "kill",
        "pkill", "killall", "reboot", "shutdown", "halt", "poweroff", "dd", "mount", "umount", "swapon", "swapoff",
        "useradd", "userdel", "usermod", "groupadd", "passwd", "chpasswd", "install", "rsync", "scp", "patch", "shred",
        "fallocate", "resize2fs", "xfs_growfs", "growpart", "lvextend", "lvresize", "pvresize", "fsck", "logrotate",
        "renice", "tc", "unlink", "wipefs", "parted", "fdisk", "sfdisk", "modprobe", "rmmod", "insmod",
        "update-alternatives", "certbot", "ufw", "firewall-cmd", "ansible-playbook", "chef-client", "puppet",
    ]

    private static let sqlChanges = [
        "insert", "update", "delete", "alter", "drop", "create", "truncate", "grant", "revoke", "vacuum", "reindex",
        "pg_terminate_backend", "pg_cancel_backend", "kill", "flushall", "flushdb", "set",
    ]

    private static func changes(_ invocation: ShellAnalysis.Invocation) -> Bool {
        let name = invocation.name
        let args = invocation.args
        if changers.contains(name) || name.hasPrefix("mkfs") { return true }
        switch name {
        case "curl": return curlChanges(args)
        case "wget": return args.contains { $0.hasPrefix("--post-") || ($0.hasPrefix("--method=") && !$0.hasSuffix("=GET") && !$0.hasSuffix("=HEAD")) }
        case "http", "https", "xh": return args.first.map { ["POST", "PUT", "PATCH", "DELETE"].contains($0.uppercased()) } ?? false
        case "find": return args.contains("-delete")
        case "sysctl": return args.contains("-w") || args.contains { !$0.hasPrefix("-") && $0.contains("=") }
        case "iptables", "ip6tables", "nft": return !args.contains { ["-L", "-S", "--list", "list", "-nL", "-nvL"].contains($0) }
        case "crontab": return args.contains("-r") || Self.operands(args).contains { $0 != "-" }
        default: break
        }
        if ShellAnalysis.databaseClients.contains(name), args.contains(where: containsSQLChange) { return true }
        if readers.contains(name) { return false }
        let programParts = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
        if let first = programParts.first, programParts.count > 1, changingVerbs.contains(String(first)) { return true }
        return verbs(args).contains { verb in
            changingVerbs.contains(verb) || verb.split(separator: "-").first.map { changingVerbs.contains(String($0)) } == true
        }
    }

    private static func curlChanges(_ args: [String]) -> Bool {
        for (index, arg) in args.enumerated() {
            if arg == "-X" || arg == "--request" {
                let method = index + 1 < args.count ? args[index + 1].uppercased() : "GET"
                if method != "GET" && method != "HEAD" { return true }
            } else if arg.hasPrefix("-X") || arg.hasPrefix("--request=") {
                let method = arg.hasPrefix("-X") ? String(arg.dropFirst(2)) : String(arg.dropFirst(10))
                if !["GET", "HEAD"].contains(method.uppercased()) { return true }
            } else if ["-d", "-F", "-T", "--form", "--upload-file", "--json"].contains(arg) || arg.hasPrefix("--data")
                        || arg.hasPrefix("--form") || arg.hasPrefix("--json") {
                return true
            }
        }
        return false
    }

    private static func containsSQLChange(_ text: String) -> Bool {
        let words = text.lowercased().split { !($0.isLetter || $0 == "_") }
        return words.contains { sqlChanges.contains(String($0)) }
    }

    /// The first few words that are not options: where a subcommand is (`kubectl -n prod rollout restart`).
    private static func verbs(_ args: [String]) -> [String] {
        Array(args.lazy.filter { !$0.hasPrefix("-") }.prefix(3))
    }

    private static func operands(_ args: [String], skippingFirst count: Int = 0) -> [String] {
        Array(args.dropFirst(count).filter { !$0.hasPrefix("-") })
    }

    // MARK: Files

    /// `> file`, `>> file`, `&> file` — not `2>&1`, and not into `/dev/null` and the like.
    private static func writesFile(_ redirection: ShellWords.Redirection) -> Bool {
        guard redirection.writes, !redirection.target.isEmpty, !redirection.target.hasPrefix("/dev/") else { return false }
        if redirection.op == ">&" || redirection.op == "<>" { return redirection.truncates }
        return true
    }

    private static func editsInPlace(_ args: [String]) -> Bool {
        args.contains { arg in
            arg == "--in-place" || arg.hasPrefix("--in-place=")
                || (arg.hasPrefix("-") && !arg.hasPrefix("--") && arg.dropFirst().contains("i"))
        }
    }

    /// The files of `sed -i SCRIPT FILE…` / `sed -i -e SCRIPT FILE…` / `perl -pi -e SCRIPT FILE…`.
    private static func inPlaceFiles(_ args: [String], program: String) -> [String] {
        var files: [String] = []
        var scriptGiven = false
        var index = 0
        while index < args.count {
            let arg = args[index]
            index += 1
            if arg.hasPrefix("--") {
                if ["--expression", "--file"].contains(arg) { scriptGiven = true; index += 1 }
                if arg.hasPrefix("--expression=") || arg.hasPrefix("--file=") { scriptGiven = true }
                continue
            }
            if arg.hasPrefix("-"), arg.count > 1 {
                // `-e SCRIPT`, `-f FILE` (and `-pie SCRIPT` for perl): the next word is the script.
                if let last = arg.last, last == "e" || last == "f" || last == "E" {
                    scriptGiven = true
                    index += 1
                }
                continue
            }
            if !scriptGiven && program == "sed" {
                scriptGiven = true
                continue
            }
            files.append(arg)
        }
        return files
    }

    /// What `kubectl edit deploy/api -n prod` (or `deploy api`) edits: the words after `edit`
    /// that are not options or their values.
    private static func editedResource(_ args: [String]) -> String {
        guard let edit = args.firstIndex(of: "edit") else { return "" }
        var words: [String] = []
        var index = edit + 1
        while index < args.count, words.count < 2 {
            let arg = args[index]
            index += 1
            if arg.hasPrefix("-") {
                // `-n prod`, `--namespace prod`: the value is not part of the resource.
                if !arg.contains("="), index < args.count, !args[index].hasPrefix("-") { index += 1 }
                continue
            }
            words.append(arg)
        }
        return words.joined(separator: " ")
    }

    /// `path` joined to `directory` when `path` is relative and the directory known.
    static func join(_ directory: String?, _ path: String) -> String {
        guard let directory, !path.hasPrefix("/"), !path.hasPrefix("~") else { return path }
        var parts = directory.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty && parts.last != "~" { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        let prefix = directory.hasPrefix("/") ? "/" : ""
        return prefix + parts.joined(separator: "/")
    }
}
