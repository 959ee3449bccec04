import FactlintModel
import RuleEngine

/// A connection to a database, as the run needs it: every statement factlint sends is a
/// `SELECT`, inside a transaction the connection opened read-only.
public protocol SQLSession: Sendable {
  /// The SQL the database speaks.
  var dialect: SQLDialect { get }
  /// The names and types of the columns `sql` returns, without running it over the rows.
  func columns(of sql: String) async throws(DatabaseFailure) -> [SQLColumn]
  /// Every row `sql` returns, each column as text or NULL; the query bounds the count.
  func rows(_ sql: String) async throws(DatabaseFailure) -> [[String?]]
  /// Hands each row `sql` returns to `body` as it arrives, so that a large result is never
  /// held whole.
  func forEachRow(_ sql: String, _ body: ([String?]) -> Void) async throws(DatabaseFailure)
}

/// A column of a result.
public struct SQLColumn: Sendable, Hashable {
  /// What a column's type holds, as far as reading figures goes.
  public enum Kind: Sendable, Hashable {
    /// Whole numbers.
    case integer
    /// Exact decimals.
    case decimal
    /// Binary floating point: not exact.
    case float
    /// Text.
    case text
    /// Anything else, by its name.
    case other(String)
  }

  /// The column's name.
  public var name: String
  /// What its type holds.
  public var kind: Kind

  /// Creates a column.
  public init(name: String, kind: Kind) {
    self.name = name
    self.kind = kind
  }
}

/// Why the database did not answer: what it said, and whether it said the relation is missing
/// or a column is.
public struct DatabaseFailure: Error, Sendable {
  /// What went wrong, as far as factlint's advice goes.
  public enum Kind: Sendable {
    /// The table or a table the query reads does not exist.
    case missingRelation
    /// A column named does not exist.
    case missingColumn
    /// The server refused or dropped the connection, or the login failed.
    case connection
    /// Any other error the server reported.
    case other
  }

  /// What went wrong.
  public var kind: Kind
  /// What the server or the connection said.
  public var message: String

  /// Creates a failure.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }
}

/// Runs rules over a database source: the checks with a plan in place, as SQL, the others not
/// at all (said in a notice); or every row read into memory, for comparison.
public struct DatabaseRun: Sendable {
  /// The most distinct periods, units or decimals a source may have.
  public static let distinctLimit = 10_000
  /// The most violations reported per rule.
  public static let violationLimit = 10_000
  /// The most rows read into memory: as many figures as a large data file holds.
  public static let rowLimit = 10_000_000

  /// The source as configured.
  public let source: DatabaseSource
  /// Where its rows are located, without credentials.
  public let address: String
  /// The connection.
  public let session: any SQLSession

  /// Creates a run over `source`, reached through `session`, its rows located at `address`.
  public init(source: DatabaseSource, address: String, session: any SQLSession) {
    self.source = source
    self.address = address
    self.session = session
  }

  /// Reads what the source's columns and distinct values are; problems for what does not fit.
  public func shape() async -> Result<SourceShape, Problem> {
    var shape = SourceShape(source: source, address: address)
    let plain = SQLCompiler(shape: shape, dialect: session.dialect)
    let columns: [SQLColumn]
    do {
      columns = try await session.columns(of: "SELECT * FROM \(plain.relation)")
    } catch {
      return .failure(problem(error, at: source.relationLocation))
    }
    for role in DatabaseSource.Role.allCases {
      guard let name = source.columns[role], let location = source.columnLocations[role] else {
        continue
      }
      guard let index = columns.firstIndex(where: { $0.name == name }) else {
        let names = columns.map(\.name)
        let suggestion = Suggestion.closest(to: name, in: names).map { " (did you mean '\($0)'?)" }
        return .failure(
          Problem(
            .database(
              "\(describedRelation) has no column '\(name)'\(suggestion ?? ""); its columns are "
                + names.joined(separator: ", ")),
            at: location))
      }
      let kind = columns[index].kind
      if role == .value { shape.valueColumn = index + 1 }
      // SQLite keeps exact decimals only as text.
      let exactText = session.dialect == .sqlite && role == .value && kind == .text
      if !exactText, let wrong = Self.typeProblem(role: role, kind: kind) {
        return .failure(
          Problem(.database("column '\(name)' \(wrong)"), at: location))
      }
    }
    let compiler = SQLCompiler(shape: shape, dialect: session.dialect)
    do throws(Problem) {
      try await checkNulls(compiler)
      shape.periods = try await distinct(.period, compiler) { text throws(Problem) in
        guard let period = Period(text) else {
          throw Problem(.invalidPeriod(text), at: source.location)
        }
        return period
      }
      shape.units = try await units(compiler)
      shape.places = try await places(compiler)
    } catch {
      return .failure(error)
    }
    return .success(shape)
  }

