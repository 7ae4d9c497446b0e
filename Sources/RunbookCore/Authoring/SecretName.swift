/// Whether a name (a variable, an option, a form field, a header) holds a secret:
/// `PGPASSWORD`, `--api-key`, `clientSecret`, `db.password`, `VAULT_TOKEN`.
/// Errs on the side of redacting: a redacted value costs the author a minute, a
/// leaked one costs a rotation.
enum SecretName {
    enum Kind {
        /// Certainly a secret.
        case secret
        /// Named only `key` (`--key`, `LICENSE_KEY`): a secret unless the value is a file path.
        case key
    }

    /// Words that make a name secret wherever they appear in it (`PGPASSWORD`).
    private static let strongWords = [
        "password", "passwd", "passphrase", "secret", "token", "apikey", "accesskey", "privatekey", "credential",
        "sessionkey", "authkey", "signingkey", "encryptionkey", "masterkey",
    ]
    /// Words that do only as a whole part of the name (`DB_PASS`, `--auth`, `db_pw`).
    private static let weakParts: Set<String> = ["pass", "passin", "passout", "pw", "auth", "pwd"]
    /// Parts that say the value is about a secret rather than the secret (`--token-file`, `--password-stdin`).
    private static let harmlessParts: Set<String> = [
        "file", "path", "dir", "stdin", "env", "prompt", "length", "ttl", "type", "policy", "mount", "command",
    ]

    static func kind(of name: some Collection<UInt8>) -> Kind? {
        let parts = self.parts(of: name)
        guard !parts.isEmpty, !parts.contains(where: harmlessParts.contains), parts.first != "no" else { return nil }
        let joined = parts.joined()
        if strongWords.contains(where: joined.contains) { return .secret }
        // `PWD` and `OLDPWD` are the working directory; `db_pwd` is a password.
        if parts.contains(where: weakParts.contains), parts != ["pwd"], parts != ["oldpwd"] { return .secret }
        if parts.contains("key") { return .key }
        return nil
    }

    /// Lowercase ASCII parts split at anything but letters and digits and at camelCase humps.
    private static func parts(of name: some Collection<UInt8>) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        for byte in name {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            if !(isUpper || isLower || isDigit) || (isUpper && previousWasLower) {
                if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
                current = []
            }
            if isUpper || isLower || isDigit { current.append(isUpper ? byte + 0x20 : byte) }
            previousWasLower = isLower || isDigit
        }
        if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
        return parts
    }
}
