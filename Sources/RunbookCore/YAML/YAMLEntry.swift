/// One `key: value` pair of a YAML mapping, in source order.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var keyLine: Int
    public var keyColumn: Int
    public var value: YAMLValue

    public init(key: String, keyLine: Int, keyColumn: Int, value: YAMLValue) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }
}
