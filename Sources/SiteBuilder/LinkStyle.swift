/// How pages link to other pages. Every page is a folder with an `index.html`.
public enum LinkStyle: Sendable, Hashable {
    /// `runbooks/etcd/no-leader/index.html`: works everywhere, also opened from
    /// `file://` (a browser shows a folder listing for a link to a folder there).
    case indexFiles
    /// `runbooks/etcd/no-leader/`: the pretty form, for a site served over HTTP.
    case directories
}
