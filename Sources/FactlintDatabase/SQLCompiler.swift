import FactlintModel
import RuleEngine

/// Compiles a rule's ``InPlacePlan`` to one `SELECT` that returns the ids of the figures that
/// fail it under the strict reading, with the ids of the figures each was compared with: a
/// total with its parts, a figure with the first of its key. Intervals are those of memory: a
/// figure of value v whose last digit is worth p stands for [v - p/2, v + p/2], in the
/// database's exact decimals. Only the violations leave the database.
public struct SQLCompiler: Sendable {
  /// The source's shape.
  public let shape: SourceShape
  /// The dialect written.
  public let dialect: SQLDialect
  /// The most violations a query returns: one more than a rule reports, to tell there are more.
  public let limit: Int

  /// Creates a compiler.
  public init(shape: SourceShape, dialect: SQLDialect, limit: Int = 10_000) {
    self.shape = shape
    self.dialect = dialect
    self.limit = limit
  }

  /// The parts of a figure's key a selector can name.
  enum Field: String, CaseIterable {
    case entity, metric, period, segment

    /// The role of the column the part is read from.
    var role: DatabaseSource.Role { DatabaseSource.Role(rawValue: rawValue)! }

    /// The name a figure's key part has in a compiled query.
    var name: String { rawValue }

    func value(in selector: Selector) -> String? {
      switch self {
      case .entity: return selector.entity
      case .metric: return selector.metric
      case .period: return selector.period?.description
      case .segment: return selector.segment
      }
    }
  }

  /// Literal key parts figures must have, or nil when two selectors contradict each other.
  typealias Filter = [Field: String]

  static func filter(_ selectors: Selector...) -> Filter? {
    var filter: Filter = [:]
    for selector in selectors {
      for field in Field.allCases {
        guard let value = field.value(in: selector) else { continue }
        if let other = filter[field], other != value { return nil }
        filter[field] = value
      }
    }
    return filter
  }

  /// The query for `rule`, or nil when its check has no plan or the dialect no exact
  /// arithmetic.
  public func query(for rule: Rule) -> String? {
    guard dialect.computesExactly else { return nil }
    switch rule.check.inPlacePlan {
    case .total(let total, let parts, let isPartial):
      return totalQuery(where: rule.selector, total: total, parts: parts, isPartial: isPartial)
    case .restatement:
      return restatementQuery(where: rule.selector)
    case nil:
      return nil
    }
  }

  // MARK: Figures

  /// The relation the rows come from, aliased `s`.
  var relation: String {
    if let table = shape.source.table { return dialect.identifier(table) + " AS s" }
    var query = shape.source.query ?? ""
    while let last = query.last, last == ";" || last.isWhitespace { query.removeLast() }
    return "(" + query + ") AS s"
  }

  func stored(_ role: DatabaseSource.Role) -> String? {
    shape.column(role).map { "s." + dialect.column($0) }
  }

  /// The period as its canonical text: stored spellings that differ from it are mapped.
  var periodExpression: String {
    let column = stored(.period)!
    let renamed = shape.periods.filter { $0.key != $0.value.description }.sorted { $0.key < $1.key }
    guard !renamed.isEmpty else { return column }
    let cases = renamed.map {
      "WHEN \(dialect.literal($0.key)) THEN \(dialect.literal($0.value.description))"
    }
    return "CASE \(column) " + cases.joined(separator: " ") + " ELSE \(column) END"
  }

  /// The unit's exact or comparable text.
  func unitExpression(kind: Bool) -> String {
    let unit = stored(.unit)
    let currency = stored(.currency)
    let pairs = shape.units.sorted { "\($0.key)" < "\($1.key)" }
    guard unit != nil || currency != nil, !pairs.isEmpty else {
      let key = SourceShape.unitKey(.count(nil))
      return dialect.literal(kind ? key.kind : key.exact)
    }
    let cases = pairs.map { text, value in
      var tests: [String] = []
      if let unit { tests.append("COALESCE(\(unit), '') = \(dialect.literal(text.unit ?? ""))") }
      if let currency {
        tests.append("COALESCE(\(currency), '') = \(dialect.literal(text.currency ?? ""))")
      }
      let key = SourceShape.unitKey(value)
      return "WHEN " + tests.joined(separator: " AND ") + " THEN "
        + dialect.literal(kind ? key.kind : key.exact)
    }
    return "CASE " + cases.joined(separator: " ") + " END"
  }

  /// The place value of each figure's last digit.
  var placeExpression: String {
    if let precision = stored(.precision) { return "COALESCE(\(precision), 0)" }
    let decimals = stored(.decimals)
    let value = stored(.value)!
    guard let tested = decimals ?? dialect.scale(of: value) else {
      return SQLDialect.decimal(SourceShape.place(decimals: shape.declaredScale ?? 0))
    }
    let cases = shape.places.keys.sorted().map {
      "WHEN \($0) THEN \(SQLDialect.decimal(SourceShape.place(decimals: $0)))"
    }
    // A NULL in the decimals column is exact, as XBRL's INF is.
    return "CASE \(tested) " + cases.joined(separator: " ") + " ELSE 0 END"
  }