  /// How the source is named in messages.
  var describedRelation: String {
    source.table.map { "table '\($0)'" } ?? "the query"
  }

  /// Why a column of `kind` cannot hold `role`, or nil when it can.
  static func typeProblem(role: DatabaseSource.Role, kind: SQLColumn.Kind) -> String? {
    switch (role, kind) {
    case (.id, .integer), (.decimals, .integer): return nil
    case (.value, .integer), (.value, .decimal), (.precision, .integer), (.precision, .decimal):
      return nil
    case (.value, .float), (.precision, .float):
      return "is binary floating point, which holds no exact decimals; store it as numeric, or "
        + "cast it in a query: CAST(amount AS numeric)"
    case (.id, _):
      return "is not an integer column; map 'id' to a column of unique integers"
    case (.decimals, _):
      return "is not an integer column; decimals are whole numbers (2 for hundredths)"
    case (.value, _), (.precision, _):
      return "is \(kind.name), not a number; store it as numeric"
    case (_, .text): return nil
    default:
      return "is \(kind.name), not text; cast it in a query: CAST(x AS text)"
    }
  }

  /// A located problem for a database failure.
  func problem(_ failure: DatabaseFailure, at location: SourceLocation) -> Problem {
    switch failure.kind {
    case .missingRelation:
      return Problem(
        .database(
          "\(describedRelation) does not exist in \(address): \(failure.message); name an "
            + "existing table, with its schema if it is not on the search path"),
        at: location)
    case .connection:
      return Problem(.database(failure.message), at: source.urlLocation)
    case .missingColumn, .other:
      return Problem(.database("\(address): \(failure.message)"), at: location)
    }
  }

  /// Fails at the first rows with a NULL where a figure needs a value.
  func checkNulls(_ compiler: SQLCompiler) async throws(Problem) {
    let needed: [DatabaseSource.Role] = [.id, .entity, .metric, .period, .value]
    let tests = needed.map { "\(compiler.stored($0)!) IS NULL" }
    let which = needed.map { "WHEN \(compiler.stored($0)!) IS NULL THEN '\($0.rawValue)'" }
    let sql =
      "SELECT CAST(\(compiler.stored(.id)!) AS \(compiler.dialect.textType)), CASE "
      + which.joined(separator: " ") + " END FROM \(compiler.relation) WHERE "
      + tests.joined(separator: " OR ") + " LIMIT 1"
    let rows = try await answer(sql)
    guard let row = rows.first, let role = row[1].flatMap(DatabaseSource.Role.init) else { return }
    let problem = compiler.shape.nullValue(role)
    guard row[0] != nil else {
      throw Problem(problem, at: source.columnLocations[.id] ?? source.location)
    }
    throw Problem(problem, at: record(row[0]))
  }

  /// The row whose id a query returned as text.
  func record(_ id: String?) -> SourceLocation {
    .record(in: address, id: id.flatMap(Int.init) ?? 0, column: 1)
  }

  /// The rows of `sql`, with a failure located at the source.
  func answer(_ sql: String) async throws(Problem) -> [[String?]] {
    do {
      return try await session.rows(sql)
    } catch {
      throw problem(error, at: source.relationLocation)
    }
  }

