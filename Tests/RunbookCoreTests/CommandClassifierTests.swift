import Testing
@testable import RunbookCore

@Suite("Sorting session commands: noise, Diagnosis, Mitigation, edited files")
struct CommandClassifierTests {
    let classifier = CommandClassifier()

    @Test("noise is dropped", arguments: [
        "ls -la", "cd /etc", "pwd", "clear", "history | tail", "exit", "whoami", "less /var/log/syslog",
        "man systemctl", "sudo -i", "bash", "  ", "# a comment", "vim", "ls /var/log | grep big",
    ])
    func noise(_ command: String) {
        #expect(classifier.classify(command).isNoise)
    }

    @Test("commands that only read are Diagnosis", arguments: [
        "kubectl get pods -n payments", "kubectl describe node worker-3", "kubectl logs deploy/api --since=10m",
        "systemctl status etcd", "cat /etc/resolv.conf", "grep -i restart /var/log/syslog", "journalctl -u etcd -n 100",
        "df -h", "curl -I https://example.com", "curl -s localhost:9200/_cluster/health", "etcdctl member list -w table",
        "aws ec2 describe-instances --instance-ids i-1", "kubectl rollout status deploy/api",
        "psql -c 'select count(*) from pg_stat_activity'", "ssh db-1", "docker logs --tail 100 worker-1 2>&1 | grep -i error",
        "git status", "dig +short api.example.com",
    ])
    func diagnosis(_ command: String) {
        let result = classifier.classify(command)
        #expect(!result.isNoise)
        #expect(result.kind == .diagnosis)
    }

    @Test("commands that change something are Mitigation", arguments: [
        "kubectl rollout restart deploy/api -n payments", "kubectl -n prod scale deploy/api --replicas=6",
        "kubectl apply -f api.yaml", "kubectl delete pod api-7d9f", "sudo systemctl restart nginx", "systemctl stop kubelet",
        "rm /var/log/app.log.1", "kill -9 4242", "pkill -f stuck-worker", "helm rollback api 41", "docker restart worker-1",
        "curl -X POST localhost:9200/_cluster/reroute", "curl -d @body.json https://api.example.com/v1/flags",
        "aws ec2 reboot-instances --instance-ids i-1", "echo 3 > /proc/sys/vm/drop_caches", "service nginx reload",
        "ssh db-1 'sudo systemctl restart postgresql'", "psql -c 'select pg_terminate_backend(4242)'",
        "redis-cli -h cache-1 del session:42", "etcdctl defrag", "./restart-workers.sh", "nginx -s reload",
        "terraform apply -auto-approve", "git push origin main",
    ])
    func mitigation(_ command: String) {
        let result = classifier.classify(command)
        #expect(!result.isNoise)
        #expect(result.kind == .mitigation)
    }

    @Test("files edited by hand are named, relative ones joined to the working directory")
    func edits() {
        #expect(classifier.classify("vim nginx.conf", workingDirectory: "/etc/nginx").edits == [EditedFile(path: "/etc/nginx/nginx.conf", tool: "vim")])
        #expect(classifier.classify("vim nginx.conf", workingDirectory: "/etc/nginx").isEditorSession)
        #expect(classifier.classify("sudo nano +12 /etc/hosts").edits == [EditedFile(path: "/etc/hosts", tool: "nano")])
        let sed = classifier.classify("sed -i 's/a/b/' config/worker.yml", workingDirectory: "/srv/app")
        #expect(sed.edits == [EditedFile(path: "/srv/app/config/worker.yml", tool: "sed -i")])
        #expect(sed.kind == .mitigation && !sed.isEditorSession)
        #expect(classifier.classify("sed -e 's/a/b/' -i.bak a.conf b.conf").edits.map(\.path) == ["a.conf", "b.conf"])
        #expect(classifier.classify("perl -pi -e 's/a/b/' /etc/x.conf").edits.map(\.path) == ["/etc/x.conf"])
        #expect(classifier.classify("echo 'nameserver 1.1.1.1' | sudo tee -a /etc/resolv.conf").edits == [EditedFile(path: "/etc/resolv.conf", tool: "tee")])
        #expect(classifier.classify("cat > /etc/motd <<EOF\nhello\nEOF").edits == [EditedFile(path: "/etc/motd", tool: "a redirection")])
        #expect(classifier.classify("cd /etc/nginx && vi sites/api").edits.map(\.path) == ["/etc/nginx/sites/api"])
        #expect(classifier.classify("kubectl edit deploy/api -n payments").edits == [EditedFile(path: "deploy/api", tool: "kubectl edit")])
        #expect(classifier.classify("crontab -e").edits == [EditedFile(path: "crontab", tool: "crontab -e")])
        #expect(classifier.classify("kubectl logs api > /dev/null 2>&1").edits.isEmpty)
    }

    @Test("the working directory follows cd, and is forgotten when it cannot be known")
    func workingDirectory() {
        #expect(CommandClassifier.workingDirectory(after: "cd /etc/nginx", from: nil) == "/etc/nginx")
        #expect(CommandClassifier.workingDirectory(after: "cd sites", from: "/etc/nginx") == "/etc/nginx/sites")
        #expect(CommandClassifier.workingDirectory(after: "cd ..", from: "/etc/nginx") == "/etc")
        #expect(CommandClassifier.workingDirectory(after: "cd", from: "/etc") == "~")
        #expect(CommandClassifier.workingDirectory(after: "cd -", from: "/etc") == nil)
        #expect(CommandClassifier.workingDirectory(after: "cd sites", from: nil) == nil)
        #expect(CommandClassifier.workingDirectory(after: "ssh db-1 'cd /tmp && ls'", from: "/etc") == "/etc")
    }

    @Test("noise is configurable: noise.add drops more programs, noise.keep keeps built-in ones")
    func configurableNoise() throws {
        let config = try ConfigParser(path: "runbook.yml").parse("noise: {add: [k9s], keep: [echo]}")
        let custom = CommandClassifier(noise: config.noise)
        #expect(custom.classify("k9s -n payments").isNoise)
        #expect(!custom.classify("echo $KUBECONFIG").isNoise)
        #expect(!classifier.classify("k9s -n payments").isNoise)
        #expect(classifier.classify("echo $KUBECONFIG").isNoise)
    }
}
