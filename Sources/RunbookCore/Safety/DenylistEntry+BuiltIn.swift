import Foundation

extension DenylistEntry {
    typealias Invocation = ShellAnalysis.Invocation

    /// The built-in entries, most specific first. Each recognises a program in command
    /// position (see `ShellAnalysis`) unless it says otherwise.
    static let builtIn: [DenylistEntry] = [
        // Deleting and moving the filesystem
        DenylistEntry(id: "rm-root", reason: "recursively deletes the root filesystem", programs: ["rm"]) {
            rmTargets($0).contains(.root)
        },
        DenylistEntry(id: "rm-home", reason: "recursively deletes the home directory", programs: ["rm"]) {
            rmTargets($0).contains(.home)
        },
        DenylistEntry(id: "rm-system-dir", reason: "recursively deletes a top-level system directory", programs: ["rm"]) {
            rmTargets($0).contains(.system)
        },
        DenylistEntry(id: "find-delete-root", reason: "deletes files found across the whole filesystem", programs: ["find"],
                      invocation: findDeletesFromRoot),
        DenylistEntry(id: "mv-root", reason: "moves the root filesystem or a top-level system directory away", programs: ["mv"],
                      invocation: movesRoot),
        DenylistEntry(id: "chmod-root", reason: "recursively changes permissions of the root filesystem or a system directory",
                      programs: ["chmod"], invocation: recursivelyChangesRoot),
        DenylistEntry(id: "chown-root", reason: "recursively changes ownership of the root filesystem or a system directory",
                      programs: ["chown", "chgrp"], invocation: recursivelyChangesRoot),
        DenylistEntry(id: "overwrite-system-file", reason: "overwrites a critical system file (passwd, shadow, group, sudoers, fstab)",
                      invocation: overwritesSystemFile),

        // Disks
        DenylistEntry(id: "mkfs", reason: "creates a new filesystem on a device, erasing its data") {
            isFormatter($0.name) && $0.args.contains { isBlockDevice($0) || isUnresolved($0) }
        },
        DenylistEntry(id: "mkswap", reason: "turns a block device into swap space, erasing its data", programs: ["mkswap"]) {
            $0.args.contains(where: isBlockDevice)
        },
        DenylistEntry(id: "wipe-device", reason: "erases the filesystem signatures, partition table or data of a block device",
                      programs: ["wipefs", "blkdiscard", "sgdisk"], invocation: wipesDevice),
        DenylistEntry(id: "dd-device", reason: "writes raw data over a block device", programs: ["dd"]) {
            $0.args.contains { $0.hasPrefix("of=") && isBlockDevice(String($0.dropFirst(3))) }
        },
        DenylistEntry(id: "redirect-device", reason: "overwrites a block device through a redirection") { invocation in
            invocation.redirections.contains { $0.writes && isBlockDevice($0.target) }
                || (invocation.name == "tee" && operands(invocation.args).contains(where: isBlockDevice))
        },
        DenylistEntry(id: "shred-device", reason: "shreds a block device, destroying its data", programs: ["shred"]) {
            $0.args.contains(where: isBlockDevice)
        },
        DenylistEntry(id: "destroy-volume", reason: "destroys a logical volume, volume group or storage pool and its data",
                      programs: ["lvremove", "vgremove", "pvremove", "zpool", "zfs"], invocation: destroysVolume),

        // The machine
        DenylistEntry(id: "fork-bomb", reason: "runs a fork bomb that exhausts the process table",
                      matcher: .analysis { $0.codeTexts.contains(where: isForkBomb) }),
        DenylistEntry(id: "curl-pipe-shell", reason: "runs a script downloaded from the network without reviewing it",
                      invocation: runsDownloadedScript),
        DenylistEntry(id: "shutdown", reason: "shuts down, halts or reboots the host",
                      programs: ["shutdown", "reboot", "halt", "poweroff", "init", "telinit", "systemctl"], invocation: shutsDown),
        DenylistEntry(id: "sysrq-trigger", reason: "triggers a kernel SysRq action (reboot, crash, power-off or killing all processes)",
                      invocation: triggersSysRq),
        DenylistEntry(id: "kill-all-processes", reason: "sends a signal to every process (pid -1)", programs: ["kill"],
                      invocation: killsEveryProcess),
        DenylistEntry(id: "firewall-flush", reason: "flushes or disables the host firewall",
                      programs: ["iptables", "ip6tables", "iptables-legacy", "ip6tables-legacy", "iptables-nft", "ip6tables-nft", "nft", "ufw"],
                      invocation: flushesFirewall),
        DenylistEntry(id: "crontab-remove", reason: "removes the whole crontab without confirmation", programs: ["crontab"]) { invocation in
            let letters = shortOptions(invocation.args)
            return letters.contains(0x72) && !letters.contains(0x69)  // -r without -i
        },

        // Data stores
        DenylistEntry(id: "sql-drop-database", reason: "drops a whole database or schema", matcher: .analysis { analysis in
            analysis.dataTexts.contains { dropsDatabase($0.text) } || analysis.invocations.contains(where: runsDropDatabaseTool)
        }),
        DenylistEntry(id: "sql-drop-table", reason: "drops a database table",
                      matcher: .analysis { $0.dataTexts.contains { dropsTable($0.text) } }),
        DenylistEntry(id: "sql-truncate", reason: "deletes every row of a database table (TRUNCATE)",
                      matcher: .analysis { $0.dataTexts.contains { truncatesTable($0.text, bare: $0.isStatementContext) } }),
        DenylistEntry(id: "sql-delete-all", reason: "deletes every row of a database table (DELETE without WHERE)",
                      matcher: .analysis { $0.dataTexts.contains { $0.isStatementContext && deletesAllRows($0.text) } }),
        DenylistEntry(id: "redis-flush", reason: "deletes every key of a Redis database (FLUSHALL/FLUSHDB)",
                      matcher: .analysis { $0.dataTexts.contains { flushesRedis($0.text) } }),
        DenylistEntry(id: "etcd-delete-all", reason: "deletes every key in etcd", programs: ["etcdctl"], invocation: deletesAllEtcdKeys),

        // Clusters, infrastructure, repositories
        DenylistEntry(id: "kubectl-delete-namespace", reason: "deletes a Kubernetes namespace and everything in it", programs: kubectlPrograms) {
            kubectlDelete($0).map { $0.types.contains(where: namespaceTypes.contains) } ?? false
        },
        DenylistEntry(id: "kubectl-delete-all", reason: "deletes all Kubernetes resources of a kind (--all or across all namespaces)",
                      programs: kubectlPrograms) {
            kubectlDelete($0).map { $0.flags.contains(where: allResourcesFlags.contains) } ?? false
        },
        DenylistEntry(id: "kubectl-delete-crd", reason: "deletes a Kubernetes CustomResourceDefinition and every resource of that kind",
                      programs: kubectlPrograms) {
            kubectlDelete($0).map { $0.types.contains(where: crdTypes.contains) } ?? false
        },
        DenylistEntry(id: "terraform-destroy", reason: "destroys all infrastructure managed by the configuration",
                      programs: ["terraform", "tofu", "terragrunt", "pulumi", "cdk"], invocation: destroysInfrastructure),
        DenylistEntry(id: "bucket-delete", reason: "deletes a whole storage bucket or every object in it",
                      programs: ["aws", "gsutil", "gcloud"], invocation: deletesBucket),
        DenylistEntry(id: "git-force-push", reason: "force-pushes, overwriting history on the remote", programs: ["git"],
                      invocation: forcePushes),
    ]

