import FactlintDatabase
import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// A read-only session on a PostgreSQL server, through postgres-nio.
final class PostgresSession: SQLSession {
  let dialect = SQLDialect.postgres
  let connection: PostgresConnection
  let logger: Logger

  /// Where a server is and who logs in, read from a `postgres://` address.
  struct Address: Sendable {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    /// Whether to encrypt, as libpq's `sslmode` says: `disable`, `prefer` (the default: TLS
    /// when the server offers it), `require`, or `verify-full` (TLS with the server's
    /// certificate checked against the system's roots and the host name).
    var sslMode: String

    static let sslModes = ["disable", "prefer", "require", "verify-full"]

    /// Reads `postgres://user[:password]@host[:port]/database[?sslmode=MODE]`; the password may
    /// instead be in `PGPASSWORD`.
    init?(_ url: String, environment: [String: String]) {
      guard let parts = URLComponents(string: url), let host = parts.host, !host.isEmpty else {
        return nil
      }
      self.host = host
      port = parts.port ?? 5432
      user = parts.user ?? environment["PGUSER"] ?? "postgres"
      password = parts.password ?? environment["PGPASSWORD"]
      let name = parts.path.drop { $0 == "/" }
      database = name.isEmpty ? user : String(name)
      sslMode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
      guard Self.sslModes.contains(sslMode) else { return nil }
    }

    /// The TLS the connection asks for.
    func tls() throws -> PostgresConnection.Configuration.TLS {
      guard sslMode != "disable" else { return .disable }
      var configuration = TLSConfiguration.makeClientConfiguration()
      // As libpq: only verify-full checks who the server is.
      if sslMode != "verify-full" { configuration.certificateVerification = .none }
      let context = try NIOSSLContext(configuration: configuration)
      return sslMode == "prefer" ? .prefer(context) : .require(context)
    }

    /// The address rows are located at, without who logs in.
    func location(of relation: String) -> String {
      "postgres://\(host):\(port)/\(database)/\(relation)"
    }
  }

  private init(connection: PostgresConnection, logger: Logger) {
    self.connection = connection
    self.logger = logger
  }

  /// Connects and opens a read-only transaction, with `timeout` seconds for each statement.
  static func open(_ address: Address, timeout: Int) async throws(DatabaseFailure)
    -> PostgresSession
  {
    var logger = Logger(label: "factlint-db")
    logger.logLevel = .critical
    let connection: PostgresConnection
    do {
      let configuration = PostgresConnection.Configuration(
        host: address.host, port: address.port, username: address.user,
        password: address.password, database: address.database, tls: try address.tls())
      connection = try await PostgresConnection.connect(
        configuration: configuration, id: 1, logger: logger)
    } catch {
      throw failure(error, connecting: address)
    }
    let session = PostgresSession(connection: connection, logger: logger)
    do {
      try await connection.query("START TRANSACTION READ ONLY", logger: logger)
      try await connection.query(
        PostgresQuery(unsafeSQL: "SET LOCAL statement_timeout = \(timeout * 1000)"),
        logger: logger)
      // A part's first figure comes from a window whose row count the planner cannot estimate;
      // a nested loop would compute the window again for every total, hash joins once.
      try await connection.query("SET LOCAL enable_nestloop = off", logger: logger)
    } catch {
      await session.close()
      throw failure(error, connecting: address)
    }
    return session
  }

  /// Ends the transaction, writing nothing, and closes the connection.
  func close() async {
    _ = try? await connection.query("ROLLBACK", logger: logger)
    try? await connection.close()
  }

  func columns(of sql: String) async throws(DatabaseFailure) -> [SQLColumn] {
    do {
      let rows = try await connection.query(
        PostgresQuery(unsafeSQL: sql + " LIMIT 0"), logger: logger)
      let columns = rows.columns.map { SQLColumn(name: $0.name, kind: Self.kind(of: $0.dataType)) }
      for try await _ in rows {}
      return columns
    } catch {
      throw Self.failure(error)
    }
  }

  func rows(_ sql: String) async throws(DatabaseFailure) -> [[String?]] {
    var rows: [[String?]] = []
    try await forEachRow(sql) { rows.append($0) }
    return rows
  }

  func forEachRow(_ sql: String, _ body: ([String?]) -> Void) async throws(DatabaseFailure) {
    do {
      let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
      for try await row in rows {
        body(row.map(Self.text))
      }
    } catch {
      throw Self.failure(error)
    }
  }

  /// A cell as text: factlint's queries return text, integers and NULLs.
  static func text(_ cell: PostgresCell) -> String? {
    guard cell.bytes != nil else { return nil }
    switch cell.dataType {
    case .int2, .int4, .int8:
      return (try? cell.decode(Int64.self)).map { String($0) }
    default: break
    }
    if let text = try? cell.decode(String.self) { return text }
    if let flag = try? cell.decode(Bool.self) { return String(flag) }
    return nil
  }

  static func kind(of type: PostgresDataType) -> SQLColumn.Kind {
    switch type {
    case .int2, .int4, .int8: return .integer
    case .numeric: return .decimal
    case .float4, .float8, .money: return .float
    case .text, .varchar, .bpchar, .name: return .text
    default: return .other(type.knownSQLName ?? "type \(type.rawValue)")
    }
  }

  /// What the server or the connection said, sorted into what factlint can advise on.
  static func failure(_ error: any Error, connecting address: Address? = nil) -> DatabaseFailure {
    guard let error = error as? PSQLError else {
      return DatabaseFailure(.other, "\(error)")
    }
    if let info = error.serverInfo, let state = info[.sqlState] {
      let message = info[.message] ?? "error \(state)"
      switch state {
      case "42P01": return DatabaseFailure(.missingRelation, message)
      case "42703": return DatabaseFailure(.missingColumn, message)
      case "28P01", "28000":
        return DatabaseFailure(
          .connection,
          "the server refused the login: \(message); check the user in 'url' and the password "
            + "in it or in PGPASSWORD")
      case "3D000":
        return DatabaseFailure(.connection, "\(message); name an existing database in 'url'")
      default: return DatabaseFailure(.other, message)
      }
    }
    let place = address.map { " to \($0.host):\($0.port)" } ?? ""
    if error.code == .sslUnsupported {
      return DatabaseFailure(
        .connection,
        "the server\(place) does not offer TLS, which sslmode requires; set sslmode=prefer or "
          + "disable in 'url', or enable ssl on the server")
    }
    let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
    return DatabaseFailure(
      .connection,
      "could not connect\(place) (\(cause)); start the server, or correct the host and port in "
        + "'url'")
  }
}
