import FactlintModel

/// The SQL a database speaks, within the portable core factlint's queries keep to: `SELECT`
/// with `CASE`, `COALESCE`, `CAST`, `IN`, inner and left joins, subqueries in `FROM`,
/// `GROUP BY` with `MIN`, the window functions `ROW_NUMBER` and `FIRST_VALUE` with `PARTITION
/// BY` and `ORDER BY`, `ORDER BY` and `LIMIT`, and exact decimal arithmetic (`+`, `-`, `*`,
/// comparisons) on decimal literals and columns. The dialects differ in quoting, the name of
/// the text type and whether a decimal value knows its own scale.
public enum SQLDialect: String, Sendable, CaseIterable {
  /// PostgreSQL: `numeric` is exact at any size, and `scale(v)` tells a value's decimals.
  case postgres
  /// Trino: `decimal(p, s)` up to 38 digits; a column's scale is in its type.
  case trino
  /// Spark SQL: as Trino, with backquoted names and backslash escapes in string literals.
  case spark
  /// SQLite, which has no exact decimal type: its rows are read into memory and checked there.
  case sqlite

  /// Whether the database does decimal arithmetic exactly, so that checks can run in it.
  public var computesExactly: Bool { self != .sqlite }

  /// A name quoted for the dialect; `schema.table` is quoted part by part.
  public func identifier(_ name: String) -> String {
    name.split(separator: ".", omittingEmptySubsequences: false).map { column(String($0)) }
      .joined(separator: ".")
  }

  /// A column's name quoted for the dialect: one name, dots and all.
  public func column(_ name: String) -> String {
    switch self {
    case .postgres, .trino, .sqlite: return "\"" + name.replacing("\"", with: "\"\"") + "\""
    case .spark: return "`" + name.replacing("`", with: "``") + "`"
    }
  }

  /// A string literal.
  public func literal(_ text: String) -> String {
    var escaped = text.replacing("'", with: "''")
    if self == .spark { escaped = escaped.replacing("\\", with: "\\\\") }
    return "'" + escaped + "'"
  }

  /// The type a value is cast to for reading as text.
  public var textType: String {
    switch self {
    case .postgres, .sqlite: return "TEXT"
    case .trino: return "VARCHAR"
    case .spark: return "STRING"
    }
  }

  /// The number of decimals `expression`'s value is stored with, where the dialect can tell
  /// it value by value; nil where the column's type fixes it.
  public func scale(of expression: String) -> String? {
    self == .postgres ? "scale(\(expression))" : nil
  }

  /// `value` as a decimal literal, written out in full: `0.001`, `1000000`.
  public static func decimal(_ value: ExactDecimal) -> String {
    let digits = String(value.significand.magnitude)
    let sign = value.isNegative ? "-" : ""
    if value.exponent >= 0 {
      return sign + digits
        + String(repeating: "0", count: value.significand == 0 ? 0 : value.exponent)
    }
    let point = -value.exponent
    let padded =
      digits.count <= point
      ? String(repeating: "0", count: point - digits.count + 1) + digits : digits
    let whole = padded.dropLast(point)
    return sign + whole + "." + padded.suffix(point)
  }
}
