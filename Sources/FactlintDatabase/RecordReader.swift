import FactlintModel
import RuleEngine

/// Reads a database row into a figure. The row comes as text, in the order of
/// ``SQLCompiler/rowColumns``: id, entity, metric, period, segment, value, decimals or
/// precision, unit, currency; a role the source does not map is NULL.
///
/// A value is as precise as `decimals` says (10^-d, as XBRL reads it; NULL is exact), or as a
/// `precision` column says, or else as its stored digits show: `1234.50` to the hundredth. A
/// value is stored, not written, so no trailing zeros are read as rounding.
public struct RecordReader: Sendable {
  /// The source's shape.
  public let shape: SourceShape

  /// Creates a reader.
  public init(shape: SourceShape) {
    self.shape = shape
  }

  /// The figure of `row`; throws a problem located at the row when it cannot be read.
  public func figure(_ row: [String?]) throws(Problem) -> Figure {
    guard row.count == 9, let idText = row[0], let id = Int(idText) else {
      throw Problem(
        .database("a row's id is not an integer; map 'id' to an integer column of unique ids"),
        at: shape.source.columnLocations[.id] ?? shape.source.location)
    }
    let location = SourceLocation.record(in: shape.address, id: id, column: shape.valueColumn)
    func required(_ index: Int, _ role: DatabaseSource.Role) throws(Problem) -> String {
      guard let text = row[index] else { throw Problem(shape.nullValue(role), at: location) }
      return text
    }
    let periodText = try required(3, .period)
    guard let period = shape.periods[periodText] ?? Period(periodText) else {
      throw Problem(.invalidPeriod(periodText), at: location)
    }
    let valueText = try required(5, .value)
    guard let value = ExactDecimal(valueText) else {
      throw Problem(
        .database(
          "the value '\(valueText)' is not an exact decimal of at most 36 digits; store it as "
            + "numeric"),
        at: location)
    }
    let unitText = SourceShape.UnitText(unit: row[7], currency: row[8])
    guard let unit = shape.units[unitText] ?? SourceShape.unit(of: unitText) else {
      throw Problem(SourceShape.notACurrency(unitText), at: location)
    }
    let precision = try place(row[6], value: valueText, at: location)
    let segment = row[4].flatMap { $0.isEmpty ? nil : $0 }
    let quantity = Quantity(
      value: value, unit: unit, precision: precision,
      text: Self.shown(valueText, unit: unit))
    return Figure(
      key: FigureKey(
        entity: try required(1, .entity), metric: try required(2, .metric), period: period,
        segment: segment),
      quantity: quantity, location: location)
  }

  /// The place value of the figure's last digit.
  func place(_ text: String?, value: String, at location: SourceLocation) throws(Problem)
    -> ExactDecimal
  {
    if shape.column(.decimals) != nil {
      guard let text else { return .zero }
      guard let decimals = SourceShape.decimals(text) else {
        throw Problem(SourceShape.invalidDecimals(text), at: location)
      }
      return SourceShape.place(decimals: decimals)
    }
    if shape.column(.precision) != nil {
      guard let text else { return .zero }
      guard let precision = ExactDecimal(text), !precision.isNegative else {
        throw Problem(
          .database("precision '\(text)' is not a place value such as 0.1 or 1000"), at: location)
      }
      return precision
    }
    let decimals = value.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
    return SourceShape.place(decimals: decimals)
  }

  /// A value as messages show it: `USD 1234.5`, `12.5%`, `42 units`.
  static func shown(_ value: String, unit: QuantityUnit) -> String {
    switch unit {
    case .currency(let code): return code + " " + value
    case .percent: return value + "%"
    case .percentagePoints: return value + " pp"
    case .multiple: return value + "x"
    case .count(let noun): return noun.map { value + " " + $0 } ?? value
    }
  }
}
