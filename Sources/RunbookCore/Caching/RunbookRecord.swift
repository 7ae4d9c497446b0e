import MarkdownKit

/// One checked runbook as `CheckedRunbookCache` stores it: the parse without
/// its Markdown tree (a page parses the source again), the problems the
/// runbook has by itself, and its dangerous steps. Every other field of the
/// parse is written, so a record read back is what the parser and the rules gave.
enum RunbookRecord {
    static func write(problems: [Problem], kept: KeptRunbook, to writer: inout BinaryWriter) {
        writer.write(count: problems.count)
        for problem in problems {
            writer.write(problem.ruleID)
            writer.write(problem.severity.rawValue)
            writer.write(problem.line)
            writer.write(problem.column)
            writer.write(problem.message)
        }
        writer.write(count: kept.dangerousSteps.count)
        for (step, match) in kept.dangerousSteps.sorted(by: { $0.key < $1.key }) {
            writer.write(step)
            writer.write(match.entryID)
            writer.write(match.reason)
        }
        write(kept.runbook, to: &writer)
    }

    /// - Throws: `Damaged` when the bytes are not a record this version wrote.
    static func read(path: String, from reader: inout BinaryReader) throws(BinaryReader.Damaged) -> ReusedCheck<KeptRunbook> {
        var problems: [Problem] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 28)) {
            let rule = try reader.string()
            guard let severity = Severity(rawValue: try reader.string()) else { throw BinaryReader.Damaged() }
            problems.append(Problem(
                ruleID: rule, severity: severity, path: path, line: try reader.int(), column: try reader.int(),
                message: try reader.string()))
        }
        var dangerous: [String: DenylistMatch] = [:]
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 12)) {
            let step = try reader.string()
            dangerous[step] = DenylistMatch(entryID: try reader.string(), reason: try reader.string())
        }
        let runbook = try read(path: path, &reader)
        return ReusedCheck(runbook: runbook, problems: problems, kept: KeptRunbook(runbook: runbook, dangerousSteps: dangerous))
    }

    // MARK: - The parse

    private static func write(_ runbook: Runbook, to writer: inout BinaryWriter) {
        writer.write(runbook.id)
        writer.write(runbook.title)
        write(runbook.titleLocation, to: &writer)
        write(runbook.metadata, to: &writer)
        writer.write(runbook.frontMatterError != nil)
        if let error = runbook.frontMatterError {
            writer.write(error.message)
            writer.write(error.line)
            writer.write(error.column)
        }
        writer.write(count: runbook.headings.count)
        for heading in runbook.headings {
            writer.write(heading.level)
            writer.write(heading.text)
            write(heading.location, to: &writer)
            writer.write(heading.node)
        }
        writer.write(count: runbook.sections.count)
        for section in runbook.sections {
            writer.write(section.title)
            writer.write(section.name)
            write(section.location, to: &writer)
            writer.write(section.contentNodes.lowerBound)
            writer.write(section.contentNodes.upperBound)
            writer.write(section.commandCount)
        }
        writer.write(count: runbook.links.count)
        for link in runbook.links {
            writer.write(link.destination)
            writer.write(link.text)
            writer.write(link.isImage)
            write(link.location, to: &writer)
        }
        writer.write(count: runbook.steps.count)
        for step in runbook.steps { write(step, to: &writer) }
        writer.write(count: runbook.attributeErrors.count)
        for error in runbook.attributeErrors {
            writer.write(error.message)
            writer.write(error.line)
            writer.write(error.column)
        }
        writer.write(runbook.bodyLine)
    }

    private static func read(path: String, _ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> Runbook {
        let id = try reader.string()
        let title = try reader.optionalString()
        let titleLocation = try reader.bool() ? try location(&reader) : nil
        let metadata = try self.metadata(&reader)
        let frontMatterError = try reader.bool()
            ? YAMLError(message: try reader.string(), line: try reader.int(), column: try reader.int()) : nil
        var headings: [Heading] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 36)) {
            headings.append(Heading(
                level: try reader.int(), text: try reader.string(), location: try location(&reader), node: try reader.int()))
        }
        var sections: [Section] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 45)) {
            let title = try reader.string(), name = try reader.optionalString(), location = try location(&reader)
            let lower = try reader.int(), upper = try reader.int()
            guard lower <= upper else { throw BinaryReader.Damaged() }
            sections.append(Section(
                title: title, name: name, location: location, contentNodes: lower..<upper, commandCount: try reader.int()))
        }
        var links: [Link] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 25)) {
            links.append(Link(
                destination: try reader.string(), text: try reader.string(), isImage: try reader.bool(),
                location: try location(&reader)))
        }
        var steps: [Step] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 45)) { steps.append(try step(&reader)) }
        var attributeErrors: [StepAttributeError] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 20)) {
            attributeErrors.append(StepAttributeError(message: try reader.string(), line: try reader.int(), column: try reader.int()))
        }
        return Runbook(
            path: path, id: id, title: title, titleLocation: titleLocation, metadata: metadata,
            frontMatterError: frontMatterError, unreadableReason: nil, headings: headings, sections: sections, links: links,
            steps: steps, attributeErrors: attributeErrors, document: MarkdownDocument(nodes: []), bodyLine: try reader.int())
    }

    private static func write(_ location: SourceLocation?, to writer: inout BinaryWriter) {
        writer.write(location != nil)
        if let location { write(location, to: &writer) }
    }

    private static func write(_ location: SourceLocation, to writer: inout BinaryWriter) {
        writer.write(location.line)
        writer.write(location.column)
    }

    private static func location(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> SourceLocation {
        SourceLocation(line: try reader.int(), column: try reader.int())
    }

    private static func write(_ step: Step, to writer: inout BinaryWriter) {
        writer.write(step.name)
        writer.write(step.kind.rawValue)
        writer.write(step.section)
        writer.write(step.shell)
        writer.write(step.script)
        writer.write(count: step.commands.count)
        for command in step.commands {
            writer.write(command.text)
            writer.write(command.line)
        }
        writer.write(step.line)
        writer.write(step.column)
        writer.write(count: step.attributes.count)
        for (key, value) in step.attributes.sorted(by: { $0.key < $1.key }) {
            writer.write(key)
            writer.write(value)
        }
        writer.write(step.checked)
    }

    private static func step(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> Step {
        let name = try reader.string()
        guard let kind = Step.Kind(rawValue: try reader.string()) else { throw BinaryReader.Damaged() }
        let section = try reader.string(), shell = try reader.string(), script = try reader.string()
        var commands: [Command] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 12)) {
            commands.append(Command(text: try reader.string(), line: try reader.int()))
        }
        let line = try reader.int(), column = try reader.int()
        var attributes: [String: String] = [:]
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 8)) {
            let key = try reader.string()
            attributes[key] = try reader.string()
        }
        return Step(
            name: name, kind: kind, section: section, shell: shell, script: script, commands: commands, line: line,
            column: column, attributes: attributes, checked: try reader.bool())
    }

    // MARK: - Front matter

    private static func write(_ metadata: Metadata, to writer: inout BinaryWriter) {
        for field in [metadata.title, metadata.id, metadata.owner, metadata.severity, metadata.status, metadata.autonomy] {
            writer.write(field)
        }
        for list in [metadata.tags, metadata.alerts, metadata.patterns] {
            writer.write(count: list.count)
            for item in list { writer.write(item) }
        }
        writer.write(count: metadata.variables.count)
        for variable in metadata.variables {
            writer.write(variable.name)
            writer.write(variable.prompt)
            writer.write(variable.defaultValue)
            writer.write(variable.pattern)
        }
        writer.write(count: metadata.fields.count)
        for entry in metadata.fields { write(entry, to: &writer) }
    }

    private static func metadata(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> Metadata {
        var metadata = Metadata()
        metadata.title = try reader.optionalString()
        metadata.id = try reader.optionalString()
        metadata.owner = try reader.optionalString()
        metadata.severity = try reader.optionalString()
        metadata.status = try reader.optionalString()
        metadata.autonomy = try reader.optionalString()
        metadata.tags = try strings(&reader)
        metadata.alerts = try strings(&reader)
        metadata.patterns = try strings(&reader)
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 7)) {
            metadata.variables.append(RunbookVariable(
                name: try reader.string(), prompt: try reader.optionalString(), defaultValue: try reader.optionalString(),
                pattern: try reader.optionalString()))
        }
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 37)) { metadata.fields.append(try entry(&reader, depth: 0)) }
        return metadata
    }

    private static func strings(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> [String] {
        var strings: [String] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 4)) { strings.append(try reader.string()) }
        return strings
    }

    private static func write(_ entry: YAMLEntry, to writer: inout BinaryWriter) {
        writer.write(entry.key)
        writer.write(entry.keyLine)
        writer.write(entry.keyColumn)
        write(entry.value, to: &writer)
    }

    private static func entry(_ reader: inout BinaryReader, depth: Int) throws(BinaryReader.Damaged) -> YAMLEntry {
        YAMLEntry(key: try reader.string(), keyLine: try reader.int(), keyColumn: try reader.int(), value: try value(&reader, depth: depth))
    }

    private static func write(_ value: YAMLValue, to writer: inout BinaryWriter) {
        switch value.kind {
        case .scalar(let text):
            writer.write(UInt8(0))
            writer.write(text)
        case .sequence(let items):
            writer.write(UInt8(1))
            writer.write(count: items.count)
            for item in items { write(item, to: &writer) }
        case .mapping(let entries):
            writer.write(UInt8(2))
            writer.write(count: entries.count)
            for entry in entries { write(entry, to: &writer) }
        case .null:
            writer.write(UInt8(3))
        }
        writer.write(value.line)
        writer.write(value.column)
    }

    /// Nesting is bounded as the YAML reader bounds it: reading recurses.
    private static func value(_ reader: inout BinaryReader, depth: Int) throws(BinaryReader.Damaged) -> YAMLValue {
        guard depth <= YAMLReader.maximumNesting else { throw BinaryReader.Damaged() }
        let kind: YAMLValue.Kind
        switch try reader.uint8() {
        case 0:
            kind = .scalar(try reader.string())
        case 1:
            var items: [YAMLValue] = []
            for _ in 0..<(try reader.count(ofRecordsAtLeast: 17)) { items.append(try value(&reader, depth: depth + 1)) }
            kind = .sequence(items)
        case 2:
            var entries: [YAMLEntry] = []
            for _ in 0..<(try reader.count(ofRecordsAtLeast: 37)) { entries.append(try entry(&reader, depth: depth + 1)) }
            kind = .mapping(entries)
        case 3:
            kind = .null
        default:
            throw BinaryReader.Damaged()
        }
        return YAMLValue(kind: kind, line: try reader.int(), column: try reader.int())
    }
}
