/// A value a template renders: what page contexts are built from. Typed, not `Any`,
/// so that a lookup is one dictionary access and contexts can cross threads.
enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Whether `{{#name}}` shows its content (and `{{^name}}` hides it): false, 0, an
    /// empty text and an empty list are false, as in mustache.js.
    var isTruthy: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .number(let number): return number != 0
        case .bool(let bool): return bool
        case .list(let list): return !list.isEmpty
        case .object: return true
        }
    }

    /// A name looked up on this value: an object's key, or a list's `length` (the
    /// mustache.js idiom `{{#items.length}}<ul>…</ul>{{/items.length}}`).
    func member(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let object): return object[name]
        case .list(let list) where name == "length": return .number(list.count)
        default: return nil
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}
