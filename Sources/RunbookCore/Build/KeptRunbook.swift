/// What a build keeps of each readable runbook it checks: the parse, without
/// its Markdown tree, and the steps whose commands are on the denylist.
struct KeptRunbook: Sendable {
    var runbook: Runbook
    var dangerousSteps: [String: DenylistMatch]
}
