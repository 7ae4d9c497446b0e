import Foundation

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

    /// Up to three meaningful words: no `sudo`, options, or variable assignments.
    static func slug(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).lazy
            .filter { !$0.hasPrefix("-") && !$0.contains("=") && $0 != "sudo" && $0 != "$" }
            .map { word in
                String(word.lowercased().unicodeScalars.map { scalar in
                    CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII ? Character(scalar) : "-"
                })
            }
            .map { $0.split(separator: "-").joined(separator: "-") }
            .filter { !$0.isEmpty }
            .prefix(3)
        let slug = String(words.joined(separator: "-").prefix(40))
        return slug.isEmpty ? "step" : slug
    }
}
