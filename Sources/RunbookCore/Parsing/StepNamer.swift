/// Gives every step a name unique within its runbook: the `name` attribute when
/// set, else a slug of the command or task ("etcdctl-member-list"), numbered on repeats.
struct StepNamer {
    private var used: Set<String> = []

    /// Explicit names are reserved first so a derived name never takes one.
    init(reserving explicitNames: [String]) {
        used = Set(explicitNames)
    }

    mutating func derive(from text: String) -> String {
        let base = Self.slug(text)
        var name = base
        var counter = 2
        while used.contains(name) {
            name = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(name)
        return name
    }

    /// Up to three meaningful words of the first line (no `sudo`, options or
    /// variable assignments), lowercased ASCII letters and digits joined by dashes.
    /// Works on bytes: it runs for every step of every runbook.
    static func slug(_ text: String) -> String {
        var slug: [UInt8] = []
        var words = 0
        var word: [UInt8] = []
        func finishWord() {
            defer { word.removeAll(keepingCapacity: true) }
            guard let first = word.first, first != UInt8(ascii: "-"), !word.contains(UInt8(ascii: "=")),
                  !word.elementsEqual("sudo".utf8), word != [UInt8(ascii: "$")] else { return }
            let start = slug.count
            if !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            for byte in word {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): slug.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte + 32)
                default: if let last = slug.last, last != UInt8(ascii: "-") { slug.append(UInt8(ascii: "-")) }
                }
            }
            while slug.count > start, slug.last == UInt8(ascii: "-") { slug.removeLast() }
            if slug.count > start { words += 1 }
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                finishWord()
                if words == 3 { break }
            } else {
                word.append(byte)
            }
        }
        if words < 3 { finishWord() }
        let name = String(decoding: slug.prefix(40), as: UTF8.self)
        let trimmed = name.hasSuffix("-") ? String(name.dropLast()) : name
        return trimmed.isEmpty ? "step" : trimmed
    }
}