  /// Each distinct value of `role` read by `read`, which fails at the first row holding it.
  func distinct<Value>(
    _ role: DatabaseSource.Role, _ compiler: SQLCompiler,
    read: (String) throws(Problem) -> Value
  ) async throws(Problem) -> [String: Value] {
    let column = compiler.stored(role)!
    let id = compiler.stored(.id)!
    let rows = try await answer(
      "SELECT \(column), MIN(\(id)) FROM \(compiler.relation) GROUP BY \(column) "
        + "LIMIT \(Self.distinctLimit + 1)")
    try tooMany(rows.count, role.rawValue)
    var values: [String: Value] = [:]
    for row in rows {
      guard let text = row[0] else { continue }
      do {
        values[text] = try read(text)
      } catch {
        var located = error
        located.location = record(row[1])
        throw located
      }
    }
    return values
  }

  func tooMany(_ count: Int, _ what: String) throws(Problem) {
    guard count > Self.distinctLimit else { return }
    throw Problem(
      .database(
        "\(describedRelation) has more than \(Self.distinctLimit) distinct values of \(what); "
          + "map a column that names \(what)s, not one per row"),
      at: source.columnLocations[DatabaseSource.Role(rawValue: what) ?? .id] ?? source.location)
  }

  /// Each distinct unit and currency pair.
  func units(_ compiler: SQLCompiler) async throws(Problem) -> [SourceShape.UnitText: QuantityUnit]
  {
    let columns = [compiler.stored(.unit), compiler.stored(.currency)]
    guard columns.contains(where: { $0 != nil }) else { return [:] }
    let listed = columns.map { $0 ?? "NULL" }
    let grouped = columns.compactMap { $0 }.joined(separator: ", ")
    let rows = try await answer(
      "SELECT \(listed.joined(separator: ", ")), MIN(\(compiler.stored(.id)!)) FROM "
        + "\(compiler.relation) GROUP BY \(grouped) LIMIT \(Self.distinctLimit + 1)")
    try tooMany(rows.count, "unit")
    var units: [SourceShape.UnitText: QuantityUnit] = [:]
    for row in rows {
      let text = SourceShape.UnitText(unit: row[0], currency: row[1])
      guard let unit = SourceShape.unit(of: text) else {
        throw Problem(SourceShape.notACurrency(text), at: record(row[2]))
      }
      units[text] = unit
    }
    return units
  }

  /// Each distinct decimals value, or the values' own scales when neither decimals nor
  /// precision is mapped and the dialect tells a value's scale.
  func places(_ compiler: SQLCompiler) async throws(Problem) -> [Int: ExactDecimal] {
    let tested: String
    if let decimals = compiler.stored(.decimals) {
      tested = decimals
    } else if compiler.stored(.precision) == nil,
      let scale = compiler.dialect.scale(of: compiler.stored(.value)!)
    {
      tested = scale
    } else {
      return [:]
    }
    let rows = try await answer(
      "SELECT CAST(\(tested) AS \(compiler.dialect.textType)), MIN(\(compiler.stored(.id)!)) "
        + "FROM \(compiler.relation) GROUP BY \(tested) LIMIT \(Self.distinctLimit + 1)")
    try tooMany(rows.count, "decimals")
    var places: [Int: ExactDecimal] = [:]
    for row in rows {
      guard let text = row[0] else { continue }
      guard let decimals = SourceShape.decimals(text) else {
        throw Problem(SourceShape.invalidDecimals(text), at: record(row[1]))
      }
      places[decimals] = SourceShape.place(decimals: decimals)
    }
    return places
  }

  // MARK: Running rules

  /// Runs `rules` over every row read into memory, as over a data file: every check runs.
  public func checkLoaded(_ rules: [Rule], shape: SourceShape, configuration: Configuration)
    async -> (diagnostics: [Diagnostic], problems: [Problem])
  {
    let (figures, problems) = await load(shape: shape)
    guard problems.isEmpty else { return ([], problems) }
    let dataset = Dataset(figures: figures).applying(configuration.tolerance)
    var diagnostics: [Diagnostic] = []
    var found: [Problem] = []
    for result in Engine.runAll(rules, in: dataset, configuration: configuration) {
      switch result {
      case .success(let more): diagnostics += more
      case .failure(let problem): found.append(problem)
      }
    }
    return (diagnostics, found)
  }