    private static let kubectlPrograms: Set<String> = ["kubectl", "oc", "k3s", "microk8s"]
}

// MARK: - Options and operands

extension DenylistEntry {
    /// Arguments that are not options (everything after `--` counts as an operand).
    static func operands(_ args: [String]) -> [String] {
        var result: [String] = []
        var optionsEnded = false
        for arg in args {
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                result.append(arg)
            } else if arg == "--" {
                optionsEnded = true
            }
        }
        return result
    }

    /// Arguments that are options, up to `--`.
    static func options(_ args: [String]) -> [String] {
        var result: [String] = []
        for arg in args {
            if arg == "--" { break }
            if arg.hasPrefix("-") && arg != "-" { result.append(arg) }
        }
        return result
    }

    /// The letters of every single-dash option cluster (`-rf` gives r and f), up to `--`.
    static func shortOptions(_ args: [String]) -> Set<UInt8> {
        var letters = Set<UInt8>()
        for option in options(args) where !option.hasPrefix("--") {
            letters.formUnion(option.utf8.dropFirst())
        }
        return letters
    }

    /// Operands, skipping the values of the options listed in `valued` (`-n VALUE`, `--namespace VALUE`).
    static func operands(_ args: [String], valued: Set<String>) -> [String] {
        var result: [String] = []
        var index = 0
        var optionsEnded = false
        while index < args.count {
            let arg = args[index]
            index += 1
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                result.append(arg)
            } else if arg == "--" {
                optionsEnded = true
            } else if valued.contains(arg) {
                index += 1
            }
        }
        return result
    }
}

