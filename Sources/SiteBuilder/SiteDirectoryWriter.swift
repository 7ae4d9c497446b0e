import Foundation
import RunbookCore

/// Puts a site into its folder all at once: the whole site is written into a
/// folder beside it, which then takes the old one's place (the old one renamed
/// aside, the new one renamed in). Any failure before the swap leaves the
/// previous site as it was.
///
/// The replaced site is kept as `.NAME.spare` beside the output, and the next
/// build brings that one up to date instead of starting an empty folder: after a
/// commit that changed one runbook, a dozen files are written rather than tens
/// of thousands of folders and links made and deleted. (The first rebuild, with
/// no spare yet, hard-links unchanged files from the live site.)
///
/// It only ever replaces a folder that is missing, empty, or holds a previous site
/// (marked by the `.runbook-site` file it writes), so `--out ~` can never delete a
/// home folder.
public struct SiteDirectoryWriter: Sendable {
    public static let markerName = ".runbook-site"
    static let markerText = "This folder is a site written by `runbook build`; the next build replaces all of it.\n"

    /// The site's folder as given.
    public let directory: String
    /// Hard-link unchanged files from the previous site instead of writing them.
    public var reuseUnchanged = true

    public init(directory: String) {
        self.directory = directory
    }

    /// Folders made ahead of a build into a new folder (`prepare(folders:)`).
    public struct PreparedFolders: Sendable {
        let root: String
        /// An array rather than a set until the build starts: they are made
        /// while the history walk holds the most memory.
        let folders: [String]

        /// Deletes them, when no build is going to use them.
        public func discard() {
            try? FileSystem.removeTree(root)
        }
    }

    /// Makes the site's folders before the build renders anything (while the
    /// history is read, when a core is free), if it will write into a new
    /// folder (a first build, or one without a spare): making 30,000 folders
    /// is a good part of such a build. Nil when the build will update the
    /// spare instead, or when they cannot be made (the build makes them then).
    ///
    /// - Parameter folders: relative to the site root, each after its parent;
    ///   asked for only when they are to be made.
    public func prepare(folders listed: () -> [String]) -> PreparedFolders? {
        guard let target = try? Self.absolute(directory),
              let updating = try? willUpdateSpare(of: target, previous: previousSite(at: target)), !updating
        else { return nil }
        let folders = listed()
        let root = Self.newFolder(for: target)
        do {
            try FileSystem.makeDirectories(Self.split(target).parent)
            try FileSystem.removeTree(root)
            try FileSystem.makeDirectory(root)
            for folder in folders { try FileSystem.makeDirectory(root + "/" + folder) }
        } catch {
            try? FileSystem.removeTree(root)
            return nil
        }
        return PreparedFolders(root: root, folders: folders)
    }

    /// The layout of runbooks placed so: the one recorded beside the site
    /// (`.NAME.layout`) when it was made from exactly these, else laid out now
    /// and recorded for the next build.
    public func layout(of placements: [SiteLayout.Placement], template: SiteTemplate, linkStyle: LinkStyle = .indexFiles) -> SiteLayout {
        let laidOut = { SiteLayout(placements: placements, template: template, linkStyle: linkStyle) }
        guard let target = try? Self.absolute(directory) else { return laidOut() }
        let (parent, name) = Self.split(target)
        let record = "\(parent)/.\(name).layout"
        let assetPaths = Array(template.assets.keys)
        if let recorded = SiteLayoutRecord.load(from: record, placements: placements, assetPaths: assetPaths, linkStyle: linkStyle) {
            return recorded
        }
        let layout = laidOut()
        try? SiteLayoutRecord.write(layout, to: record)
        return layout
    }

    /// Starts listing the spare site, if the build will bring it up to date
    /// (`replace(prepared:spareListing:)`); nil otherwise.
    public func listSpare() -> SpareListing? {
        guard let target = try? Self.absolute(directory),
              let updating = try? willUpdateSpare(of: target, previous: previousSite(at: target)), updating
        else { return nil }
        let (parent, name) = Self.split(target)
        return SpareListing(of: "\(parent)/.\(name).spare", record: "\(parent)/.\(name).spare.tree", clockFolder: parent)
    }

    /// Whether a build will bring the spare up to date rather than write a new
    /// folder, given whether `target` holds a previous site. Throws when the
    /// spare's name holds anything but a site: only a site (or nothing) is
    /// ever deleted under that name.
    private func willUpdateSpare(of target: String, previous: Bool) throws -> Bool {
        let (parent, name) = Self.split(target)
        let spareIsSite = try previousSite(at: "\(parent)/.\(name).spare", named: ".\(name).spare")
        return previous && reuseUnchanged && spareIsSite
    }

