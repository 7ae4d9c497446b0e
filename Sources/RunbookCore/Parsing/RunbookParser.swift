import Foundation
import MarkdownKit

/// Turns the bytes of one file into a `Runbook`. Never throws: whatever is wrong
/// with the file is recorded on the runbook for the lint rules to report.
public struct RunbookParser: Sendable {
    public let config: Config
    private let sectionNames: [String: String]

    public init(config: Config) {
        self.config = config
        sectionNames = config.sections.canonicalNameTable
    }

    public func parse(path: String, bytes: [UInt8]) -> Runbook {
        let (text, unreadableReason) = decoded(bytes)
        guard let text else { return unreadable(path, unreadableReason ?? "") }
        return parse(path: path, text: text)
    }

    /// The Markdown tree `parse` gives the same bytes, node for node, without
    /// the rest: a page needs only the tree again once the runbook is known,
    /// and its front matter and steps cost as much to read as the tree.
    public func document(of bytes: [UInt8]) -> MarkdownDocument {
        guard let text = decoded(bytes).text else { return MarkdownDocument.parse("") }
        return Self.document(of: FrontMatter(splitting: text))
    }

    /// The file as text without its byte order mark, or why it cannot be a runbook.
    private func decoded(_ bytes: [UInt8]) -> (text: String?, unreadableReason: String?) {
        if bytes.count > config.maxFileSize {
            return (nil, SourceFile.tooLargeReason(size: bytes.count, limit: config.maxFileSize))
        }
        if bytes.contains(0) {
            return (nil, "file is binary, not Markdown text")
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let line = Self.lineOfFirstInvalidUTF8(bytes)
            return (nil, "file is not valid UTF-8 text (first bad byte on line \(line)); save it as UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return (text, nil)
    }

    /// The body's tree, with lines counted from the top of the file.
    private static func document(of split: FrontMatter) -> MarkdownDocument {
        MarkdownDocument.parse(String(split.body), lineOffset: split.bodyLine - 1)
    }

    public func parse(path: String, text: String) -> Runbook {
        let split = FrontMatter(splitting: text)
        var metadata = Metadata()
        var frontMatterError: YAMLError?
        if split.unclosed {
            frontMatterError = YAMLError(
                message: "front matter opened on line 1 is never closed with a '---' line", line: 1, column: 1)
        } else if let yaml = split.yaml {
            do {
                metadata = try MetadataReader.read(try YAMLReader.read(String(yaml), firstLine: split.yamlLine))
            } catch {
                frontMatterError = error
            }
        }
        let document = Self.document(of: split)
        let headings = Self.headings(in: document)
        let sections = sections(in: document, headings: headings)
        let steps = StepExtractor(document: document, sections: sections, config: config).extract()
        let firstTitle = headings.first { $0.level == 1 }
        return Runbook(
            path: path,
            id: metadata.id ?? defaultID(for: path),
            title: metadata.title ?? firstTitle?.text,
            titleLocation: metadata.title != nil ? metadata.field("title").map { SourceLocation(line: $0.keyLine, column: $0.keyColumn) }
                : firstTitle?.location,
            metadata: metadata,
            frontMatterError: frontMatterError,
            unreadableReason: nil,
            headings: headings,
            sections: zip(sections, steps.commandCounts).map { section, count in
                var section = section
                section.commandCount = count
                return section
            },
            links: Self.links(in: document),
            steps: steps.steps,
            attributeErrors: steps.errors,
            document: document,
            bodyLine: split.bodyLine
        )
    }

    /// The runbook's id when its front matter declares one (with where), else nil.
    /// Only files that look as if they declare one are parsed, as this runs for
    /// runbooks that are not being linted but whose ids still count.
    public func declaredID(path: String, bytes: [UInt8]) -> RunbookSummary? {
        guard FrontMatterScan.declaresID(bytes) else { return nil }
        let runbook = parse(path: path, bytes: bytes)
        return runbook.metadata.id == nil ? nil : RunbookSummary(runbook)
    }

    /// A runbook known by its path alone: the id derived from it, at 1:1.
    public func derivedSummary(for path: String) -> RunbookSummary {
        RunbookSummary(path: path, id: defaultID(for: path), idLocation: SourceLocation(line: 1, column: 1))
    }

    /// The path under the root, without `.md`: `runbooks/etcd/no-leader.md` → `etcd/no-leader`.
    /// Byte-wise, with one copy: a staged lint derives the id of every runbook of the tree.
    public func defaultID(for path: String) -> String {
        let relative = config.relativeToRoot(path) ?? path[...]
        guard relative.utf8.suffix(3).elementsEqual(".md".utf8) else { return String(relative) }
        return String(decoding: relative.utf8.dropLast(3), as: UTF8.self)
    }

    private func unreadable(_ path: String, _ reason: String) -> Runbook {
        Runbook(
            path: path, id: defaultID(for: path), title: nil, titleLocation: nil, metadata: Metadata(),
            frontMatterError: nil, unreadableReason: reason, headings: [], sections: [], links: [], steps: [],
            attributeErrors: [], document: MarkdownDocument.parse(""), bodyLine: 1)
    }

    private static func lineOfFirstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var line = 1
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }

    private static func headings(in document: MarkdownDocument) -> [Heading] {
        document.nodes.indices.compactMap { index in
            guard case .heading(let level) = document.nodes[index].kind else { return nil }
            return Heading(
                level: level, text: Self.trimmingSpaces(document.plainText(of: index)),
                location: document.nodes[index].start, node: index)
        }
    }

    /// Sections start at top-level H2 headings and run to the next top-level H1 or H2.
    private func sections(in document: MarkdownDocument, headings: [Heading]) -> [Section] {
        let boundaries = headings.filter { $0.level <= 2 && document.nodes[$0.node].parent == 0 }
        return boundaries.enumerated().compactMap { offset, heading in
            guard heading.level == 2 else { return nil }
            let end = offset + 1 < boundaries.count ? boundaries[offset + 1].node : document.nodes.count
            return Section(
                title: heading.text, name: sectionNames[SectionRequirements.normalized(heading.text)],
                location: heading.location, contentNodes: document.nodes[heading.node].end..<end, commandCount: 0)
        }
    }

    /// cmark already strips a heading's outer space; this catches what inlines leave (a trailing code span's pad).
    private static func trimmingSpaces(_ text: String) -> String {
        guard text.utf8.first == UInt8(ascii: " ") || text.utf8.last == UInt8(ascii: " ") else { return text }
        return String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    private static func links(in document: MarkdownDocument) -> [Link] {
        document.nodes.indices.compactMap { index in
            switch document.nodes[index].kind {
            case .link, .image:
                return Link(
                    destination: document.nodes[index].url, text: document.plainText(of: index),
                    isImage: document.nodes[index].kind == .image,
                    location: document.location(of: index))
            default:
                return nil
            }
        }
    }
}
