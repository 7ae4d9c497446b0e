/// Shell histories of one incident each, as the shells write them: a first session
/// with noise, repeats, secrets and a file edited by hand, then, after a pause of well
/// over five minutes, a short second session. 1709647200 is 2024-03-05 14:00 UTC.
enum HistoryFixtures {
    /// bash with `HISTTIMEFORMAT` set: a `#<epoch>` line before each command.
    static let bash = """
        #1709647200
        cd ~/ops
        #1709647203
        ls
        #1709647210
        kubectl config use-context prod-eu
        #1709647215
        kubectl get pods -n payments
        #1709647222
        kubectl get pods -n payments
        #1709647230
        kubectl logs deploy/payments-api -n payments --since=15m | grep -c ' 503 '
        #1709647260
        export PAGERDUTY_TOKEN=u+AbCdEfGhIjKlMnOp
        #1709647275
        curl -sS -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJlMTIz" https://api.internal/healthz
        #1709647290
        PGPASSWORD=hunter2 psql -h db-1 -U app -c 'select count(*) from pg_stat_activity'
        #1709647300
        less /var/log/payments/api.log
        #1709647320
        cd /etc/payments
        #1709647330
        vim api.yaml
        #1709647400
        kubectl apply -f api.yaml
        #1709647410
        kubectl rollout restart deploy/payments-api -n payments
        #1709647420
        kubectl rollout status deploy/payments-api -n payments
        #1709647430
        clear
        #1709647440
        history | tail
        #1709654400
        df -h /var
        #1709654410
        sudo du -sh /var/log/* | sort -h | tail
        #1709654420
        sudo rm /var/log/payments/api.log.1
        #1709654430
        sudo systemctl restart rsyslog
        #1709654440
        exit

        """

    /// The secrets `bash` holds, none of which may reach a draft.
    static let bashSecrets = ["u+AbCdEfGhIjKlMnOp", "eyJhbGciOiJIUzI1NiJ9", "hunter2"]

    /// bash without timestamps: one command per line, so one session.
    static let bashPlain = """
        cd /srv/search
        ls
        curl -s localhost:9200/_cluster/health?pretty
        curl -s 'localhost:9200/_cat/shards?v' | grep UNASSIGNED
        curl -s localhost:9200/_cat/shards?v | grep UNASSIGNED
        curl -XPOST 'localhost:9200/_cluster/reroute?retry_failed=true'
        sudo systemctl restart elasticsearch
        exit

        """

    /// zsh extended history: a multi-line `for` loop (each inner newline written as
    /// `\\` + newline) and an em dash, which zsh stores metafied (0x94 as 0x83 0xB4).
    static let zsh: [UInt8] = Array("""
        : 1709647200:0;cd /srv/app
        : 1709647205:0;git status
        : 1709647210:2;docker ps --filter name=worker
        : 1709647230:0;docker logs --tail 200 worker-1 2>&1 | grep -i timeout
        : 1709647260:0;for c in worker-1 worker-2; do\\
          docker restart $c\\
        done
        : 1709647300:0;sed -i 's/timeout: 5s/timeout: 30s/' config/worker.yml
        : 1709647310:0;redis-cli -h cache-1 -a s3cr3tpass info memory
        : 1709647320:0;git commit -am 'worker: timeout 30s
        """.utf8) + [0xE2, 0x80, 0x83, 0xB4] + Array("""
         incident 4711'
        : 1709647330:0;pwd
        : 1709654400:0;docker system df
        : 1709654410:0;docker image prune -af

        """.utf8)

    static let zshSecrets = ["s3cr3tpass"]

    /// fish history: YAML-like items, a newline inside a command written as `\\n`.
    static let fish = #"""
        - cmd: cd /var/lib/postgresql
          when: 1709647200
        - cmd: systemctl status postgresql
          when: 1709647210
        - cmd: journalctl -u postgresql --since "10 min ago" | tail -n 50
          when: 1709647220
        - cmd: set -gx AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
          when: 1709647230
        - cmd: aws s3 ls s3://backups/db/ --profile ops
          when: 1709647240
        - cmd: nano /etc/postgresql/16/main/postgresql.conf
          when: 1709647250
          paths:
            - /etc/postgresql/16/main/postgresql.conf
        - cmd: psql "postgresql://admin:Sup3rS3cret@db-1:5432/app" -c "select pg_terminate_backend(pid) from pg_stat_activity where state = 'idle in transaction'"
          when: 1709647260
        - cmd: begin\n  pg_ctlcluster 16 main reload\nend
          when: 1709647270
        - cmd: sudo systemctl restart postgresql
          when: 1709647280
        - cmd: ls -la
          when: 1709654400
        - cmd: df -h
          when: 1709654410

        """#

    static let fishSecrets = ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "Sup3rS3cret"]
}
