/// Reads the known front matter fields, checking each has the right shape.
enum MetadataReader {
    static func read(_ value: YAMLValue) throws(YAMLError) -> Metadata {
        let textFields: [(WritableKeyPath<Metadata, String?>, String)] = [
            (\.title, "title"), (\.id, "id"), (\.owner, "owner"), (\.severity, "severity"), (\.status, "status"),
            (\.autonomy, "autonomy"),
        ]
        let listFields: [(WritableKeyPath<Metadata, [String]>, String)] = [
            (\.tags, "tags"), (\.alerts, "alerts"), (\.patterns, "patterns"),
        ]
        var metadata = Metadata()
        if case .null = value.kind { return metadata }
        guard let entries = value.mapping else {
            throw YAMLError(message: "front matter must be a mapping of fields, found \(value.kindName)", line: value.line, column: value.column)
        }
        metadata.fields = entries
        for (keyPath, key) in textFields {
            guard let entry = metadata.field(key) else { continue }
            switch entry.value.kind {
            case .scalar(let text): metadata[keyPath: keyPath] = text
            case .null: break
            default:
                throw YAMLError(message: "'\(key)' must be text, found \(entry.value.kindName)", line: entry.value.line, column: entry.value.column)
            }
        }
        for (keyPath, key) in listFields {
            guard let entry = metadata.field(key) else { continue }
            guard let list = entry.value.scalarList else {
                throw YAMLError(message: "'\(key)' must be a list of text values, found \(entry.value.kindName)", line: entry.value.line, column: entry.value.column)
            }
            metadata[keyPath: keyPath] = list
        }
        if let entry = metadata.field("variables") {
            metadata.variables = try VariableReader.read(entry.value)
        }
        return metadata
    }
}
