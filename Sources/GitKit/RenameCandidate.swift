/// One possible origin of a followed file, scored as git scores it.
struct RenameCandidate {
    let path: String
    /// `RenameSimilarity` score; 60,000 for an identical blob.
    let score: Int
    /// 1 when the file names agree: git's tie-breaker between equal scores.
    let nameScore: Int
    /// The source is deleted by the commit (a rename); otherwise it stays (a copy).
    let isDeleted: Bool

    /// git's `score_compare` for the rename matrix: negative when `self`
    /// sorts first (a higher score, then a higher name score).
    func compare(_ other: RenameCandidate) -> Int {
        score == other.score ? other.nameScore - nameScore : other.score - score
    }
}
