import Mustache

/// The templates and assets a site is rendered with: the built-in defaults (from
/// `site-template/` of this project, compiled into the binary so an installed
/// `runbook` works from any folder), with any file replaced or added by a runbooks
/// repository's own `site-template/` folder.
///
/// - `NAME.mustache` is the template `NAME`, usable as a partial `{{>NAME}}`.
/// - `assets/…` is copied into the site's `assets/` folder.
/// - Anything else (a README) is ignored.
public struct SiteTemplate: Sendable {
    public static let folderName = "site-template"

    /// The templates the renderer asks for by name; each must exist (the built-in set has them all).
    static let pageTemplates = ["index", "runbook", "history", "tags", "tag", "alerts", "alert", "changes", "404", "step"]

    let library: MustacheLibrary
    /// Asset files by path inside `assets/`.
    let assets: [String: [UInt8]]

    /// The built-in template with `overrides` (path inside `site-template/` → bytes) laid over it.
    ///
    /// - Throws: `SiteTemplateError` naming the file (and line) of a template that
    ///   does not parse, is not UTF-8, uses a missing or recursive partial, or of an
    ///   asset whose path is not a plain relative path.
    public init(overrides: [String: [UInt8]] = [:]) throws {
        var files = BuiltInTemplate.files
        for (path, bytes) in overrides { files[path] = bytes }
        var sources: [String: (file: String, text: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        var assetKeys: [String: String] = [:]
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("assets/") {
                let inside = String(path.dropFirst("assets/".count))
                try Self.checkAssetPath(inside, file: path)
                if let other = assetKeys.updateValue(path, forKey: inside.lowercased()) {
                    throw SiteTemplateError(file: path, message: "differs from \(other) only in case; one of them would overwrite the other")
                }
                assets[inside] = bytes
            } else if path.hasSuffix(".mustache") {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw SiteTemplateError(file: path, message: "template is not valid UTF-8 text")
                }
                sources[String(path.dropLast(".mustache".count))] = (path, text)
            }
        }
        library = try Self.compile(sources)
        self.assets = assets
    }

    /// Renders the template `name` with a context of dictionaries, arrays, strings and booleans.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func compile(_ sources: [String: (file: String, text: String)]) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        var references: [String: [TemplateTags.Reference]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let tags = try TemplateTags(source.text, file: source.file)
            for reference in tags.references where sources[reference.name] == nil {
                throw SiteTemplateError(
                    file: source.file, line: reference.line, column: reference.column,
                    message: "partial '\(reference.name)' does not exist (no \(reference.name).mustache)")
            }
            references[name] = tags.references
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw SiteTemplateError(
                    file: source.file, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: Self.describe(error.error))
            }
        }
        for name in pageTemplates where sources[name] == nil {
            throw SiteTemplateError(file: name + ".mustache", message: "template is missing")
        }
        if let cycle = PartialCycle.find(in: references.mapValues { $0.map(\.name) }) {
            let first = references[cycle[0]]?.first { $0.name == cycle[1] }
            throw SiteTemplateError(
                file: (sources[cycle[0]]?.file ?? cycle[0]), line: first?.line ?? 0, column: first?.column ?? 0,
                message: "partials include each other endlessly: " + cycle.joined(separator: " → "))
        }
        return library
    }

    /// Asset paths become site paths, so each part must already be a clean folder or file name.
    private static func checkAssetPath(_ path: String, file: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && PathSegment.sanitize(String($0)) == $0 }) else {
            throw SiteTemplateError(
                file: file,
                message: "asset path must be made of letters, digits, '-', '_' and '.' (not starting with '.') separated by '/'")
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "closing tag does not match the open section"
        case .unfinishedName: return "tag is not closed or its name is malformed"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a block ({{$name}}) cannot take a transform"
        case .illegalTokenInsideInheritSection: return "only blocks ({{$name}}) may appear inside a parent ({{<name}})"
        case .textInsideInheritSection: return "only blocks may appear inside a parent ({{<name}})"
        case .invalidConfigVariableSyntax: return "malformed pragma ({{% … }})"
        case .unrecognisedConfigVariable: return "unknown pragma"
        case nil: return "cannot parse template (\(error))"
        }
    }
}
