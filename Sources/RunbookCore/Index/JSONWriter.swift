import GitKit

/// Compact JSON written straight into bytes, members in the order written:
/// the same bytes `JSONValue.rendered(prettyDepth: 0)` gives, without a tree
/// of values first. The index of 10,000 runbooks is 50 MB: building its
/// trees, measuring and freeing them was a sixth of the time it took.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key follows another in the same object or array.
    private var followsValue = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func object(_ members: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array(_ elements: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        elements(&self)
        close(UInt8(ascii: "]"))
    }

    /// An array of `items`, each written by `element`.
    mutating func array<Item>(_ items: some Sequence<Item>, _ element: (inout JSONWriter, Item) -> Void) {
        array { writer in
            for item in items { element(&writer, item) }
        }
    }

    /// A member holding an object whose members `members` writes.
    mutating func field(_ name: String, object members: (inout JSONWriter) -> Void) {
        key(name)
        object(members)
    }

    /// A member holding an array of `items`, each written by `element`.
    mutating func field<Item>(_ name: String, array items: some Sequence<Item>, _ element: (inout JSONWriter, Item) -> Void) {
        key(name)
        array(items, element)
    }

    /// A member holding the text, or `null`.
    mutating func field(_ name: String, _ text: String?) {
        key(name)
        string(text)
    }

    mutating func field(_ name: String, _ number: Int) {
        key(name)
        int(number)
    }

    mutating func field(_ name: String, _ flag: Bool) {
        key(name)
        bool(flag)
    }

    mutating func field(_ name: String, _ value: JSONValue) {
        key(name)
        self.value(value)
    }

    /// A member holding an object id, as hex.
    mutating func field(_ name: String, id: ObjectID) {
        key(name)
        string(hexOf: id)
    }

    /// A member holding an array of object ids, as hex: most of an index's
    /// bytes are commit ids, spelled here without a string for each.
    mutating func field(_ name: String, ids: some Sequence<ObjectID>) {
        field(name, array: ids) { $0.string(hexOf: $1) }
    }

    /// A member holding an array of texts.
    mutating func field(_ name: String, strings: some Sequence<String>) {
        field(name, array: strings) { $0.string($1) }
    }

    /// A member's key; its value comes next.
    mutating func key(_ name: String) {
        separate()
        JSONText.append(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        followsValue = false
    }

    mutating func string(_ text: String) {
        separate()
        JSONText.append(text, to: &bytes)
        followsValue = true
    }

    /// The id's hex digits, quoted (they need no escaping).
    mutating func string(hexOf id: ObjectID) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        id.appendHex(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        followsValue = true
    }

    /// The text, or `null`.
    mutating func string(_ text: String?) {
        if let text { string(text) } else { value(.null) }
    }

    mutating func int(_ number: Int) {
        value(.int(number))
    }

    mutating func bool(_ flag: Bool) {
        value(.bool(flag))
    }

    /// A value given as a tree, for the few and small ones (lint problems, front matter fields).
    mutating func value(_ value: JSONValue) {
        separate()
        value.appendCompact(to: &bytes)
        followsValue = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        followsValue = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        followsValue = true
    }

    private mutating func separate() {
        if followsValue { bytes.append(UInt8(ascii: ",")) }
    }
}
