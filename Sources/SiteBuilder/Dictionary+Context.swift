extension Dictionary where Key == String, Value == Any {
    /// Sets a text value only when it is not empty: in swift-mustache an empty string
    /// still opens a `{{#section}}`, so a missing value must be absent instead.
    mutating func setIfPresent(_ key: String, _ value: String?) {
        if let value, !value.isEmpty { self[key] = value }
    }
}
