/// Replaces secrets in a command with `[REDACTED]` before anything is written:
///
/// - values of secret-named variables, options and fields: `export GITHUB_TOKEN=…`,
///   `PGPASSWORD=… psql`, `--password=…`, `--token …`, `--set db.password=…`,
///   `--from-literal=api-key=…`, `"password": "…"` in JSON, `password: …` as YAML in a
///   here-document, fish's `set -x TOKEN …`;
/// - passwords on command lines: `mysql -p…`, `sshpass -p …`, `redis-cli -a …`,
///   `curl -u user:…`, openssl's `-passin pass:…`, and what `echo`/`printf` pipe into
///   `--password-stdin` or `sudo -S`;
/// - `Authorization:`, `Cookie:`, `X-Api-Key:` and similar headers (the scheme, such
///   as `Bearer`, is kept);
/// - credentials inside URLs (`https://user:…@host`) and secret query parameters;
/// - tokens recognisable by their shape (`SecretFormats`).
///
/// Values that are references (`$TOKEN`, `$(vault read …)`) are left alone: they hold
/// no secret. The rest of the command is kept byte for byte, quotes included.
public enum SecretRedactor {
    public static let marker = "[REDACTED]"

    /// The command with its secrets replaced, and how many values were replaced.
    public static func redact(_ command: String) -> (text: String, count: Int) {
        var ranges = wordRanges(in: command)
        ranges += SecretFormats.ranges(in: command).map { Replacement(range: $0, text: marker) }
        guard !ranges.isEmpty else { return (command, 0) }
        ranges.sort { $0.range.lowerBound < $1.range.lowerBound }
        var merged: [Replacement] = []
        for replacement in ranges {
            if let last = merged.last, replacement.range.lowerBound < last.range.upperBound {
                if replacement.range.upperBound > last.range.upperBound {
                    merged[merged.count - 1].range = last.range.lowerBound..<replacement.range.upperBound
                }
                continue
            }
            merged.append(replacement)
        }
        var bytes = Array(command.utf8)
        for replacement in merged.reversed() {
            bytes.replaceSubrange(replacement.range, with: replacement.text.utf8)
        }
        return (String(decoding: bytes, as: UTF8.self), merged.count)
    }

    /// A span of the command's UTF-8 and what goes there instead.
    private struct Replacement {
        var range: Range<Int>
        var text: String
    }

    /// What the word after an option or a header name holds.
    private enum Pending {
        case value(SecretName.Kind)
        /// `user:password`: everything after the first colon.
        case userInfo
        /// A header value that may start with a scheme word to keep.
        case header
    }

