/// One piece of a compiled template.
indirect enum TemplateNode: Sendable {
    /// Bytes copied as they are.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}`/`{{&name}}` (as is). An empty path is `{{.}}`.
    case value(path: [String], escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(path: [String], inverted: Bool, children: [TemplateNode])
    /// `{{>name}}`.
    case partial(String)
    /// `{{<name}}…{{/name}}`: the template `name` with some of its blocks replaced.
    case parent(String, blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: replaceable by a page that uses this template as its parent.
    case block(String, children: [TemplateNode])
}