// MARK: - Paths

extension DenylistEntry {
    enum PathClass: Sendable { case root, home, system }

    /// Top-level directories whose recursive removal breaks the system (or loses all users' data).
    static let systemDirectories: Set<Substring> = [
        "bin", "boot", "dev", "etc", "home", "lib", "lib32", "lib64", "libx32", "media", "mnt", "opt", "proc",
        "root", "run", "sbin", "snap", "srv", "sys", "usr", "var",
        "Applications", "Library", "System", "Users", "Volumes", "private",
    ]

    /// Path segments that stand for a whole directory: `/`, `.`, `..`, `*`, `.*`.
    private static let wholeDirectorySegments: Set<Substring> = ["", ".", "..", "*", ".*"]

    /// Whether `path` is the root (`/`, `/*`, `/.`, `/tmp/..`), the home directory (`~`, `~/`, `$HOME/*`), or a
    /// top-level system directory (`/etc`, `/usr/*`). A relative `*` or `.` is classified by the working directory.
    static func classify(_ path: String, workingDirectory: String? = nil) -> PathClass? {
        var base = PathClass.root
        var rest = Substring(path)
        if let home = ["~", "$HOME", "${HOME}"].first(where: { path == $0 || path.hasPrefix($0 + "/") }) {
            base = .home
            rest = rest.dropFirst(home.count)
        } else if !path.hasPrefix("/") {
            guard let workingDirectory, workingDirectory != path,
                  path.split(separator: "/").allSatisfy(wholeDirectorySegments.contains) else { return nil }
            return classify(workingDirectory)
        }
        var segments: [Substring] = []
        var aboveBase = false
        for segment in rest.split(separator: "/") where segment != "." {
            if segment == ".." {
                if segments.popLast() == nil { aboveBase = true }
            } else {
                segments.append(segment)
            }
        }
        let everything: Set<Substring> = ["*", ".*"]
        if segments.allSatisfy(everything.contains) {
            return base == .home && aboveBase ? .system : base  // `~/..` is /home
        }
        if base == .root, let first = segments.first, systemDirectories.contains(first),
           segments.dropFirst().allSatisfy(everything.contains) {
            return .system
        }
        return nil
    }

    /// Whether `path` names a block device: `/dev/sda1`, `/dev/nvme0n1`, `/dev/mapper/vg-lv`, `/dev/disk/by-id/…`,
    /// `/dev/vg0/data` — but not `/dev/null`, `/dev/zero`, `/dev/tty`, `/dev/shm/…`, `/dev/fd/…`.
    static func isBlockDevice(_ path: String) -> Bool {
        guard path.hasPrefix("/dev/") else { return false }
        let parts = path.dropFirst(5).split(separator: "/")
        guard let name = parts.first else { return false }
        if parts.count > 1 { return !nonBlockDeviceDirectories.contains(name) }
        if name == "root" { return true }
        for (prefix, next) in blockDevicePrefixes where name.hasPrefix(prefix) {
            guard let byte = name.utf8.dropFirst(prefix.utf8.count).first else { continue }
            switch next {
            case .letter: if byte >= 0x61 && byte <= 0x7A { return true }
            case .digit: if byte >= 0x30 && byte <= 0x39 { return true }
            }
        }
        return false
    }

    private enum Following { case letter, digit }

    private static let blockDevicePrefixes: [(String, Following)] = [
        ("sd", .letter), ("hd", .letter), ("vd", .letter), ("xvd", .letter), ("nvme", .digit), ("mmcblk", .digit),
        ("disk", .digit), ("rdisk", .digit), ("dm-", .digit), ("md", .digit), ("loop", .digit), ("nbd", .digit),
        ("rbd", .digit), ("zd", .digit), ("drbd", .digit), ("bcache", .digit), ("pmem", .digit), ("ubd", .letter),
    ]

    private static let nonBlockDeviceDirectories: Set<Substring> = [
        "pts", "fd", "shm", "mqueue", "net", "input", "snd", "bus", "char", "dri", "hugepages", "cpu", "usb",
        "serial", "v4l", "vfio", "tty", "stdin", "stdout", "stderr", "null", "zero",
    ]

    /// A word whose value is only known when the command runs: `$DEVICE`, `` `cmd` ``.
    static func isUnresolved(_ word: String) -> Bool {
        word.utf8.contains(0x24) || word.utf8.contains(0x60)
    }
}

// MARK: - Files