  /// Runs `rules` in place: each rule's query returns its violations' figures, which the
  /// rule's check then judges as it would in memory.
  public func check(_ rules: [Rule], shape: SourceShape, configuration: Configuration) async
    -> (diagnostics: [Diagnostic], problems: [Problem])
  {
    let compiler = SQLCompiler(
      shape: shape, dialect: session.dialect, limit: Self.violationLimit)
    let reader = RecordReader(shape: shape)
    var diagnostics: [Diagnostic] = []
    var problems: [Problem] = []
    for var rule in rules {
      rule.severity = configuration.severity(of: rule.id, default: rule.severity)
      guard rule.severity != .off else { continue }
      guard let sql = compiler.query(for: rule) else {
        problems.append(
          Problem(
            .databaseNotice(
              "rule '\(rule.id)' (\(rule.checkID)) runs in memory only, so it checks no figure "
                + "of \(address); load the rows with --load to run it"),
            at: rule.location))
        continue
      }
      do throws(Problem) {
        var groups = try await answer(sql).map { $0.compactMap { $0.flatMap(Int.init) } }
        if groups.count > Self.violationLimit {
          groups.removeLast(groups.count - Self.violationLimit)
          problems.append(
            Problem(
              .databaseNotice(
                "rule '\(rule.id)' has more than \(Self.violationLimit) violations in "
                  + "\(address); the first \(Self.violationLimit) by id are reported"),
              at: rule.location))
        }
        let figures = try await fetch(Set(groups.joined()), compiler: compiler, reader: reader)
        for group in groups {
          let used = group.compactMap { figures[$0] }
          guard used.count == group.count, let first = used.first else { continue }
          // The check judges the figures the database found, as it would among all of them.
          let selected = rule.check.inPlacePlan == .restatement ? used : [first]
          let findings = rule.check.evaluate(
            Selection(figures: selected), in: Dataset(figures: used))
          diagnostics += Engine.diagnostics(findings, of: rule)
        }
      } catch {
        problems.append(error)
      }
    }
    return (diagnostics, problems)
  }

  /// The figures with the given ids, read in batches.
  func fetch(_ ids: Set<Int>, compiler: SQLCompiler, reader: RecordReader) async throws(Problem)
    -> [Int: Figure]
  {
    var figures: [Int: Figure] = [:]
    let sorted = ids.sorted()
    for start in stride(from: 0, to: sorted.count, by: 500) {
      let batch = Array(sorted[start..<min(start + 500, sorted.count)])
      for row in try await answer(compiler.rows(ids: batch)) {
        let figure = try reader.figure(row)
        figures[figure.location.line] = figure
      }
    }
    return figures
  }

  /// Every row read into memory, in id order, as a data file for the engine.
  public func load(shape: SourceShape) async -> (figures: [Figure], problems: [Problem]) {
    let compiler = SQLCompiler(shape: shape, dialect: session.dialect)
    let reader = RecordReader(shape: shape)
    var figures: [Figure] = []
    var problems: [Problem] = []
    do throws(DatabaseFailure) {
      try await session.forEachRow(compiler.rows(limit: Self.rowLimit + 1)) { row in
        guard figures.count < Self.rowLimit else {
          if problems.isEmpty {
            problems.append(
              Problem(
                .database(
                  "\(describedRelation) has more than \(Self.rowLimit) rows, more than factlint "
                    + "reads into memory; check it in place (PostgreSQL), or select fewer rows "
                    + "with a query"),
                at: source.relationLocation))
          }
          return
        }
        do throws(Problem) {
          figures.append(try reader.figure(row))
        } catch {
          if problems.count < 100 { problems.append(error) }
        }
      }
    } catch {
      problems.append(problem(error, at: source.relationLocation))
    }
    return (figures, problems)
  }
}

extension SQLColumn.Kind {
  var name: String {
    switch self {
    case .integer: return "an integer"
    case .decimal: return "a decimal"
    case .float: return "floating point"
    case .text: return "text"
    case .other(let type): return type
    }
  }
}
