import GRDB

extension RunResumption {
    init(row: Row, log: String) throws {
        self.init(
            at: try LogTimestamp.decode(row, "resumed_at", log: log),
            user: try row.decode(forColumn: "user"),
            host: try row.decode(forColumn: "host"))
    }
}