extension DenylistEntry {
    /// What a recursive `rm` deletes, by class (empty when it is not a recursive `rm`).
    static func rmTargets(_ invocation: Invocation) -> [PathClass] {
        guard invocation.name == "rm" else { return [] }
        let options = options(invocation.args)
        if options.contains("--no-preserve-root") { return [.root] }
        let recursive = options.contains("--recursive") || !shortOptions(invocation.args).isDisjoint(with: [0x72, 0x52])
        guard recursive else { return [] }
        return operands(invocation.args).compactMap { classify($0, workingDirectory: invocation.workingDirectory) }
    }

    static func findDeletesFromRoot(_ invocation: Invocation) -> Bool {
        guard invocation.name == "find" else { return false }
        var args = invocation.args[...]
        while let first = args.first, ["-H", "-L", "-P"].contains(first) || first.hasPrefix("-O") || first == "-D" {
            args = args.dropFirst(first == "-D" ? 2 : 1)
        }
        let starts = args.prefix { !$0.hasPrefix("-") && $0 != "(" && $0 != "!" }
        guard starts.contains(where: { classify($0) == .root }) else { return false }
        let expression = Array(args.dropFirst(starts.count))
        if expression.contains("-delete") { return true }
        for (index, word) in expression.enumerated() where ["-exec", "-execdir", "-ok", "-okdir"].contains(word) {
            if index + 1 < expression.count, ["rm", "shred", "unlink"].contains(ShellAnalysis.programName(expression[index + 1])) {
                return true
            }
        }
        return false
    }

    static func movesRoot(_ invocation: Invocation) -> Bool {
        guard invocation.name == "mv" else { return false }
        var files: [String] = []
        var hasTarget = false
        var index = 0
        var optionsEnded = false
        while index < invocation.args.count {
            let arg = invocation.args[index]
            index += 1
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                files.append(arg)
            } else if arg == "--" {
                optionsEnded = true
            } else if arg == "-t" || arg == "--target-directory" {
                hasTarget = true
                index += 1
            } else if arg.hasPrefix("-t") || arg.hasPrefix("--target-directory=") {
                hasTarget = true
            } else if arg == "-S" || arg == "--suffix" {
                index += 1
            }
        }
        let sources = hasTarget ? files : Array(files.dropLast())
        return sources.contains { classify($0) == .root || classify($0) == .system }
    }

    static func recursivelyChangesRoot(_ invocation: Invocation) -> Bool {
        let options = options(invocation.args)
        guard options.contains("--recursive") || shortOptions(invocation.args).contains(0x52) else { return false }
        let operands = operands(invocation.args)
        let files = options.contains(where: { $0.hasPrefix("--reference") }) ? operands : Array(operands.dropFirst())
        return files.contains { classify($0) == .root || classify($0) == .system }
    }

    private static let criticalFiles: Set<String> = [
        "/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow", "/etc/sudoers", "/etc/fstab",
    ]

    static func overwritesSystemFile(_ invocation: Invocation) -> Bool {
        if invocation.redirections.contains(where: { $0.truncates && criticalFiles.contains($0.target) }) { return true }
        switch invocation.name {
        case "tee":
            let appends = options(invocation.args).contains("--append") || shortOptions(invocation.args).contains(0x61)
            return !appends && operands(invocation.args).contains(where: criticalFiles.contains)
        case "truncate":
            return invocation.args.contains(where: criticalFiles.contains)
        default:
            return false
        }
    }
}

// MARK: - Disks

extension DenylistEntry {
    static func isFormatter(_ name: String) -> Bool {
        name == "mkfs" || name.hasPrefix("mkfs.") || name.hasPrefix("newfs")
            || ["mke2fs", "mkdosfs", "mkntfs", "mkexfatfs", "mkreiserfs", "mkudffs", "mkfs_msdos"].contains(name)
    }

    static func wipesDevice(_ invocation: Invocation) -> Bool {
        guard ["wipefs", "blkdiscard", "sgdisk"].contains(invocation.name) else { return false }
        let onDevice = invocation.args.contains { isBlockDevice($0) || isUnresolved($0) }
        switch invocation.name {
        case "wipefs":
            let options = options(invocation.args)
            let erases = options.contains { $0 == "--all" || $0.hasPrefix("--offset") }
                || !shortOptions(invocation.args).isDisjoint(with: [0x61, 0x6F])  // -a, -o
            return erases && onDevice
        case "blkdiscard":
            return onDevice
        case "sgdisk":
            let zaps = options(invocation.args).contains { ["--zap-all", "--zap", "--clear"].contains($0) }
                || !shortOptions(invocation.args).isDisjoint(with: [0x5A, 0x7A, 0x6F])  // -Z, -z, -o
            return zaps && onDevice
        default:
            return false
        }
    }

