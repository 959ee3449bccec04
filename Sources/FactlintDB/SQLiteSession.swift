import CSQLite
import FactlintDatabase

/// A SQLite file opened read-only, through the system's libsqlite3: nothing can be written to
/// it. SQLite has no exact decimal type, so its rows are read into memory and checked there.
final class SQLiteSession: SQLSession, @unchecked Sendable {
  let dialect = SQLDialect.sqlite
  // Used from one task at a time: the run awaits each statement before the next.
  private let database: OpaquePointer

  private init(database: OpaquePointer) {
    self.database = database
  }

  /// Opens the file at `path` read-only; a missing file is a failure, never a new database.
  static func open(_ path: String) throws(DatabaseFailure) -> SQLiteSession {
    var handle: OpaquePointer?
    let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil)
    guard status == SQLITE_OK, let handle else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close(handle)
      throw DatabaseFailure(
        .connection,
        "cannot open the SQLite file '\(path)': \(message); give the path of an existing "
          + "database file, relative to the configuration")
    }
    // A damaged or foreign file fails here rather than at the first query.
    var check: OpaquePointer?
    let readable = sqlite3_prepare_v2(handle, "SELECT count(*) FROM sqlite_master", -1, &check, nil)
    let stepped = readable == SQLITE_OK ? sqlite3_step(check) : readable
    sqlite3_finalize(check)
    guard stepped == SQLITE_ROW else {
      let message = String(cString: sqlite3_errmsg(handle))
      sqlite3_close(handle)
      throw DatabaseFailure(
        .connection, "'\(path)' is not a SQLite database factlint can read: \(message)")
    }
    return SQLiteSession(database: handle)
  }

  func close() {
    sqlite3_close(database)
  }

  /// Runs `body` with the prepared statement of `sql`.
  private func prepared<Value>(
    _ sql: String, _ body: (OpaquePointer) throws(DatabaseFailure) -> Value
  ) throws(DatabaseFailure) -> Value {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK, let statement
    else {
      sqlite3_finalize(statement)
      throw failure()
    }
    defer { sqlite3_finalize(statement) }
    return try body(statement)
  }

  func failure() -> DatabaseFailure {
    let message = String(cString: sqlite3_errmsg(database))
    if message.hasPrefix("no such table") { return DatabaseFailure(.missingRelation, message) }
    if message.hasPrefix("no such column") { return DatabaseFailure(.missingColumn, message) }
    return DatabaseFailure(.other, message)
  }

  func columns(of sql: String) async throws(DatabaseFailure) -> [SQLColumn] {
    try prepared(sql) { statement in
      (0..<sqlite3_column_count(statement)).map { index in
        let name = sqlite3_column_name(statement, index).map { String(cString: $0) } ?? ""
        let declared = sqlite3_column_decltype(statement, index).map { String(cString: $0) }
        return SQLColumn(name: name, kind: Self.kind(declared: declared))
      }
    }
  }

  func rows(_ sql: String) async throws(DatabaseFailure) -> [[String?]] {
    var rows: [[String?]] = []
    try await forEachRow(sql) { rows.append($0) }
    return rows
  }

  func forEachRow(_ sql: String, _ body: ([String?]) -> Void) async throws(DatabaseFailure) {
    try prepared(sql) { statement throws(DatabaseFailure) in
      let count = sqlite3_column_count(statement)
      while true {
        let status = sqlite3_step(statement)
        if status == SQLITE_DONE { return }
        guard status == SQLITE_ROW else { throw failure() }
        body(
          (0..<count).map { index in
            guard sqlite3_column_type(statement, index) != SQLITE_NULL,
              let text = sqlite3_column_text(statement, index)
            else { return nil }
            return String(cString: text)
          })
      }
    }
  }

  /// A column's kind by SQLite's rules of type affinity for its declared type.
  static func kind(declared: String?) -> SQLColumn.Kind {
    guard let type = declared?.uppercased(), !type.isEmpty else { return .other("no type") }
    if type.contains("INT") { return .integer }
    if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") { return .text }
    if type.contains("BLOB") { return .other("BLOB") }
    if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") { return .float }
    return .decimal
  }
}