    private static let mysqlClients: Set<String> = [
        "mysql", "mysqldump", "mysqladmin", "mysqlcheck", "mysqlimport", "mysqlshow", "mysqlsh", "mariadb",
        "mariadb-dump", "mariadb-admin", "mycli",
    ]
    private static let headerNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "apikey",
        "x-auth-token", "private-token", "x-vault-token", "x-amz-security-token", "x-goog-api-key", "x-access-token",
    ]
    private static let authSchemes: Set<String> = ["bearer", "basic", "token", "digest", "negotiate", "apikey", "sso-key", "ntlm"]
    /// Query parameters that carry credentials even though their names do not say so.
    private static let secretQueryNames: Set<String> = ["sig", "signature", "x-amz-signature", "x-goog-signature", "code"]

    // MARK: Words

    private static func wordRanges(in command: String) -> [Replacement] {
        let commandBytes = Array(command.utf8)
        let words = ShellWordSpans(command).words
        var replacements: [Replacement] = []
        var pending: Pending?
        /// Program names seen in the current simple command.
        var programs: Set<String> = []
        var commandStart = 0
        /// The words of the previous simple command, when it printed with echo/printf.
        var printed: ArraySlice<ShellWordSpans.Word> = []
        var fishSet: (nameSeen: Bool, secret: Bool)?
        func redact(_ word: ShellWordSpans.Word, from start: Int, to end: Int? = nil) {
            let end = end ?? word.bytes.count
            guard start < end else { return }
            replacements.append(replacement(in: word, start, end, of: commandBytes))
        }
        for (index, word) in words.enumerated() {
            if word.startsCommand {
                let previous = words[commandStart..<index]
                printed = word.joinedBy == UInt8(ascii: "|") && ["echo", "printf"].contains(previous.first.map(baseName) ?? "")
                    ? previous.dropFirst() : []
                commandStart = index
                programs = []
                pending = nil
                fishSet = word.bytes.elementsEqual("set".utf8) ? (false, false) : nil
            }
            let bytes = word.bytes
            if !bytes.starts(with: [UInt8(ascii: "-")]), !bytes.contains(UInt8(ascii: "=")) { programs.insert(baseName(word)) }

            if let state = fishSet, !word.startsCommand {
                if !state.nameSeen {
                    if !bytes.starts(with: [UInt8(ascii: "-")]) { fishSet = (true, SecretName.kind(of: bytes) == .secret) }
                    continue
                }
                if state.secret, isRedactable(bytes) { redact(word, from: 0) }
                continue
            }

            if let state = pending {
                pending = nil
                if bytes.first != UInt8(ascii: "-") || bytes.count == 1 {
                    switch state {
                    case .value(let kind):
                        var start = 0
                        // openssl's `-passin pass:secret` (`env:VAR` and `file:path` name no secret).
                        if bytes.starts(with: "pass:".utf8) { start = 5 }
                        if isRedactable(bytes[start...]), !(kind == .key && looksLikePath(bytes[start...])) {
                            redact(word, from: start)
                        }
                    case .userInfo:
                        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), isRedactable(bytes[(colon + 1)...]) {
                            redact(word, from: colon + 1)
                        }
                    case .header:
                        if authSchemes.contains(lowercased(bytes)) {
                            pending = .header
                        } else if isRedactable(bytes[...]) {
                            redact(word, from: 0)
                        }
                    }
                    continue
                }
            }

            if readsPasswordFromStandardInput(bytes, programs: programs) {
                for printedWord in printed where !printedWord.bytes.starts(with: [UInt8(ascii: "-")]) && isRedactable(printedWord.bytes[...]) {
                    redact(printedWord, from: 0)
                }
                printed = []
            }

            if let found = urlRanges(bytes) {
                for range in found { redact(word, from: range.lowerBound, to: range.upperBound) }
                continue
            }
            if let (valueStart, isHeaderOnly) = headerValue(bytes) {
                if isHeaderOnly {
                    pending = .header
                } else {
                    var start = valueStart
                    let schemeEnd = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
                    if authSchemes.contains(lowercased(bytes[start..<schemeEnd])), schemeEnd < bytes.endIndex {
                        start = bytes[schemeEnd...].firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.endIndex
                    }
                    if isRedactable(bytes[start...]) { redact(word, from: start) }
                }
                continue
            }
            let jsonValues = jsonSecretValues(bytes)
            if !jsonValues.isEmpty {
                for range in jsonValues { redact(word, from: range.lowerBound, to: range.upperBound) }
                continue
            }
            if let range = assignedSecret(bytes) {
                redact(word, from: range.lowerBound, to: range.upperBound)
                continue
            }
            if bytes.first == UInt8(ascii: "-") {
                // `mysql -pSECRET`: the password joined to the option.
                if bytes.count > 2, bytes[1] == UInt8(ascii: "p"), !programs.isDisjoint(with: mysqlClients) {
                    redact(word, from: 2)
                } else {
                    pending = optionPending(bytes, programs: programs)
                }
                continue
            }
            // `password: secret` as YAML at the start of a line (a here-document).
            if word.startsLine, bytes.last == UInt8(ascii: ":"), let kind = SecretName.kind(of: bytes.dropLast()) {
                pending = .value(kind)
            }
        }
        return replacements
    }

    /// Whether this option makes the preceding `echo`/`printf` print a password: `--password-stdin`, `sudo -S`.
    private static func readsPasswordFromStandardInput(_ bytes: [UInt8], programs: Set<String>) -> Bool {
        if bytes.elementsEqual("--password-stdin".utf8) || bytes.elementsEqual("--stdin".utf8) && programs.contains("passwd") {
            return true
        }
        return programs.contains("sudo") && bytes.count > 1 && bytes[0] == UInt8(ascii: "-") && bytes[1] != UInt8(ascii: "-")
            && bytes.contains(UInt8(ascii: "S"))
    }

    /// What the next word holds after an option such as `--password`, `sshpass -p` or `curl -u`.
    private static func optionPending(_ bytes: [UInt8], programs: Set<String>) -> Pending? {
        let name = bytes.drop { $0 == UInt8(ascii: "-") }
        guard name.allSatisfy(isNameByte) else { return nil }  // not an option: `-----BEGIN …`, `-field=x`
        if bytes.count == 2 {
            switch bytes[1] {
            case UInt8(ascii: "p") where programs.contains("sshpass"): return .value(.secret)
            case UInt8(ascii: "a") where programs.contains("redis-cli") || programs.contains("valkey-cli"): return .value(.secret)
            case UInt8(ascii: "u") where programs.contains("curl"): return .userInfo
            case UInt8(ascii: "a") where programs.contains("http") || programs.contains("https"): return .userInfo
            default: return nil
            }
        }
        if name.elementsEqual("user".utf8) && programs.contains("curl") || name.elementsEqual("auth".utf8) && programs.contains("http") {
            return .userInfo
        }
        // A single dash before a word (`-password`, openssl's `-passin`) is one option only in
        // lowercase; `-pS3cret` is a short option with its value attached.
        let isLongOption = bytes.starts(with: "--".utf8)
            || name.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        return isLongOption ? SecretName.kind(of: name).map(Pending.value) : nil
    }

    /// `NAME=value` where NAME names a secret (also nested, as in `--from-literal=password=…`,
    /// or among form fields, `user=a&password=…`): the value's range.
    private static func assignedSecret(_ bytes: [UInt8]) -> Range<Int>? {
        var nameStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: ",") {
                nameStart = index + 1
            } else if byte == UInt8(ascii: "=") {
                if let kind = SecretName.kind(of: bytes[nameStart..<index]) {
                    let valueEnd = fieldEnd(bytes, from: index + 1)
                    let value = bytes[(index + 1)..<valueEnd]
                    guard isRedactable(value), !(kind == .key && looksLikePath(value)) else { return nil }
                    return (index + 1)..<valueEnd
                }
                nameStart = index + 1
            }
            index += 1
        }
        return nil
    }

    /// Where a value ends: at the end of the word, or before `&name=` / `,name=` (the next field).
    private static func fieldEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&") || bytes[index] == UInt8(ascii: ",") {
                let rest = bytes[(index + 1)...]
                if let equals = rest.firstIndex(of: UInt8(ascii: "=")), equals > index + 1,
                   rest[..<equals].allSatisfy(isNameByte) {
                    return index
                }
            }
            index += 1
        }
        return bytes.count
    }

    /// `Authorization: Bearer x` in one word: where the value starts; or, for `Authorization:`
    /// alone, that the value is the next word.
    private static func headerValue(_ bytes: [UInt8]) -> (Int, Bool)? {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
        let name = lowercased(bytes[..<colon])
        guard headerNames.contains(name) else { return nil }
        let start = bytes[(colon + 1)...].firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.count
        return (start, start == bytes.count)
    }

    /// `"password": "x"` in JSON: the ranges of the secret strings.
    private static func jsonSecretValues(_ bytes: [UInt8]) -> [Range<Int>] {
        guard bytes.contains(UInt8(ascii: "{")) else { return [] }
        var ranges: [Range<Int>] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "\"")) {
            guard let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            index = close + 1
            var after = index
            while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
            guard after < bytes.count, bytes[after] == UInt8(ascii: ":"), SecretName.kind(of: bytes[(open + 1)..<close]) != nil else {
                continue
            }
            after += 1
            while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
            guard after < bytes.count, bytes[after] == UInt8(ascii: "\"") else { continue }
            var end = after + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
            let value = (after + 1)..<min(end, bytes.count)
            if isRedactable(bytes[value]) { ranges.append(value) }
            index = min(end + 1, bytes.count)
        }
        return ranges
    }

    /// In a word holding a URL: the password of `scheme://user:password@host` and the
    /// values of secret query parameters. Nil when the word holds no URL.
    private static func urlRanges(_ bytes: [UInt8]) -> [Range<Int>]? {
        guard let scheme = firstIndex(of: Array("://".utf8), in: bytes) else { return nil }
        var ranges: [Range<Int>] = []
        let authorityStart = scheme + 3
        let authorityEnd = bytes[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? bytes.count
        if let at = bytes[authorityStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")),
           let colon = bytes[authorityStart..<at].firstIndex(of: UInt8(ascii: ":")), colon + 1 < at,
           isRedactable(bytes[(colon + 1)..<at]) {
            ranges.append((colon + 1)..<at)
        }
        if let question = bytes[authorityEnd...].firstIndex(of: UInt8(ascii: "?")) {
            var fieldStart = question + 1
            while fieldStart < bytes.count {
                let fieldEnd = bytes[fieldStart...].firstIndex { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "#") } ?? bytes.count
                if let equals = bytes[fieldStart..<fieldEnd].firstIndex(of: UInt8(ascii: "=")) {
                    let name = bytes[fieldStart..<equals]
                    let value = bytes[(equals + 1)..<fieldEnd]
                    if SecretName.kind(of: name) == .secret || secretQueryNames.contains(lowercased(name)), isRedactable(value) {
                        ranges.append((equals + 1)..<fieldEnd)
                    }
                }
                guard fieldEnd < bytes.count, bytes[fieldEnd] == UInt8(ascii: "&") else { break }
                fieldStart = fieldEnd + 1
            }
        }
        return ranges
    }

    // MARK: Helpers

    /// A value worth redacting: not empty, not a reference to a variable or a command's output.
    private static func isRedactable(_ value: ArraySlice<UInt8>) -> Bool {
        guard let first = value.first else { return false }
        return first != UInt8(ascii: "$") && !value.elementsEqual(marker.utf8) && !value.starts(with: "env:".utf8)
            && !value.starts(with: "file:".utf8)
    }

    private static func isRedactable(_ value: [UInt8]) -> Bool { isRedactable(value[...]) }

    private static func looksLikePath(_ value: ArraySlice<UInt8>) -> Bool {
        value.first == UInt8(ascii: "/") || value.first == UInt8(ascii: "~") || value.starts(with: "./".utf8)
            || value.starts(with: "../".utf8)
            || [".pem", ".key", ".json", ".crt", ".p12", ".pub", ".gpg"].contains { value.reversed().starts(with: $0.utf8.reversed()) }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func lowercased(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private static func baseName(_ word: ShellWordSpans.Word) -> String {
        let bytes = word.bytes
        let start = bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// The span of the typed command that holds `word.bytes[start..<end]`, and its
    /// replacement. When the span crosses a quote boundary (`"se"'cret'`), the replacement
    /// closes the quote it starts in and reopens the one it ends in, so the command still parses.
    private static func replacement(in word: ShellWordSpans.Word, _ start: Int, _ end: Int, of command: [UInt8]) -> Replacement {
        let first = word.offsets[start]
        let last = word.offsets[end - 1]
        var crossesQuotes = false
        for index in start..<(end - 1) where word.offsets[index + 1] - word.offsets[index] > 1 || word.quotes[index + 1] != word.quotes[index] {
            // A lone backslash between two bytes is an escape, not a quote.
            let skipped = command[(word.offsets[index] + 1)..<word.offsets[index + 1]]
            if !skipped.elementsEqual([UInt8(ascii: "\\")]) || word.quotes[index + 1] != word.quotes[index] {
                crossesQuotes = true
                break
            }
        }
        let text = crossesQuotes ? marker + closer(word.quotes[start]) + opener(word.quotes[end - 1]) : marker
        return Replacement(range: first..<(last + 1), text: text)
    }

    private static func closer(_ quote: ShellWordSpans.Quote) -> String {
        switch quote {
        case .none: return ""
        case .single, .ansiC: return "'"
        case .double: return "\""
        }
    }

    private static func opener(_ quote: ShellWordSpans.Quote) -> String {
        switch quote {
        case .none: return ""
        case .single: return "'"
        case .ansiC: return "$'"
        case .double: return "\""
        }
    }
}
