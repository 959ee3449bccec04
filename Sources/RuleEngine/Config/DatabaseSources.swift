import FactlintModel
import FactlintYAML

/// A database table or query that holds figures, named in the configuration's `databases:`
/// and checked in place by `factlint db`.
///
/// ```yaml
/// databases:
///   - url: postgres://factlint@127.0.0.1:5432/desk
///     table: figures
///     columns: { id: id, entity: company, metric: item, period: period, value: amount,
///                decimals: decimals, currency: currency }
/// ```
public struct DatabaseSource: Sendable, Hashable {
  /// What a column holds for each figure.
  public enum Role: String, Sendable, Hashable, CaseIterable {
    case id, entity, metric, period, segment, value, decimals, precision, unit, currency
  }

  /// The roles every source must map.
  public static let requiredRoles: [Role] = [.id, .entity, .metric, .period, .value]

  /// The connection: `postgres://user[:password]@host[:port]/database`, or `sqlite:PATH`, a
  /// SQLite file's path (relative to the configuration when read from it).
  public var url: String
  /// The table, optionally with its schema (`reports.figures`), or nil for a query.
  public var table: String?
  /// A `SELECT` whose rows are the figures, or nil for a table.
  public var query: String?
  /// The column each role is read from.
  public var columns: [Role: String]
  /// Where the entry starts.
  public var location: SourceLocation
  /// Where its url is written.
  public var urlLocation: SourceLocation
  /// Where its table or query is written.
  public var relationLocation: SourceLocation
  /// Where each column's name is written.
  public var columnLocations: [Role: SourceLocation]

  static let keys = ["url", "table", "query", "columns"]

  /// Reads the `databases:` list.
  static func list(_ node: YAMLNode, file: String) throws(Problem) -> [DatabaseSource] {
    guard let items = node.sequence else {
      throw Problem(
        .wrongType(key: "databases", expected: "a list", found: node.kindName),
        at: YAMLFields.location(node, file))
    }
    var sources: [DatabaseSource] = []
    for item in items {
      let fields = try YAMLFields(item, file: file, context: "a database", allowed: keys)
      let (url, urlNode) = try fields.requiredText("url")
      guard
        url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") || url.hasPrefix("sqlite:")
      else {
        throw Problem(
          .wrongType(
            key: "url",
            expected: "a PostgreSQL address, postgres://user@host:port/database, or a SQLite "
              + "file, sqlite:path/to/file.db",
            found: "'\(url)'"),
          at: fields.location(urlNode))
      }
      let table = try fields.text("table")
      let query = try fields.text("query")
      guard (table == nil) != (query == nil), let relation = table?.1 ?? query?.1 else {
        throw Problem(
          table == nil
            ? .missingKey("table", context: "a database")
            : .database(
              "give either 'table' or 'query', not both"),
          at: fields.location(table?.1 ?? item))
      }
      let columnsNode = try fields.required("columns")
      let roles = Role.allCases.map(\.rawValue)
      let columnFields = try YAMLFields(
        columnsNode, file: file, context: "'columns'", allowed: roles)
      var columns: [Role: String] = [:]
      var columnLocations: [Role: SourceLocation] = [:]
      for role in Role.allCases {
        guard let (name, node) = try columnFields.text(role.rawValue) else { continue }
        columns[role] = name
        columnLocations[role] = fields.location(node)
      }
      for role in requiredRoles where columns[role] == nil {
        throw Problem(
          .missingKey(role.rawValue, context: "'columns'"), at: fields.location(columnsNode))
      }
      if columns[.decimals] != nil, columns[.precision] != nil {
        throw Problem(
          .database("map 'decimals' or 'precision', not both: they say the same"),
          at: columnLocations[.precision]!)
      }
      sources.append(
        DatabaseSource(
          url: url, table: table?.0, query: query?.0, columns: columns,
          location: fields.location(item), urlLocation: fields.location(urlNode),
          relationLocation: fields.location(relation), columnLocations: columnLocations))
    }
    return sources
  }
}
