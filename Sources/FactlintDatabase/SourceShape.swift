import FactlintModel
import RuleEngine

/// A database source as factlint reads it: its relation, its mapped columns, and what the
/// few distinct values of its periods, units and decimals mean, learned when the run starts.
/// A row read into memory and a row compared in SQL are read through the same shape.
public struct SourceShape: Sendable {
  /// The source as configured.
  public var source: DatabaseSource
  /// Where the source's rows are, without credentials: `postgres://host:5432/desk/figures`.
  public var address: String
  /// Each period as stored, and the period it is.
  public var periods: [String: Period] = [:]
  /// Each stored unit and currency pair, and the unit it is.
  public var units: [UnitText: QuantityUnit] = [:]
  /// Each stored value of the decimals column, or of the value's own scale when neither
  /// decimals nor precision is mapped, and the place value of a figure's last digit it gives.
  public var places: [Int: ExactDecimal] = [:]
  /// The decimals every value has, for dialects whose values do not carry their scale.
  public var declaredScale: Int?
  /// The position of the value column in the relation, shown as the column of a finding.
  public var valueColumn = 1

  /// A stored unit and currency, either possibly missing.
  public struct UnitText: Sendable, Hashable {
    /// The unit column's text.
    public var unit: String?
    /// The currency column's text.
    public var currency: String?

    /// Creates the pair, with empty text read as missing.
    public init(unit: String?, currency: String?) {
      self.unit = unit.flatMap { $0.isEmpty ? nil : $0 }
      self.currency = currency.flatMap { $0.isEmpty ? nil : $0 }
    }
  }

  /// Creates the shape of a source before its values are read.
  public init(source: DatabaseSource, address: String) {
    self.source = source
    self.address = address
  }

  /// The column mapped to `role`.
  func column(_ role: DatabaseSource.Role) -> String? { source.columns[role] }

  /// The unit a stored pair stands for, read as a CSV file's `unit` and `currency` columns are:
  /// "%" and "pp", a currency code, or a count of the noun; nil when the currency is no code.
  public static func unit(of text: UnitText) -> QuantityUnit? {
    if let currency = text.currency {
      guard let code = ReportScale.currencyCode(currency) else { return nil }
      return .currency(code)
    }
    guard let unit = text.unit?.trimmingSpaces, !unit.isEmpty else {
      return .count(nil)
    }
    return .named(unit)
  }

  /// The unit's text for comparing units in SQL: the unit exactly, and its kind (any count is
  /// comparable with any other, as in memory).
  static func unitKey(_ unit: QuantityUnit) -> (exact: String, kind: String) {
    switch unit {
    case .count(let noun): return ("count:" + (noun ?? ""), "count")
    case .currency(let code): return ("currency:" + code, "currency:" + code)
    case .percent: return ("percent", "percent")
    case .percentagePoints: return ("pp", "pp")
    case .multiple: return ("multiple", "multiple")
    }
  }

  /// The place value of a figure's last digit for a stored decimals value `d`: 10^-d.
  static func place(decimals: Int) -> ExactDecimal { .powerOfTen(-decimals) }

  /// A stored decimals value, a whole number from -30 to 30, or nil.
  static func decimals(_ text: String) -> Int? {
    Int(text).flatMap { abs($0) <= 30 ? $0 : nil }
  }

  // What is wrong with a row, worded once for the rows read and the distinct values learned.

  /// A NULL where a figure needs `role`.
  func nullValue(_ role: DatabaseSource.Role) -> InputError {
    .database(
      "the row's \(role.rawValue) (column '\(column(role) ?? role.rawValue)') is NULL; give "
        + "every row one, or leave such rows out with a query")
  }

  /// A currency that is no currency code.
  static func notACurrency(_ text: UnitText) -> InputError {
    .database(
      "the currency '\(text.currency ?? "")' is not a currency code; store an ISO 4217 code "
        + "such as USD")
  }

  /// A decimals value out of range.
  static func invalidDecimals(_ text: String) -> InputError {
    .database("decimals '\(text)' is not a whole number from -30 to 30")
  }
}
