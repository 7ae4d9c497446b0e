import Testing
@testable import RunbookCore

@Suite("Denylist")
struct DenylistTests {
    /// Commands that must match, with the entry expected to be reported.
    static let dangerous: [(String, String)] = [
        // rm of the root filesystem, in its many spellings
        ("rm -rf /", "rm-root"),
        ("rm -fr /", "rm-root"),
        ("rm -r -f /", "rm-root"),
        ("rm --recursive --force /", "rm-root"),
        ("rm -Rf /*", "rm-root"),
        ("rm -rf /.", "rm-root"),
        ("rm -rf //", "rm-root"),
        ("rm -rf -- /", "rm-root"),
        ("rm -r /", "rm-root"),
        ("rm --no-preserve-root -rf /", "rm-root"),
        ("/bin/rm -rf /", "rm-root"),
        (#"\rm -rf /"#, "rm-root"),
        (#""rm" -rf "/""#, "rm-root"),
        ("cd / && rm -rf *", "rm-root"),
        ("rm -rf /tmp/../", "rm-root"),
        ("cd && rm -rf .", "rm-home"),
        ("rm -rf \\\n  /", "rm-root"),
        ("rm -rf ~", "rm-home"),
        ("rm -rf ~/", "rm-home"),
        ("rm -rf $HOME", "rm-home"),
        (#"rm -rf "${HOME}""#, "rm-home"),
        (#"rm -rf "$HOME"/*"#, "rm-home"),
        ("rm -rf /etc", "rm-system-dir"),
        ("rm -rf /usr/", "rm-system-dir"),
        ("rm -rf /var/*", "rm-system-dir"),
        ("rm -rf /boot", "rm-system-dir"),
        ("rm -rf /home", "rm-system-dir"),
        ("rm -Rf /bin", "rm-system-dir"),

        // found in any simple command, through wrappers, substitutions and nested shells
        ("ls && rm -rf /", "rm-root"),
        ("false || rm -rf /", "rm-root"),
        ("true; rm -rf /", "rm-root"),
        ("sleep 1 & rm -rf /", "rm-root"),
        ("cat files | rm -rf /", "rm-root"),
        ("ls\nrm -rf /", "rm-root"),
        ("if true; then rm -rf /; fi", "rm-root"),
        ("(cd /tmp; rm -rf /)", "rm-root"),
        ("sudo rm -rf /", "rm-root"),
        ("sudo -u root -E rm -rf /", "rm-root"),
        ("env -i PATH=/bin FOO=bar rm -rf /", "rm-root"),
        ("nohup rm -rf / &", "rm-root"),
        ("time rm -rf /", "rm-root"),
        ("exec rm -rf /", "rm-root"),
        ("DEBUG=1 LANG=C rm -rf /", "rm-root"),
        ("timeout -s KILL 30 rm -rf /", "rm-root"),
        ("nice -n 10 ionice -c3 rm -rf /", "rm-root"),
        ("find . -name x | xargs -0 -I{} rm -rf /", "rm-root"),
        ("echo $(rm -rf /)", "rm-root"),
        ("x=`rm -rf /`", "rm-root"),
        (#"echo "today: $(rm -rf /)""#, "rm-root"),
        ("sh -c 'rm -rf /'", "rm-root"),
        (#"bash -ec "sudo rm -rf /etc""#, "rm-system-dir"),
        ("su - root -c 'rm -rf /'", "rm-root"),
        ("eval 'rm -rf /'", "rm-root"),
        ("ssh db1 rm -rf /", "rm-root"),
        ("ssh -i key.pem -o StrictHostKeyChecking=no admin@db1 'sudo rm -rf /var'", "rm-system-dir"),
        ("ssh db1 <<'EOF'\nuptime\nrm -rf /\nEOF", "rm-root"),
        ("kubectl exec -it web-0 -n prod -- rm -rf /", "rm-root"),
        ("docker exec -it web sh -c 'rm -rf /'", "rm-root"),
        ("echo 'rm -rf /' | sh", "rm-root"),
        (#"printf 'cd /\nrm -rf *\n' | sudo bash"#, "rm-root"),
        ("echo 'sudo rm -rf /etc' | ssh db1", "rm-system-dir"),
        ("[[ -f /etc/maintenance ]] && reboot", "shutdown"),
        ("gcloud compute ssh vm-1 --zone us-east1-b --command 'sudo reboot'", "shutdown"),
        ("watch -n 60 'kubectl delete ns preview'", "kubectl-delete-namespace"),

        // other filesystem-wide damage
        ("find / -name '*.log' -delete", "find-delete-root"),
        (#"find / -type f -exec rm -f {} \;"#, "find-delete-root"),
        ("mv /* /tmp/old/", "mv-root"),
        ("mv /etc /etc.bak", "mv-root"),
        ("chmod -R 777 /", "chmod-root"),
        ("chmod -R 777 /etc", "chmod-root"),
        ("sudo chmod --recursive 755 /usr", "chmod-root"),
        ("chown -R nobody:nogroup /", "chown-root"),
        ("chgrp -R staff /var", "chown-root"),
        ("> /etc/passwd", "overwrite-system-file"),
        (#"echo "" > /etc/shadow"#, "overwrite-system-file"),
        ("echo 'ALL ALL=(ALL) NOPASSWD: ALL' | sudo tee /etc/sudoers", "overwrite-system-file"),

        // disks
        ("mkfs.ext4 /dev/sdb1", "mkfs"),
        ("mkfs -t xfs /dev/nvme1n1", "mkfs"),
        ("mke2fs -F /dev/vdb", "mkfs"),
        (#"sudo mkfs.xfs -f "$DEVICE""#, "mkfs"),
        ("mkswap /dev/sdc2", "mkswap"),
        ("wipefs -a /dev/sdb", "wipe-device"),
        ("wipefs --all /dev/mapper/data", "wipe-device"),
        ("blkdiscard /dev/nvme0n1", "wipe-device"),
        ("sgdisk --zap-all /dev/sda", "wipe-device"),
        ("dd if=/dev/zero of=/dev/sda bs=1M", "dd-device"),
        ("sudo dd if=image.iso of=/dev/disk2 bs=4m", "dd-device"),
        ("dd if=/dev/urandom of=/dev/mmcblk0", "dd-device"),
        ("dd of=/dev/xvda if=/dev/zero", "dd-device"),
        ("dd if=/dev/zero of=/dev/hda", "dd-device"),
        ("dd if=/dev/zero of=/dev/dm-0", "dd-device"),
        ("dd if=/dev/zero of=/dev/md0", "dd-device"),
        ("dd if=/dev/zero of=/dev/mapper/vg-root", "dd-device"),
        ("cat /dev/urandom > /dev/sda", "redirect-device"),
        ("echo x >/dev/nvme0n1", "redirect-device"),
        ("yes | sudo tee /dev/vdb", "redirect-device"),
        ("shred -n 3 -z /dev/sdb", "shred-device"),
        ("lvremove -f vg0/data", "destroy-volume"),
        ("zpool destroy tank", "destroy-volume"),
        ("zfs destroy -r tank/data", "destroy-volume"),

        // the machine
        (":(){ :|:& };:", "fork-bomb"),
        (":(){:|:&};:", "fork-bomb"),
        ("bomb() { bomb | bomb & }; bomb", "fork-bomb"),
        ("function f { f|f& }; f", "fork-bomb"),
        ("bash -c ':(){ :|:& };:'", "fork-bomb"),
        ("curl -fsSL https://get.example.com | sh", "curl-pipe-shell"),
        ("wget -qO- https://get.example.com | sudo bash", "curl-pipe-shell"),
        ("curl -s https://x.example/install | sudo -E bash -s -- --yes", "curl-pipe-shell"),
        ("curl -sL https://x.example/i.sh | tee install.sh | bash", "curl-pipe-shell"),
        ("curl https://x.example/get.py | python3", "curl-pipe-shell"),
        ("curl https://x.example/get.pl | perl", "curl-pipe-shell"),
        ("curl https://x.example/get | zsh", "curl-pipe-shell"),
        ("curl https://x.example/get | sudo sh", "curl-pipe-shell"),
        ("bash <(curl -s https://x.example/install)", "curl-pipe-shell"),
        (#"sh -c "$(curl -fsSL https://x.example/install)""#, "curl-pipe-shell"),
        (#"eval "$(wget -qO- https://x.example/env)""#, "curl-pipe-shell"),
        ("shutdown -h now", "shutdown"),
        ("shutdown -r +5 'maintenance'", "shutdown"),
        ("sudo reboot", "shutdown"),
        ("halt", "shutdown"),
        ("poweroff", "shutdown"),
        ("init 0", "shutdown"),
        ("init 6", "shutdown"),
        ("systemctl poweroff", "shutdown"),
        ("sudo systemctl --force reboot", "shutdown"),
        ("systemctl halt", "shutdown"),
        ("sudo bash <<EOF\nsync\nreboot\nEOF", "shutdown"),
        ("echo b > /proc/sysrq-trigger", "sysrq-trigger"),
        ("echo c | sudo tee /proc/sysrq-trigger", "sysrq-trigger"),
        ("kill -9 -1", "kill-all-processes"),
        ("kill -- -1", "kill-all-processes"),
        ("iptables -F", "firewall-flush"),
        ("sudo iptables -t nat --flush", "firewall-flush"),
        ("nft flush ruleset", "firewall-flush"),
        ("ufw disable", "firewall-flush"),
        ("crontab -r", "crontab-remove"),
        ("crontab -u deploy -r", "crontab-remove"),

        // data stores: statements anywhere in arguments and here-documents
        (#"psql -c "DROP DATABASE production""#, "sql-drop-database"),
        ("mysql -e 'drop schema app'", "sql-drop-database"),
        (#"sudo -u postgres psql -c "drop database app""#, "sql-drop-database"),
        (#"kubectl exec -it pg-0 -- psql -c "DROP SCHEMA public CASCADE""#, "sql-drop-database"),
        (#"mongosh --eval "db.dropDatabase()""#, "sql-drop-database"),
        ("dropdb -U postgres production", "sql-drop-database"),
        (#"psql -c "DROP TABLE users;""#, "sql-drop-table"),
        (#"echo "drop table if exists users" | psql"#, "sql-drop-table"),
        (#"ssh db1 "psql -c 'DROP TABLE users'""#, "sql-drop-table"),
        ("psql -U app <<'SQL'\nBEGIN;\nTRUNCATE users;\nCOMMIT;\nSQL", "sql-truncate"),
        (#"mysql -e "TRUNCATE TABLE sessions""#, "sql-truncate"),
        ("echo 'truncate users;' | psql", "sql-truncate"),
        ("psql -c 'delete from users'", "sql-delete-all"),
        ("mysql app <<< 'DELETE FROM audit_log;'", "sql-delete-all"),
        ("redis-cli FLUSHALL", "redis-flush"),
        ("redis-cli -h cache -n 2 flushdb", "redis-flush"),
        (#"etcdctl del "" --prefix"#, "etcd-delete-all"),
        ("ETCDCTL_API=3 etcdctl del --from-key ''", "etcd-delete-all"),

        // clusters, infrastructure, repositories
        ("kubectl delete namespace prod", "kubectl-delete-namespace"),
        ("kubectl delete ns staging", "kubectl-delete-namespace"),
        ("kubectl --context prod delete ns/payments", "kubectl-delete-namespace"),
        ("kubectl delete pods --all -n prod", "kubectl-delete-all"),
        ("kubectl delete deploy -A -l app=web", "kubectl-delete-all"),
        ("kubectl delete crd certificates.cert-manager.io", "kubectl-delete-crd"),
        ("terraform destroy -auto-approve", "terraform-destroy"),
        ("terraform -chdir=infra destroy", "terraform-destroy"),
        ("terraform apply -destroy", "terraform-destroy"),
        ("tofu destroy", "terraform-destroy"),
        ("terragrunt run-all destroy", "terraform-destroy"),
        ("pulumi destroy --yes", "terraform-destroy"),
        ("aws s3 rb s3://logs --force", "bucket-delete"),
        ("aws s3 rm s3://backups --recursive", "bucket-delete"),
        ("gsutil -m rm -r gs://backups", "bucket-delete"),
        ("git push --force origin main", "git-force-push"),
        ("git push -f", "git-force-push"),
        ("git push origin +main", "git-force-push"),
        ("git -C repo push -uf origin main", "git-force-push"),
        ("git push --mirror git@example.com:backup.git", "git-force-push"),
    ]

    /// Harmless commands and look-alikes that must not match.
    static let harmless: [String] = [
        // arguments of echo/printf are data; comments are not commands
        #"echo "rm -rf /""#,
        "echo rm -rf /",
        #"printf 'reboot\n'"#,
        "echo shutdown",
        "# rm -rf /",
        "ls -la # && reboot",
        "logger 'reboot scheduled for 02:00'",
        "cat <<'EOF' > notes.txt\nrm -rf /\nreboot\nEOF",
        "sh -c 'echo rm -rf /'",
        "ssh host 'echo reboot'",
        // search programs: their arguments are patterns
        #"grep -r "DROP DATABASE" migrations/"#,
        "rg -i 'truncate table' db/",
        #"git log -S "DROP TABLE" --oneline"#,
        "grep reboot /var/log/syslog",
        "ps aux | grep mkfs",
        // rm of ordinary paths
        "rm -rf /tmp/build-cache",
        "rm -rf ./dist",
        #"rm -rf "$WORKDIR/tmp""#,
        "rm -rf ~/.cache/pip",
        #"rm -rf "$HOME/.cache""#,
        "rm -rf /var/lib/apt/lists/*",
        "sudo rm -rf /var/log/app/*.gz",
        "rm -f /etc/nginx/sites-enabled/default",
        "rm -rf node_modules build/",
        "rm -rf /var/tmp/../tmp/old",
        "cd dist && rm -rf *",
        "cd /tmp && rm -rf *",
        "find /var/log -name '*.gz' -mtime +7 -delete",
        "find / -name core -print",
        "mv /etc/nginx/nginx.conf /tmp/",
        "chmod -R 755 /var/www/html",
        "chown -R www-data:www-data /var/www",
        "chmod 644 /etc/passwd",
        "cat /etc/passwd",
        "echo 'deploy:x:1001:1001::/home/deploy:/bin/bash' >> /etc/passwd",
        // devices read, or pseudo-devices written
        "dd if=/dev/zero of=/tmp/testfile bs=1M count=100",
        "dd if=/dev/sda of=/backup/sda.img bs=4M",
        "dd if=/dev/zero of=/dev/null bs=1M count=1000",
        "dd if=/dev/sda bs=512 count=1 | xxd",
        "cat /dev/sda > /dev/null",
        "some-command >/dev/null 2>&1",
        "echo oops > /dev/stderr",
        "mkswap /swapfile",
        "mkfs.ext4 -F disk.img",
        "wipefs /dev/sdb",
        "lsblk /dev/sda",
        "fdisk -l /dev/sda",
        "mount /dev/sdb1 /mnt/data",
        "zfs destroy tank/data@2024-01-01",
        // power: lookalikes
        "journalctl --list-boots",
        "last reboot",
        "shutdown -c",
        "systemctl status reboot.target",
        "systemctl restart nginx",
        "command -v reboot",
        "man shutdown",
        "echo w > /proc/sysrq-trigger",
        "kill -9 1234",
        "kill -HUP 1",
        // downloads that are not run
        "curl -s http://localhost:9200/_cluster/health | jq .",
        "curl -s http://localhost:8080/stats | python3 -m json.tool",
        #"curl -s http://x.example/a | python3 -c 'import sys, json; print(json.load(sys.stdin))'"#,
        #"bash -c "echo $(curl -s https://ifconfig.me)""#,
        "curl -fsSL https://x.example/install.sh -o install.sh",
        "cat deploy.sh | bash",
        // data stores
        #"psql -c "SELECT count(*) FROM users""#,
        #"psql -c "DELETE FROM sessions WHERE expires_at < now()""#,
        "truncate -s 0 /var/log/syslog",
        "sudo truncate --size 0 /var/log/app.log",
        "redis-cli INFO memory",
        "etcdctl del /registry/pods/default/web-0",
        "etcdctl get '' --prefix --keys-only",
        // clusters, infrastructure, repositories
        "kubectl get ns",
        "kubectl describe namespace prod",
        "kubectl delete pod web-0 -n prod",
        "kubectl delete pods -l app=web",
        "kubectl get pods -A",
        "terraform plan -destroy",
        "terraform apply",
        "aws s3 rm s3://bucket/logs/old.gz",
        "aws s3 rm s3://bucket/logs/ --recursive",
        "git push origin main",
        "git push --force-with-lease origin feature",
        "git push -u origin feature",
        "iptables -L -n",
        "nft list ruleset",
        "crontab -l",
        "crontab -ir",
        "ssh -o UserKnownHostsFile=/dev/null host df -h",
        "ssh host uptime",
        "docker system df",
        "ls; echo done",
        // prose and look-alikes of statements and commands
        "echo truncate the log",
        "echo 'delete from cache'",
        "psql -c 'ALTER TABLE users DROP COLUMN legacy'",
        "echo 3 > /proc/sys/vm/drop_caches",
        "[[ $state =~ ^(reboot|halt)$ ]] && echo planned",
        "echo 'rm -rf /' | cat",
        #"rm -rf "${BUILD_DIR:?}"/*"#,
        "kill -9 $(pgrep -f worker)",
        "git reset --hard origin/main",
        "awk '{print $1}' access.log | sort | uniq -c | sort -rn",
    ]

    @Test("matches a dangerous command", arguments: dangerous)
    func matchesDangerous(command: String, entryID: String) {
        let match = Denylist.builtIn.match(command)
        #expect(match?.entryID == entryID, "\(command)")
        #expect(match.map { !$0.reason.isEmpty } ?? false)
    }

    @Test("does not match a harmless command", arguments: harmless)
    func ignoresHarmless(command: String) {
        #expect(Denylist.builtIn.match(command) == nil, "\(command)")
    }

    @Test func everyBuiltInEntryIsExercised() {
        let ids = Set(Denylist.builtIn.entries.map(\.id))
        #expect(ids.count == Denylist.builtIn.entries.count, "entry ids are unique")
        #expect(ids == Set(Self.dangerous.map(\.1)))
    }

    @Test func reportsReason() {
        #expect(Denylist.builtIn.match("rm -rf /") == DenylistMatch(entryID: "rm-root", reason: "recursively deletes the root filesystem"))
    }

    // MARK: Patterns from configuration

    @Test func extraPatternsMatchTheWholeCommandText() throws {
        let denylist = try Denylist(extraPatterns: ["helm (uninstall|delete)", "^kubectl scale .*--replicas=0"])
        let match = try #require(denylist.match("helm uninstall web -n prod"))
        #expect(match.entryID == "custom")
        #expect(match.reason.contains("helm (uninstall|delete)"))
        #expect(denylist.match("kubectl scale deploy/web --replicas=0")?.entryID == "custom")
        #expect(denylist.match("echo helm delete web")?.entryID == "custom", "matched against the whole text")
        #expect(denylist.match("kubectl scale deploy/web --replicas=3") == nil)
        #expect(denylist.match("HELM UNINSTALL web") == nil, "case-sensitive")
    }

    @Test func builtInEntriesComeBeforeExtraPatterns() throws {
        let denylist = try Denylist(extraPatterns: ["rm"])
        #expect(denylist.match("rm -rf /")?.entryID == "rm-root")
        #expect(denylist.match("rm -rf ./dist")?.entryID == "custom")
        #expect(denylist.entries.count == Denylist.builtIn.entries.count + 1)
    }

    @Test func noExtraPatternsIsTheBuiltInList() throws {
        let denylist = try Denylist(extraPatterns: [])
        #expect(denylist.entries.map(\.id) == Denylist.builtIn.entries.map(\.id))
    }

    @Test(arguments: ["(unclosed", "[a-", "*rm", ""])
    func invalidPatternThrows(pattern: String) {
        #expect {
            _ = try Denylist(extraPatterns: ["helm uninstall", pattern])
        } throws: { error in
            guard case let .invalidPattern(reported, message) = error as? DenylistError else { return false }
            return reported == pattern && !message.isEmpty
        }
    }

    @Test func invalidPatternSaysWhatIsWrong() {
        #expect(throws: DenylistError.invalidPattern("(unclosed", "not a valid regular expression: expected ')'")) {
            try Denylist(extraPatterns: ["(unclosed"])
        }
        #expect(throws: DenylistError.invalidPattern("", "an empty pattern would match every command")) {
            try Denylist(extraPatterns: [""])
        }
    }

    @Test func invalidPatternDescription() {
        let error = DenylistError.invalidPattern("(unclosed", "not a valid regular expression")
        #expect(error.description == "invalid deny pattern '(unclosed': not a valid regular expression")
    }
}

@Suite("ShellWords")
struct ShellWordsTests {
    @Test func removesQuotesAndEscapes() {
        let words = ShellWords(#"echo "a b" 'c d' e\ f "x"'y'z $'tab\there'"#).commands.map(\.words)
        #expect(words == [["echo", "a b", "c d", "e f", "xyz", "tab\there"]])
    }

    @Test func splitsListsAndPipelines() {
        let commands = ShellWords("a | b && c; d & e || f\ng |& h").commands
        #expect(commands.map { $0.words.joined(separator: " ") } == ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(commands[0].pipeline == commands[1].pipeline)
        #expect(commands[1].pipeline != commands[2].pipeline)
        #expect(commands[6].pipeline == commands[7].pipeline)
    }

    @Test func separatesRedirections() {
        let command = ShellWords("run --flag >out.log 2>&1 </dev/null &>>all.log").commands[0]
        #expect(command.words == ["run", "--flag"])
        #expect(command.redirections.map(\.op) == [">", ">&", "<", "&>>"])
        #expect(command.redirections.map(\.target) == ["out.log", "1", "/dev/null", "all.log"])
    }

    @Test func parsesSubstitutionsAndKeepsTheirText() {
        let commands = ShellWords(#"echo "$(date +%s)" `hostname` ${HOME}"#).commands
        #expect(commands.map { $0.words.first } == ["date", "hostname", "echo"])
        #expect(commands[2].words == ["echo", "$(date +%s)", "`hostname`", "${HOME}"])
    }

    @Test func readsHereDocumentsAsStandardInput() {
        let commands = ShellWords("psql <<-'SQL' | tee out\n\tSELECT 1;\n\tSQL\necho after").commands
        #expect(commands.map(\.words) == [["psql"], ["tee", "out"], ["echo", "after"]])
        #expect(commands[0].stdinTexts == ["SELECT 1;\n"])
    }

    @Test func dropsCommentsAndQuotedTextFromCode() {
        let parsed = ShellWords("echo 'x | y' # note\nls")
        #expect(parsed.code == "echo '' \nls")
        #expect(parsed.commands.map(\.words) == [["echo", "x | y"], ["ls"]])
    }

    @Test func keepsTestExpressionsTogether() {
        let commands = ShellWords("[[ $x =~ (a|b) && -n $y ]] && run").commands
        #expect(commands.map(\.words) == [["[[", "$x", "=~", "(a|b)", "&&", "-n", "$y", "]]"], ["run"]])
    }

    @Test func survivesUnterminatedInput() {
        #expect(ShellWords("echo 'open").commands.map(\.words) == [["echo", "open"]])
        #expect(ShellWords("echo $(ls").commands.map { $0.words.first } == ["ls", "echo"])
        #expect(ShellWords(String(repeating: "$(", count: 500)).commands.count < 100)
        // A here-document opened inside backticks has no body there (this used to crash).
        #expect(ShellWords("a `b <<EOF` c\nx\nEOF").commands.map { $0.words.first } == ["b", "a", "x", "EOF"])
    }
}