  /// The rows `filter` allows, each as its id, key, interval, unit and unit kind.
  func figures(_ filter: Filter) -> String {
    let value = stored(.value)!
    let place = placeExpression
    let segment = stored(.segment).map { "COALESCE(\($0), '')" } ?? "''"
    var conditions: [String] = []
    for field in Field.allCases.filter({ filter[$0] != nil }) {
      let wanted = filter[field]!
      guard let column = stored(field.role) else {
        // A source without segments has only whole-entity figures.
        conditions.append("1 = 0")
        continue
      }
      if field == .period {
        let spellings = shape.periods.filter { $0.value.description == wanted }.keys.sorted()
        conditions.append(
          spellings.isEmpty
            ? "1 = 0"
            : "\(column) IN (" + spellings.map(dialect.literal).joined(separator: ", ") + ")")
      } else {
        conditions.append("\(column) = \(dialect.literal(wanted))")
      }
    }
    let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    return """
      SELECT \(stored(.id)!) AS id, \(stored(.entity)!) AS entity, \(stored(.metric)!) AS metric, \
      \(periodExpression) AS period, \(segment) AS segment, \
      \(value) - (\(place)) * 0.5 AS lo, \(value) + (\(place)) * 0.5 AS hi, \
      \(unitExpression(kind: false)) AS unit, \(unitExpression(kind: true)) AS kind \
      FROM \(relation)\(whereClause)
      """
  }

  /// The columns ``RecordReader`` reads, as text, of the rows whose ids are listed, or of
  /// every row in id order, up to `limit` rows.
  public func rows(ids: [Int]? = nil, limit: Int? = nil) -> String {
    let columns: [String?] = [
      stored(.id), stored(.entity), stored(.metric), stored(.period), stored(.segment),
      stored(.value), stored(.decimals) ?? stored(.precision), stored(.unit), stored(.currency),
    ]
    let list = columns.map { column in
      column.map { "CAST(\($0) AS \(dialect.textType))" } ?? "NULL"
    }.joined(separator: ", ")
    let id = stored(.id)!
    guard let ids else {
      return "SELECT \(list) FROM \(relation) ORDER BY \(id)" + (limit.map { " LIMIT \($0)" } ?? "")
    }
    let wanted = ids.map(String.init).joined(separator: ", ")
    return "SELECT \(list) FROM \(relation) WHERE \(id) IN (\(wanted)) ORDER BY \(id)"
  }

  // MARK: Checks

  func totalQuery(where selector: Selector, total: Selector, parts: [Selector], isPartial: Bool)
    -> String
  {
    // A `where` and a `total` that contradict each other select no total.
    let combined = Self.filter(selector, total)
    let totals = combined ?? [:]
    var joins: [String] = []
    var conditions: [String] = combined == nil ? ["1 = 0"] : []
    var lows: [String] = []
    var highs: [String] = []
    var found: [String] = []
    for (index, part) in parts.enumerated() {
      let alias = "p\(index + 1)"
      let named = Field.allCases.filter { $0.value(in: part) != nil }
      // The part's own names, and the total's for the rest: a part's key is the total's with
      // the part's names put in.
      var filter: Filter = [:]
      for field in Field.allCases {
        if let value = field.value(in: part) {
          filter[field] = value
        } else if let value = totals[field] {
          filter[field] = value
        }
      }
      let on =
        ["\(alias).kind = t.kind"]
        + Field.allCases.filter { !named.contains($0) }.map { "\(alias).\($0.name) = t.\($0.name)" }
      joins.append(
        (isPartial ? "LEFT JOIN " : "JOIN ")
          + "(SELECT * FROM (SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.entity, f.metric, "
          + "f.period, f.segment, f.kind ORDER BY f.id) AS nth FROM (\(figures(filter))) AS f) "
          + "AS r WHERE r.nth = 1) AS \(alias) ON " + on.joined(separator: " AND "))
      // A part whose key is the total's own leaves the total unchecked, as in memory.
      let same = named.map { "t.\($0.name) = \(dialect.literal($0.value(in: part)!))" }
      conditions.append(same.isEmpty ? "1 = 0" : "NOT (" + same.joined(separator: " AND ") + ")")
      let (low, high) =
        isPartial
        ? ("COALESCE(\(alias).lo, 0)", "COALESCE(\(alias).hi, 0)") : ("\(alias).lo", "\(alias).hi")
      lows.append(part.isNegated ? "- \(high)" : "+ \(low)")
      highs.append(part.isNegated ? "- \(low)" : "+ \(high)")
      found.append("\(alias).id IS NOT NULL")
    }
    let sumLow = "(0 " + lows.joined(separator: " ") + ")"
    let sumHigh = "(0 " + highs.joined(separator: " ") + ")"
    if isPartial {
      conditions.append("(" + found.joined(separator: " OR ") + ")")
      conditions.append("\(sumLow) > t.hi")
    } else {
      conditions.append("(\(sumLow) > t.hi OR t.lo > \(sumHigh))")
    }
    let ids = (["t.id"] + parts.indices.map { "p\($0 + 1).id" }).joined(separator: ", ")
    return "SELECT \(ids) FROM (\(figures(totals))) AS t "
      + joins.joined(separator: " ") + " WHERE " + conditions.joined(separator: " AND ")
      + " ORDER BY t.id LIMIT \(limit + 1)"
  }

  func restatementQuery(where selector: Selector) -> String {
    let window = "PARTITION BY f.entity, f.metric, f.period, f.segment, f.unit ORDER BY f.id"
    return "SELECT g.first_id, g.id FROM (SELECT f.id, f.lo, f.hi, "
      + "FIRST_VALUE(f.id) OVER (\(window)) AS first_id, "
      + "FIRST_VALUE(f.lo) OVER (\(window)) AS first_lo, "
      + "FIRST_VALUE(f.hi) OVER (\(window)) AS first_hi "
      + "FROM (\(figures(Self.filter(selector) ?? [:]))) AS f) AS g "
      + "WHERE g.id <> g.first_id AND (g.hi < g.first_lo OR g.first_hi < g.lo) "
      + "ORDER BY g.id LIMIT \(limit + 1)"
  }
}
