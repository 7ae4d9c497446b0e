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

    private let templates: [String: Template]
    /// Asset files by path inside `assets/`.
    let assets: [String: [UInt8]]
    /// A digest of every template and asset file, for `PageKeys`; nil when it could not be made.
    let fingerprint: PageKey?

    /// The built-in template with `overrides` (path inside `site-template/` → bytes) laid over it.
    ///
    /// - Throws: `SiteTemplateError` naming the file (and line) of a template that
    ///   does not parse, is not UTF-8, uses a missing or recursive partial, or of an
    ///   asset whose path is not a plain relative path.
    public init(overrides: [String: [UInt8]] = [:]) throws {
        var files = BuiltInTemplate.files
        for (path, bytes) in overrides { files[path] = bytes }
        var templates: [String: Template] = [:]
        var templateFiles: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        var assetKeys: [String: String] = [:]
        var fingerprint = PageKey.Builder("template")
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(path)
            fingerprint.add(bytes)
            if path.hasPrefix("assets/") {
                let inside = String(path.dropFirst("assets/".count))
                try Self.checkAssetPath(inside, file: path)
                if let other = assetKeys.updateValue(path, forKey: inside.lowercased()) {
                    throw SiteTemplateError(file: path, message: "differs from \(other) only in case; one would overwrite the other")
                }
                assets[inside] = bytes
            } else if path.hasSuffix(".mustache") {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw SiteTemplateError(file: path, message: "template is not valid UTF-8 text")
                }
                let name = String(path.dropLast(".mustache".count))
                templates[name] = try Template(text, file: path)
                templateFiles[name] = path
            }
        }
        try Self.checkReferences(templates, files: templateFiles)
        self.templates = templates
        self.assets = assets
        self.fingerprint = fingerprint.key
    }

    /// Renders the template `name`. Names are looked up in `context` and, when
    /// missing there, in the values before it (a page's own values, then the chrome).
    func render(_ name: String, _ context: TemplateValue..., capacity: Int = 16_384) -> [UInt8] {
        var renderer = TemplateRenderer(library: templates, stack: context, capacity: capacity)
        renderer.render(template: name)
        return renderer.output
    }

    /// Every page template exists, every partial named exists, and no partials
    /// include each other in a loop (which would render forever).
    private static func checkReferences(_ templates: [String: Template], files: [String: String]) throws {
        for name in pageTemplates where templates[name] == nil {
            throw SiteTemplateError(file: name + ".mustache", message: "template is missing")
        }
        for name in templates.keys.sorted() {
            for reference in templates[name]?.references ?? [] where templates[reference.name] == nil {
                throw SiteTemplateError(
                    file: files[name] ?? name, line: reference.line, column: reference.column,
                    message: "partial '\(reference.name)' does not exist (no \(reference.name).mustache)")
            }
        }
        let graph = templates.mapValues { $0.references.map(\.name) }
        if let cycle = PartialCycle.find(in: graph) {
            let first = templates[cycle[0]]?.references.first { $0.name == cycle[1] }
            throw SiteTemplateError(
                file: files[cycle[0]] ?? cycle[0], line: first?.line ?? 0, column: first?.column ?? 0,
                message: "partials include each other endlessly: " + cycle.joined(separator: " → "))
        }
        // Parents and blocks can expand without end with no partial cycle; a
        // render without data finds those (the renderer also stops at its limit).
        for name in templates.keys.sorted() {
            var renderer = TemplateRenderer(library: templates, stack: [], capacity: 0)
            renderer.render(template: name)
            if renderer.expandedTooDeep {
                throw SiteTemplateError(
                    file: files[name] ?? name,
                    message: "partials, parents and blocks expand more than \(TemplateRenderer.maximumExpansions) deep; "
                        + "a parent inside one of its own blocks never ends")
            }
        }
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
}
