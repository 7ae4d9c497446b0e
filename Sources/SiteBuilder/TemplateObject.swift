/// The named values of a template object. A page's objects have a handful of
/// keys each, so a list searched in order is faster than a dictionary: no key is
/// ever hashed, and short keys compare in one step. Keys and values are kept
/// apart so the search touches only keys.
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private var keys: [String]
    private var values: [TemplateValue]

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }

    /// Keys are expected to be distinct, as in a literal.
    init(_ elements: [(String, TemplateValue)]) {
        keys = elements.map(\.0)
        values = elements.map(\.1)
    }

    subscript(key: String) -> TemplateValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Sets a text value when there is one; a template's `{{#key}}` then tells
    /// "missing" from "present".
    mutating func setIfPresent(_ key: String, _ value: String?) {
        if let value, !value.isEmpty { self[key] = .text(value) }
    }
}