    /// Where a build that does not update the spare writes.
    private static func newFolder(for target: String) -> String {
        let (parent, name) = split(target)
        return "\(parent)/.\(name).new-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Calls `build` with an output that writes into a new folder, then swaps that
    /// folder in for `directory`.
    ///
    /// - Parameters:
    ///   - prepared: folders `prepare(folders:)` made for this build; used when
    ///     it writes into a new folder, else deleted.
    ///   - spareListing: the spare as `listSpare()` found it; used when the
    ///     build brings that spare up to date (else it is listed now).
    /// - Throws: `SiteWriteError` when `directory` is not a site folder or cannot be
    ///   replaced; any error `build` throws (after removing the new folder).
    @discardableResult
    public func replace(
        prepared: PreparedFolders? = nil, spareListing: SpareListing? = nil, _ build: (any SiteOutput) throws -> Void) throws -> SiteWriteSummary {
        // Gone by the end in any case: swapped in as the site, deleted with a
        // failed build, or never used.
        defer { prepared?.discard() }
        let target = try Self.absolute(directory)
        let previous = try previousSite(at: target)
        let (parent, name) = Self.split(target)
        try FileSystem.makeDirectories(parent)
        Self.removeAbandonedFolders(in: parent, of: name)
        let pid = ProcessInfo.processInfo.processIdentifier
        let spare = "\(parent)/.\(name).spare"
        // What the pages of the live site and of the spare were rendered from.
        let livePagesFile = "\(parent)/.\(name).pages"
        let sparePagesFile = "\(parent)/.\(name).spare.pages"
        // Where each runbook's part of the live site's index.json and search data lies.
        let livePartsFile = "\(parent)/.\(name).parts"
        // Read side by side: the records of 10,000 runbooks' pages are 30,000 lines each.
        let loadingSparePages = BackgroundValue { PageManifest.load(from: sparePagesFile) }
        let loadingLiveParts = BackgroundValue { PartManifest.load(from: livePartsFile) }
        let livePages = PageManifest.load(from: livePagesFile)
        // What each folder of the live site and of the spare holds (`SiteTreeRecord`).
        let liveTreeFile = "\(parent)/.\(name).tree"
        let spareTreeFile = "\(parent)/.\(name).spare.tree"
        let sparePages = loadingSparePages.value
        // Gone until this build is over: a spare left half-updated by a failed
        // build has no record to vouch for it.
        FileSystem.removeFileOnly(sparePagesFile)
        let retired = "\(parent)/.\(name).old-\(pid)"
        // Only a crashed build with this same process id leaves this behind.
        try FileSystem.removeTree(retired)
        // The site before the live one, kept by the last build: bringing it up to
        // date writes only what changed, where a new folder means creating every
        // folder and file again.
        let updating = try willUpdateSpare(of: target, previous: previous)
        let folder = updating ? spare : Self.newFolder(for: target)
        let made = prepared.map { $0.root == folder ? Set($0.folders) : [] } ?? []
        if !updating {
            try FileSystem.removeTree(spare)
            FileSystem.removeFileOnly(spareTreeFile)
            if made.isEmpty {
                try FileSystem.removeTree(folder)
                try FileSystem.makeDirectory(folder)
            }
        }
        let summary: SiteWriteSummary
        let manifest: BackgroundValue<[UInt8]>
        let tree: BackgroundValue<SiteTreeRecord?>?
        let parts: PartManifest
        do {
            let linking = reuseUnchanged && previous
            let output = FolderOutput(
                root: folder, rootIsNew: !updating, madeFolders: made, rootPages: updating ? sparePages : PageManifest(),
                previous: linking ? target : nil, previousPages: linking ? livePages : PageManifest(),
                previousParts: linking ? loadingLiveParts.value : PartManifest(),
                listing: updating ? (spareListing.flatMap { $0.root == folder ? $0 : nil }
                    ?? SpareListing(of: folder, record: spareTreeFile, clockFolder: parent)).entries : nil)
            try build(output)
            // The record of pages (30,000 lines, sorted) is made while the spare is swept.
            manifest = BackgroundValue { [output] in output.manifest.encoded }
            if updating { try output.removeUnproduced(keeping: [Self.markerName]) }
            // Made while the site is swapped in: nothing is written into its folders any more.
            tree = reuseUnchanged ? BackgroundValue { [output] in try? output.treeRecord(now: FileSystem.now(in: parent)) } : nil
            summary = output.summary
            parts = output.partManifest
            try FileSystem.replaceFile(folder + "/" + Self.markerName, Array(Self.markerText.utf8))
            // Checked again: the folder may have changed while the site was rendered.
            _ = try previousSite(at: target)
            try swap(folder, into: target, retired: retired, hasPrevious: FileSystem.kind(of: target) != .missing)
        } catch {
            // A half-updated spare is not live, and the next build corrects it.
            if !updating { try? FileSystem.removeTree(folder) }
            throw error
        }
        // The site just replaced becomes the spare for the next build, and its
        // record goes with it: moved, not written again (it is the file
        // `livePages` was read from). Records only save time: one that
        // cannot be moved or written costs a full render later.
        if FileSystem.kind(of: livePagesFile) == .file { try? FileSystem.rename(livePagesFile, sparePagesFile) }
        if FileSystem.kind(of: liveTreeFile) == .file { try? FileSystem.rename(liveTreeFile, spareTreeFile) }
        FileSystem.removeFileOnly(livePartsFile)
        let spareKept = FileSystem.kind(of: retired) != .missing && reuseUnchanged && (try? FileSystem.rename(retired, spare)) != nil
        if !spareKept {
            FileSystem.removeFileOnly(sparePagesFile)
            FileSystem.removeFileOnly(spareTreeFile)
        }
        if !reuseUnchanged { try? FileSystem.removeTree(retired) }
        if reuseUnchanged {
            Self.record(manifest.value, in: livePagesFile)
            try? parts.write(to: livePartsFile)
            try? tree?.value?.write(to: liveTreeFile)
        }
        return summary
    }

    /// Deletes the new folders of builds that were stopped (Ctrl-C, a crash)
    /// before they could swap theirs in or delete it: `.NAME.new-PID` whose
    /// process is gone. One made while the history was read holds tens of
    /// thousands of folders. (Never `.NAME.old-PID`: that can be the only
    /// copy of the previous site.)
    private static func removeAbandonedFolders(in parent: String, of name: String) {
        let prefix = ".\(name).new-"
        for entry in (try? FileSystem.contents(of: parent)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid > 0, pid != ProcessInfo.processInfo.processIdentifier,
                  kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileSystem.removeTree(parent + "/" + entry)
        }
    }

    /// Writes records of pages or parts where nothing but a file (or nothing) is in the way.
    private static func record(_ records: [UInt8], in path: String) {
        let kind = FileSystem.kind(of: path)
        guard kind == .file || kind == .missing else { return }
        try? FileSystem.replaceFile(path, records)
    }

    /// Whether `target` holds a previous site; throws when it is something that must not be replaced.
    private func previousSite(at target: String, named shown: String? = nil) throws -> Bool {
        let directory = shown ?? directory
        switch FileSystem.kind(of: target) {
        case .missing:
            return false
        case .symbolicLink:
            throw SiteWriteError("\(directory) is a symbolic link; give the folder it points to, or a new folder")
        case .file, .other:
            throw SiteWriteError("\(directory) exists and is not a folder")
        case .directory:
            let contents = try FileSystem.contents(of: target)
            if contents.isEmpty { return false }
            // A marker copied into a checkout must not put its repository at risk.
            guard !contents.contains(".git") else {
                throw SiteWriteError("\(directory) holds a Git repository (.git); refusing to replace it: choose another folder")
            }
            guard FileSystem.kind(of: target + "/" + Self.markerName) == .file else {
                throw SiteWriteError(
                    "\(directory) is not empty and holds no site from runbook (no \(Self.markerName) file); "
                        + "refusing to replace it: choose a new or empty folder")
            }
            return true
        }
    }

    private func swap(_ fresh: String, into target: String, retired: String, hasPrevious: Bool) throws {
        guard hasPrevious else {
            try FileSystem.rename(fresh, target)
            return
        }
        try FileSystem.rename(target, retired)
        do {
            try FileSystem.rename(fresh, target)
        } catch {
            try? FileSystem.rename(retired, target)
            throw error
        }
    }

    /// The path made absolute with `.` and `..` resolved, without following links.
    static func absolute(_ path: String) throws -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        guard !parts.isEmpty else { throw SiteWriteError("refusing to write a site over the root folder /") }
        return "/" + parts.joined(separator: "/")
    }

    private static func split(_ path: String) -> (parent: String, name: String) {
        let parts = path.split(separator: "/")
        let parent = "/" + parts.dropLast().joined(separator: "/")
        return (parent, String(parts.last ?? ""))
    }
}
