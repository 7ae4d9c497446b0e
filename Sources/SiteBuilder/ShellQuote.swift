/// Quotes a word for a POSIX shell, so a copied command line runs what it shows:
/// an id like `db; rm -rf ~` must not become two commands in a responder's terminal.
enum ShellQuote {
    static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", "@", "%", "+", ",", "=": return true
            default: return false
            }
        }
        return plain ? word : "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
