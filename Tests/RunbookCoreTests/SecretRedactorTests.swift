import Testing
@testable import RunbookCore

/// One redaction case: a command as typed, as it must be written, and how many values go.
struct RedactionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var command: String
    var redacted: String
    var count: Int

    var testDescription: String { name }

    static let all: [RedactionCase] = [
        RedactionCase(name: "mysql -p with the password attached",
                      command: "mysql -u root -pS3cret -e 'select 1'", redacted: "mysql -u root -p[REDACTED] -e 'select 1'", count: 1),
        RedactionCase(name: "--password=", command: "mysqldump --password=S3cret app", redacted: "mysqldump --password=[REDACTED] app", count: 1),
        RedactionCase(name: "--token VALUE", command: "vault login --token s.abc123", redacted: "vault login --token [REDACTED]", count: 1),
        RedactionCase(name: "export of a token", command: "export GITHUB_TOKEN=abc123", redacted: "export GITHUB_TOKEN=[REDACTED]", count: 1),
        RedactionCase(name: "environment prefix", command: "PGPASSWORD=hunter2 psql -h db-1", redacted: "PGPASSWORD=[REDACTED] psql -h db-1", count: 1),
        RedactionCase(name: "camelCase and dotted names", command: "helm upgrade app ./chart --set db.password=hunter2,db.user=app --set clientSecret=xyz",
                      redacted: "helm upgrade app ./chart --set db.password=[REDACTED],db.user=app --set clientSecret=[REDACTED]", count: 2),
        RedactionCase(name: "Authorization header, scheme kept",
                      command: "curl -H 'Authorization: Bearer abc123' https://api.example.com",
                      redacted: "curl -H 'Authorization: Bearer [REDACTED]' https://api.example.com", count: 1),
        RedactionCase(name: "API key header", command: #"curl -H "X-Api-Key: k3y" https://api.example.com"#,
                      redacted: #"curl -H "X-Api-Key: [REDACTED]" https://api.example.com"#, count: 1),
        RedactionCase(name: "credentials in a URL", command: "git clone https://deploy:tok3n@git.example.com/ops.git",
                      redacted: "git clone https://deploy:[REDACTED]@git.example.com/ops.git", count: 1),
        RedactionCase(name: "secret query parameter", command: "curl 'https://api.example.com/v1?access_token=abc&page=2'",
                      redacted: "curl 'https://api.example.com/v1?access_token=[REDACTED]&page=2'", count: 1),
        RedactionCase(name: "curl -u user:password", command: "curl -u admin:pa55 https://x.example", redacted: "curl -u admin:[REDACTED] https://x.example", count: 1),
        RedactionCase(name: "sshpass -p", command: "sshpass -p 'pa55' ssh db-1", redacted: "sshpass -p '[REDACTED]' ssh db-1", count: 1),
        RedactionCase(name: "redis-cli -a", command: "redis-cli -h cache-1 -a s3cr3t ping", redacted: "redis-cli -h cache-1 -a [REDACTED] ping", count: 1),
        RedactionCase(name: "nested NAME=value", command: "kubectl create secret generic db --from-literal=password=hunter2",
                      redacted: "kubectl create secret generic db --from-literal=password=[REDACTED]", count: 1),
        RedactionCase(name: "JSON field", command: #"curl -d '{"username":"ops","password":"hunter2"}' https://x.example/login"#,
                      redacted: #"curl -d '{"username":"ops","password":"[REDACTED]"}' https://x.example/login"#, count: 1),
        RedactionCase(name: "echo into --password-stdin", command: "echo hunter2 | docker login -u ops --password-stdin registry.example",
                      redacted: "echo [REDACTED] | docker login -u ops --password-stdin registry.example", count: 1),
        RedactionCase(name: "fish set -x", command: "set -gx API_TOKEN abc123", redacted: "set -gx API_TOKEN [REDACTED]", count: 1),
        RedactionCase(name: "openssl pass:", command: "openssl pkcs12 -in c.p12 -passin pass:s3cret -nokeys",
                      redacted: "openssl pkcs12 -in c.p12 -passin pass:[REDACTED] -nokeys", count: 1),
        RedactionCase(name: "YAML in a here-document", command: "kubectl apply -f - <<EOF\nstringData:\n  password: hunter2\nEOF",
                      redacted: "kubectl apply -f - <<EOF\nstringData:\n  password: [REDACTED]\nEOF", count: 1),
        RedactionCase(name: "AWS access key id by its shape", command: "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE",
                      redacted: "aws configure set aws_access_key_id [REDACTED]", count: 1),
        RedactionCase(name: "GitHub token by its shape", command: "git push https://ghp_0123456789abcdefghijklmnopqrstuvwxyzAB@github.com/acme/ops",
                      redacted: "git push https://[REDACTED]@github.com/acme/ops", count: 1),
        RedactionCase(name: "JSON Web Token by its shape", command: "grpcurl -rpc-header x:eyJhbGciOiJI.eyJzdWIiOiJv.c2lnbmF0dXJl host:443 list",
                      redacted: "grpcurl -rpc-header x:[REDACTED] host:443 list", count: 1),
        RedactionCase(name: "private key block",
                      command: "printf '%s' '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----' > k.pem",
                      redacted: "printf '%s' '[REDACTED]' > k.pem", count: 1),
        RedactionCase(name: "Slack webhook", command: "curl -X POST https://hooks.slack.com/services/T000/B000/XXXXabc -d @msg.json",
                      redacted: "curl -X POST https://hooks.slack.com/services/[REDACTED] -d @msg.json", count: 1),
        RedactionCase(name: "a value split across quotes stays valid shell",
                      command: #"mysql --password="se"'cret' app"#, redacted: #"mysql --password="[REDACTED]"'' app"#, count: 1),
        RedactionCase(name: "one value found twice counts once",
                      command: "curl -H 'Authorization: Bearer eyJhbGciOiJI.eyJzdWIiOiJv.c2lnbmF0dXJl' x",
                      redacted: "curl -H 'Authorization: Bearer [REDACTED]' x", count: 1),
    ]

    /// Commands with nothing secret in them, which must come out unchanged.
    static let untouched = [
        "export TOKEN=$(vault read -field=token secret/ops)",
        "curl -H \"Authorization: Bearer $TOKEN\" https://api.example.com",
        "ssh -p 2222 db-1",
        "docker run -p 8080:80 nginx",
        "git commit --author='Ada <ada@example.com>' -m fix",
        "kubectl get secret db -o yaml",
        "curl --key /etc/ssl/client.key https://x.example",
        "docker login -u ops --password-stdin registry.example < ~/.registry-token",
        "grep -i password /var/log/auth.log",
        "cd $PWD",
        "vault kv get -field=password secret/db",
    ]
}

@Suite("Secret redaction")
struct SecretRedactorTests {
    @Test("each kind of secret is replaced, the rest kept byte for byte", arguments: RedactionCase.all)
    func redacts(_ example: RedactionCase) {
        let (text, count) = SecretRedactor.redact(example.command)
        #expect(text == example.redacted)
        #expect(count == example.count)
    }

    @Test("commands without a secret value are unchanged", arguments: RedactionCase.untouched)
    func keeps(_ command: String) {
        let (text, count) = SecretRedactor.redact(command)
        #expect(text == command)
        #expect(count == 0)
    }

    @Test("a redacted command still parses as the same shell words, with the value replaced")
    func stillParses() {
        let words = ShellWords(SecretRedactor.redact(#"mysql --password="se"'cret' app"#).text).commands.first?.words
        #expect(words == ["mysql", "--password=[REDACTED]", "app"])
    }
}