    static func destroysVolume(_ invocation: Invocation) -> Bool {
        switch invocation.name {
        case "lvremove", "vgremove", "pvremove":
            return !operands(invocation.args).isEmpty
        case "zpool":
            return operands(invocation.args).first == "destroy"
        case "zfs":
            let operands = operands(invocation.args)
            // Destroying a snapshot (pool/fs@snap) is routine clean-up; a dataset is its data.
            return operands.first == "destroy" && operands.dropFirst().contains { !$0.contains("@") }
        default:
            return false
        }
    }
}

// MARK: - The machine

extension DenylistEntry {
    private static let forkBombExpression = try! NSRegularExpression(pattern: #"""
        (?:([^\s(){}|&;<>'"`$]+)\s*\(\s*\)|\bfunction\s+([^\s(){}|&;<>'"`$]+)\s*(?:\(\s*\))?)\s*\{\s*(?:\1|\2)\s*\|\s*(?:\1|\2)\s*&
        """#)

    /// `:(){ :|:& };:` and the same shape with any name or spacing, or in `function f { f|f& }` form.
    static func isForkBomb(_ code: String) -> Bool {
        // Cheap filter: a `{` right after `)` (a function body) or the `function` keyword, and a `|` and a `&`.
        var previous: UInt8 = 0, opensBody = false, pipe = false, ampersand = false
        for byte in code.utf8 {
            switch byte {
            case 0x7B: if previous == 0x29 { opensBody = true }
            case 0x7C: pipe = true
            case 0x26: ampersand = true
            default: break
            }
            if byte != 0x20 && byte != 0x09 { previous = byte }
        }
        guard pipe, ampersand, opensBody || code.contains("function") else { return false }
        return forkBombExpression.firstMatch(in: code, range: NSRange(location: 0, length: code.utf16.count)) != nil
    }

    private static let downloaders: Set<String> = ["curl", "wget", "fetch", "http", "https", "xh", "aria2c"]

    /// `curl … | sh`, `wget -qO- … | sudo bash`, `bash <(curl …)`, `sh -c "$(curl …)"`, `eval "$(curl …)"`.
    static func runsDownloadedScript(_ invocation: Invocation) -> Bool {
        let interpreter = ShellAnalysis.isInterpreter(invocation.name)
        if interpreter && ShellAnalysis.readsProgramFromStdin(name: invocation.name, args: invocation.args)
            && invocation.upstream.contains(where: downloaders.contains) {
            return true
        }
        if interpreter || ["source", ".", "eval"].contains(invocation.name),
           invocation.args.contains(where: substitutesDownload) {
            return true
        }
        return substitutesDownload(invocation.argv0)
    }

    /// A word that is the output of a download: `$(curl …)`, `` `wget -O- …` ``, `<(curl …)`.
    private static func substitutesDownload(_ word: String) -> Bool {
        guard word.hasPrefix("$(") || word.hasPrefix("<(") || word.hasPrefix("`") else { return false }
        guard downloaders.contains(where: { word.contains($0) }) else { return false }
        return ShellAnalysis(word).invocations.contains { downloaders.contains($0.name) }
    }

    static func shutsDown(_ invocation: Invocation) -> Bool {
        let args = invocation.args
        switch invocation.name {
        case "shutdown":
            return !args.contains { ["-c", "-k", "--help"].contains($0) }
        case "reboot", "halt", "poweroff":
            return !args.contains { ["--help", "-w", "--wtmp-only"].contains($0) }
        case "init", "telinit":
            return ["0", "6"].contains(operands(args).first ?? "")
        case "systemctl":
            let valued: Set<String> = [
                "-H", "--host", "-M", "--machine", "-t", "--type", "-p", "--property", "-s", "--signal", "-n", "--lines",
                "-o", "--output", "--root", "--state", "--job-mode", "--what", "--when", "--message", "--image",
            ]
            return ["poweroff", "reboot", "halt", "kexec", "soft-reboot", "rescue", "emergency"]
                .contains(operands(args, valued: valued).first ?? "")
        default:
            return false
        }
    }

    static func triggersSysRq(_ invocation: Invocation) -> Bool {
        let target = "/proc/sysrq-trigger"
        let writes = invocation.redirections.contains { $0.writes && $0.target == target }
            || (invocation.name == "tee" && operands(invocation.args).contains(target))
        guard writes else { return false }
        guard ["echo", "printf"].contains(invocation.name) else { return true }  // the key is not known
        guard let key = operands(invocation.args).joined().utf8.first else { return false }
        // b reboot, c crash, e/i kill all processes, o power off, u remount read-only; others (w, t, m) only report.
        return "$`bBcCeEiIoOuU".utf8.contains(key)
    }

    static func killsEveryProcess(_ invocation: Invocation) -> Bool {
        guard invocation.name == "kill" else { return false }
        var args = invocation.args[...]
        if let first = args.first, first.hasPrefix("-"), first != "--" {
            args = args.dropFirst(["-s", "-n", "--signal"].contains(first) ? 2 : 1)  // the signal
        }
        return args.contains("-1")
    }

    static func flushesFirewall(_ invocation: Invocation) -> Bool {
        switch invocation.name {
        case "iptables", "ip6tables", "iptables-legacy", "ip6tables-legacy", "iptables-nft", "ip6tables-nft":
            return invocation.args.contains { $0 == "-F" || $0 == "--flush" }
        case "nft":
            return operands(invocation.args).starts(with: ["flush", "ruleset"])
        case "ufw":
            return ["reset", "disable"].contains(operands(invocation.args).first ?? "")
        default:
            return false
        }
    }
}

// MARK: - Data stores

extension DenylistEntry {
    /// A word of an SQL-ish text: a run of ASCII letters, digits and `_`, lowercased, with its byte range.
    private struct Token {
        var text: String
        var start: Int
        var end: Int
    }

    private static func tokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            guard isWordByte(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
            let lowered = bytes[start..<index].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            tokens.append(Token(text: String(decoding: lowered, as: UTF8.self), start: start, end: index))
        }
        return tokens
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether only (some) whitespace separates two tokens.
    private static func spaceBetween(_ bytes: [UInt8], _ first: Token, _ second: Token) -> Bool {
        second.start > first.end && bytes[first.end..<second.start].allSatisfy(isSpace)
    }

    /// Whether a token starts a statement: at the start of the text or after `;`, `(`, `=` or a quote.
    private static func startsStatement(_ bytes: [UInt8], _ token: Token) -> Bool {
        var index = token.start - 1
        while index >= 0, isSpace(bytes[index]) { index -= 1 }
        return index < 0 || [0x3B, 0x28, 0x3D, 0x22, 0x27, 0x60].contains(bytes[index])
    }

    /// Case-insensitive containment of an ASCII keyword (lowercase), as a cheap filter before tokenising.
    private static func mentions(_ text: String, _ keywords: [String]) -> Bool {
        let bytes = text.utf8
        return keywords.contains { keyword in
            let key = Array(keyword.utf8)
            guard bytes.count >= key.count else { return false }
            var matched = 0
            for byte in bytes {
                let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if lowered == key[matched] {
                    matched += 1
                    if matched == key.count { return true }
                } else {
                    matched = lowered == key[0] ? 1 : 0
                }
            }
            return false
        }
    }

    /// Calls `test` with the text's bytes and tokens when it mentions any of `keywords`.
    private static func scan(_ text: String, for keywords: [String], _ test: ([UInt8], [Token]) -> Bool) -> Bool {
        guard mentions(text, keywords) else { return false }
        let bytes = Array(text.utf8)
        return test(bytes, tokens(bytes))
    }

    /// `DROP DATABASE`, `DROP SCHEMA`, MongoDB's `db.dropDatabase()`.
    static func dropsDatabase(_ text: String) -> Bool {
        scan(text, for: ["drop"]) { bytes, tokens in
            for (index, token) in tokens.enumerated() {
                if token.text == "drop", index + 1 < tokens.count, ["database", "schema"].contains(tokens[index + 1].text),
                   spaceBetween(bytes, token, tokens[index + 1]) {
                    return true
                }
                if token.text == "dropdatabase" {
                    var next = token.end
                    while next < bytes.count, isSpace(bytes[next]) { next += 1 }
                    if next < bytes.count, bytes[next] == 0x28 { return true }
                }
            }
            return false
        }
    }

    /// `dropdb NAME` (PostgreSQL) and `mysqladmin drop NAME`.
    static func runsDropDatabaseTool(_ invocation: Invocation) -> Bool {
        switch invocation.name {
        case "dropdb": return operands(invocation.args).contains { !$0.isEmpty }
        case "mysqladmin": return operands(invocation.args).contains { $0.lowercased() == "drop" }
        default: return false
        }
    }

    static func dropsTable(_ text: String) -> Bool {
        scan(text, for: ["drop"]) { bytes, tokens in
            tokens.indices.dropLast().contains { index in
                tokens[index].text == "drop" && tokens[index + 1].text == "table" && spaceBetween(bytes, tokens[index], tokens[index + 1])
            }
        }
    }

    /// `TRUNCATE TABLE x` anywhere; with `bare`, also `TRUNCATE x` where a statement starts
    /// (never the `truncate -s 0 file` command: options follow it, not a name).
    static func truncatesTable(_ text: String, bare: Bool) -> Bool {
        scan(text, for: ["truncate"]) { bytes, tokens in
            for index in tokens.indices.dropLast() where tokens[index].text == "truncate" {
                let token = tokens[index], next = tokens[index + 1]
                if next.text == "table" && spaceBetween(bytes, token, next) { return true }
                guard bare, startsStatement(bytes, token), next.start > token.end else { continue }
                let gap = bytes[token.end..<next.start]
                let quotes: Set<UInt8> = [0x22, 0x60, 0x5B]  // " ` [
                if let first = gap.first, isSpace(first), gap.allSatisfy({ isSpace($0) || quotes.contains($0) }),
                   gap.filter({ quotes.contains($0) }).count <= 1 {
                    return true
                }
            }
            return false
        }
    }

    /// `DELETE FROM table` with nothing after the table name but the end of the statement.
    static func deletesAllRows(_ text: String) -> Bool {
        scan(text, for: ["delete"]) { bytes, tokens in
            for index in tokens.indices.dropLast() where tokens[index].text == "delete" {
                let token = tokens[index], from = tokens[index + 1]
                guard from.text == "from", spaceBetween(bytes, token, from), startsStatement(bytes, token) else { continue }
                var position = from.end
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                let nameStart = position
                while position < bytes.count, isWordByte(bytes[position]) || [0x2E, 0x22, 0x60, 0x5B, 0x5D].contains(bytes[position]) {
                    position += 1
                }
                guard position > nameStart else { continue }
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                if position == bytes.count || bytes[position] == 0x3B { return true }
            }
            return false
        }
    }

    static func flushesRedis(_ text: String) -> Bool {
        scan(text, for: ["flushall", "flushdb"]) { _, tokens in
            tokens.contains { $0.text == "flushall" || $0.text == "flushdb" }
        }
    }

    /// `etcdctl del "" --prefix`, `etcdctl del --from-key ""`, `etcdctl rm -r /` (v2).
    static func deletesAllEtcdKeys(_ invocation: Invocation) -> Bool {
        guard invocation.name == "etcdctl" else { return false }
        let valued: Set<String> = ["--endpoints", "--cacert", "--cert", "--key", "--user", "--password", "-w", "--write-out",
                                   "--dial-timeout", "--command-timeout"]
        let operands = operands(invocation.args, valued: valued)
        let options = options(invocation.args)
        guard let verb = operands.first else { return false }
        let key = operands.dropFirst().first ?? ""
        switch verb {
        case "del":
            if options.contains(where: { $0.hasPrefix("--from-key") }) { return key.isEmpty || key == "\\0" }
            if options.contains(where: { $0.hasPrefix("--prefix") }) { return key.isEmpty || key == "/" }
            return false
        case "rm":
            return (options.contains("-r") || options.contains("--recursive")) && (key == "/" || key.isEmpty)
        default:
            return false
        }
    }
}

// MARK: - Clusters, infrastructure, repositories

extension DenylistEntry {
    static let namespaceTypes: Set<String> = ["ns", "namespace", "namespaces"]
    static let crdTypes: Set<String> = [
        "crd", "crds", "customresourcedefinition", "customresourcedefinitions",
        "customresourcedefinition.apiextensions.k8s.io", "customresourcedefinitions.apiextensions.k8s.io",
    ]
    static let allResourcesFlags: Set<String> = ["--all", "--all=true", "-A", "--all-namespaces", "--all-namespaces=true"]

    private static let kubectlValued: Set<String> = [
        "-n", "--namespace", "-l", "--selector", "-f", "--filename", "-o", "--output", "--field-selector",
        "--grace-period", "--timeout", "--cascade", "-k", "--kustomize", "--raw", "--context", "--cluster", "--user",
        "--kubeconfig", "-s", "--server", "--token", "--as", "--as-group", "--request-timeout", "-v",
    ]

    /// For `kubectl delete …` (or `oc`): the resource types named (`pods,svc`, or `ns` of `ns/foo`) and the options.
    static func kubectlDelete(_ invocation: Invocation) -> (types: [String], flags: [String])? {
        var args = invocation.args
        switch invocation.name {
        case "kubectl", "oc": break
        case "k3s", "microk8s":
            guard args.first == "kubectl" else { return nil }
            args.removeFirst()
        default: return nil
        }
        let operands = operands(args, valued: kubectlValued)
        guard operands.first == "delete" else { return nil }
        var types: [String] = []
        for (index, operand) in operands.dropFirst().enumerated() {
            if let slash = operand.firstIndex(of: "/") {
                types.append(operand[..<slash].lowercased())
            } else if index == 0 {
                types.append(contentsOf: operand.split(separator: ",").map { $0.lowercased() })
            }
        }
        return (types, options(args))
    }

    static func destroysInfrastructure(_ invocation: Invocation) -> Bool {
        guard ["terraform", "tofu", "terragrunt", "pulumi", "cdk"].contains(invocation.name) else { return false }
        let operands = operands(invocation.args)
        let options = options(invocation.args)
        switch invocation.name {
        case "terraform", "tofu":
            return operands.first == "destroy" || (operands.first == "apply" && options.contains { $0 == "-destroy" || $0 == "--destroy" })
        case "terragrunt":
            return operands.contains("destroy") || (operands.contains("apply") && options.contains { $0 == "-destroy" || $0 == "--destroy" })
        case "pulumi":
            return operands.first == "destroy" || operands.first == "down"
        case "cdk":
            return operands.first == "destroy"
        default:
            return false
        }
    }

    /// `s3://bucket`, `s3://bucket/`, `gs://bucket/**`: a URL for everything in a bucket.
    private static func isWholeBucket(_ url: String) -> Bool {
        guard url.hasPrefix("s3://") || url.hasPrefix("gs://") else { return false }
        let parts = url.dropFirst(5).split(separator: "/", omittingEmptySubsequences: false)
        guard let bucket = parts.first, !bucket.isEmpty else { return false }
        return parts.dropFirst().allSatisfy { $0.isEmpty || $0 == "*" || $0 == "**" }
    }

    static func deletesBucket(_ invocation: Invocation) -> Bool {
        guard ["aws", "gsutil", "gcloud"].contains(invocation.name) else { return false }
        let options = options(invocation.args)
        let recursive = options.contains("--recursive") || !shortOptions(invocation.args).isDisjoint(with: [0x72, 0x52])
        switch invocation.name {
        case "aws":
            let operands = operands(invocation.args, valued: ["--profile", "--region", "--endpoint-url", "--output", "--query"])
            guard operands.first == "s3", operands.count >= 3 else { return false }
            if operands[1] == "rb" { return options.contains("--force") }
            return operands[1] == "rm" && options.contains("--recursive") && isWholeBucket(operands[2])
        case "gsutil":
            let operands = operands(invocation.args, valued: ["-o", "-h", "-u"])
            guard let verb = operands.first else { return false }
            if verb == "rb" { return shortOptions(invocation.args).contains(0x66) }
            return verb == "rm" && (recursive || shortOptions(invocation.args).contains(0x61)) && operands.dropFirst().contains(where: isWholeBucket)
        case "gcloud":
            let operands = operands(invocation.args, valued: ["--project", "--account", "--configuration"])
            return operands.starts(with: ["storage", "rm"]) && recursive && operands.dropFirst(2).contains(where: isWholeBucket)
        default:
            return false
        }
    }

    /// `git push --force`/`-f`/`--mirror`, or a `+refspec`; not `--force-with-lease`.
    static func forcePushes(_ invocation: Invocation) -> Bool {
        guard invocation.name == "git" else { return false }
        let globalValued: Set<String> = ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--super-prefix", "--config-env"]
        var index = 0
        let args = invocation.args
        while index < args.count, args[index].hasPrefix("-") {
            index += globalValued.contains(args[index]) ? 2 : 1
        }
        guard index < args.count, args[index] == "push" else { return false }
        let pushArgs = Array(args[(index + 1)...])
        let options = options(pushArgs)
        if options.contains(where: { $0 == "--force" || $0 == "--mirror" }) { return true }
        for option in options where !option.hasPrefix("--") {
            for letter in option.utf8.dropFirst() {
                if letter == 0x66 { return true }  // f
                if letter == 0x6F { break }  // -o takes a value
            }
        }
        return operands(pushArgs, valued: ["-o", "--push-option", "--repo", "--receive-pack", "--exec"]).dropFirst().contains { $0.hasPrefix("+") }
    }
}
