import Checks
import FactlintDatabase
import FactlintModel
import FactlintTestSupport
import FactlintYAML
import Foundation
import RuleEngine
import Testing

/// Databases checked in place, through the real `factlint db` against a real PostgreSQL server
/// (started by `scripts/with-postgres.sh`), and the SQL the checks compile to, per dialect.
@Suite struct DatabaseTests {
  /// The test server's address, or why there is none.
  static let server = ProcessInfo.processInfo.environment["FACTLINT_TEST_POSTGRES"]
  static let serverProblem =
    ProcessInfo.processInfo.environment["FACTLINT_TEST_POSTGRES_ERROR"]
    ?? "FACTLINT_TEST_POSTGRES is not set: run the tests through scripts/with-postgres.sh"
  /// In CI a missing server fails the tests that need one; elsewhere they are skipped, saying
  /// why.
  static let requireServer = ProcessInfo.processInfo.environment["CI"] != nil

  static let rules = """
    rules:
      - id: revenue-parts
        check: total
        total: { metric: revenue }
        parts: [product_revenue, service_revenue, -discounts]
      - id: online-share
        check: total
        total: { metric: revenue }
        parts: [online_revenue]
        partial: true
      - id: regions
        check: total
        where: { metric: units }
        total: { segment: all }
        parts: [{ segment: north }, { segment: south }]
      - id: restated
        check: restatement
      - id: growth
        check: growth
    """

  /// A table of figures with totals that agree and that do not, at many precisions, in two
  /// currencies and a count, with restatements and a period spelt two ways.
  /// `quoted` writes the values as strings, as SQLite keeps them exactly in a text column.
  static func dataset(rows: Int, table: String, quoted: Bool = false) -> String {
    var random = SeededGenerator(seed: 20_261_203)
    var sql = """
      CREATE TABLE \(table) (id bigint PRIMARY KEY, company text NOT NULL, item text NOT NULL,
        period text NOT NULL, segment text, amount numeric NOT NULL, decimals int, unit text,
        currency text);

      """
    var id = 0
    var values: [String] = []
    func add(
      _ entity: String, _ metric: String, _ period: String, _ segment: String?, _ value: Int,
      decimals: Int?, currency: String?, unit: String? = nil
    ) {
      id += 1
      let shown: String
      if let decimals, decimals > 0 {
        let text = String(abs(value)).leftPadded(to: decimals + 1)
        shown = (value < 0 ? "-" : "") + text.dropLast(decimals) + "." + text.suffix(decimals)
      } else {
        shown = String(value)
      }
      func literal(_ text: String?) -> String { text.map { "'\($0)'" } ?? "NULL" }
      values.append(
        "(\(id), '\(entity)', '\(metric)', '\(period)', \(literal(segment)), "
          + "\(quoted ? "'\(shown)'" : shown), "
          + "\(decimals.map(String.init) ?? "NULL"), \(literal(unit)), \(literal(currency)))")
    }
    let periods = ["2021", "2022", "2023", "2024-Q2", "Q2 2024", "FY2025"]
    var entity = 0
    while id < rows {
      entity += 1
      let name = "company\(entity)"
      let currency = entity % 3 == 0 ? "EUR" : "USD"
      let period = periods[entity % periods.count]
      let decimals: Int? = entity % 7 == 0 ? nil : [0, 1, 2, -3][entity % 4]
      let product = Int(random.next() % 90_000) + 1_000
      let service = Int(random.next() % 50_000) + 500
      let discounts = Int(random.next() % 2_000)
      var total = product + service - discounts
      // One in five totals is off: by a slip of the last digit, a swap, or a lot.
      switch random.next() % 10 {
      case 0: total += 1
      case 1: total += 2
      case 2: total = total * 10 + 3
      default: break
      }
      add(name, "revenue", period, nil, total, decimals: decimals, currency: currency)
      add(name, "product_revenue", period, nil, product, decimals: decimals, currency: currency)
      add(name, "service_revenue", period, nil, service, decimals: decimals, currency: currency)
      add(name, "discounts", period, nil, discounts, decimals: decimals, currency: currency)
      let online = random.next() % 8 == 0 ? total + 5_000 : product / 2
      add(name, "online_revenue", period, nil, online, decimals: decimals, currency: currency)
      // Restated figures: some within their precision, some not.
      if random.next() % 4 == 0 {
        let change = Int(random.next() % 3)
        add(name, "revenue", period, nil, total + change, decimals: decimals, currency: currency)
      }
      let north = Int(random.next() % 5_000)
      let south = Int(random.next() % 5_000)
      let all = random.next() % 6 == 0 ? north + south + 40 : north + south
      add(name, "units", period, "all", all, decimals: 0, currency: nil, unit: "units")
      add(name, "units", period, "north", north, decimals: 0, currency: nil, unit: "units")
      add(name, "units", period, "south", south, decimals: 0, currency: nil, unit: "units")
      if random.next() % 9 == 0 {
        add(name, "units", period, "all", all + 300, decimals: 0, currency: nil, unit: "units")
      }
    }
    for start in stride(from: 0, to: values.count, by: 500) {
      let batch = values[start..<min(start + 500, values.count)]
      sql += "INSERT INTO \(table) VALUES\n" + batch.joined(separator: ",\n") + ";\n"
    }
    return sql
  }

  /// Runs SQL on the test server through psql.
  static func psql(_ sql: String, server: String) throws -> BinaryRunner.Run {
    let psql = ProcessInfo.processInfo.environment["FACTLINT_TEST_PSQL"] ?? "psql"
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-sql-\(UUID().uuidString).sql")
    try sql.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    return try BinaryRunner.runProgram(
      [psql, "-q", "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t", "-f", file.path, server])
  }

  /// A folder with a configuration naming `table` on the server, and the rules.
  static func folder(
    server: String, table: String, columns: String? = nil, extra: String = ""
  ) throws -> IntegrationTests.Folder {
    let mapping =
      columns
      ?? "{ id: id, entity: company, metric: item, period: period, segment: segment, "
      + "value: amount, decimals: decimals, unit: unit, currency: currency }"
    return try IntegrationTests.Folder([
      ".factlint.yml": """
      rules: [rules/]
      databases:
        - url: \(server)
          table: \(table)
          columns: \(mapping)
      \(extra)
      """,
      "rules/checks.yml": rules,
      ".git/HEAD": "ref: refs/heads/main\n",
    ])
  }

  static func unavailable() -> Bool {
    guard server == nil else { return false }
    if requireServer { Issue.record("PostgreSQL is needed here: \(serverProblem)") }
    return true
  }

  static var tableName: String { "figures_" + UUID().uuidString.prefix(8).lowercased() }

  @Test(.enabled(if: server != nil || requireServer, "PostgreSQL: \(serverProblem)"))
  func verdictsInPlaceAreThoseInMemory() throws {
    guard !Self.unavailable(), let server = Self.server else { return }
    let table = Self.tableName
    let created = try Self.psql(Self.dataset(rows: 3_000, table: table), server: server)
    #expect(created.status == 0, "\(created.errors)")
    let folder = try Self.folder(server: server, table: table)
    let inPlace = try folder.run(["db", "--format", "json"])
    let inMemory = try folder.run(["db", "--load", "--format", "json"])
    #expect(inPlace.status == 1, "\(inPlace.errors)")
    #expect(inMemory.status == 1, "\(inMemory.errors)")
    // Figure for figure: the same findings, messages, locations and notes.
    // The run in place adds only its notice for the rule it cannot run there.
    let diagnostics = { (output: String) in output.components(separatedBy: "\"notices\"")[0] }
    #expect(diagnostics(inPlace.output) == diagnostics(inMemory.output))
    #expect(inPlace.output.contains("\"diagnostics\": [\n"))
    let errors = inPlace.output.components(separatedBy: "\"severity\": \"error\"").count - 1
    let warnings = inPlace.output.components(separatedBy: "\"severity\": \"warning\"").count - 1
    #expect(errors > 50, "\(inPlace.output.prefix(2_000))")
    #expect(warnings > 0, "\(inPlace.output.prefix(2_000))")
    for rule in ["revenue-parts", "online-share", "regions", "restated"] {
      #expect(inPlace.output.contains("\"\(rule)\""), "no finding of \(rule)")
    }
    // The growth check has no plan: the run in place says so.
    #expect(inPlace.output.contains("rule 'growth' (growth) runs in memory only"))
    _ = try Self.psql("DROP TABLE \(table);", server: server)
  }

  /// Writes a SQLite file from `sql` with Python's sqlite3 module.
  static func sqlite(_ sql: String, at file: URL) throws -> BinaryRunner.Run {
    let script = file.deletingPathExtension().appendingPathExtension("sql")
    try sql.write(to: script, atomically: true, encoding: .utf8)
    return try BinaryRunner.runProgram([
      "/usr/bin/env", "python3", "-c",
      "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        + "c.executescript(open(sys.argv[2]).read()); c.commit()",
      file.path, script.path,
    ])
  }

  /// The findings of a JSON report, without the address of the source: rows, severities,
  /// rules and messages.
  static func findings(_ json: String) throws -> [String] {
    let report = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let diagnostics = report?["diagnostics"] as? [[String: Any]] ?? []
    return diagnostics.map { item in
      ["line", "severity", "rule", "message"].map { "\(item[$0] ?? "")" }.joined(separator: " ")
    }
  }

  /// A SQLite file, which has no exact decimals, is read into memory and checked there: the
  /// findings are those PostgreSQL finds in place on the same rows.
  @Test func sqliteFilesAreCheckedInMemory() throws {
    let table = "figures"
    // SQLite keeps a decimal exactly only as text.
    let sql = Self.dataset(rows: 1_500, table: table, quoted: true).replacing(
      "amount numeric NOT NULL", with: "amount text NOT NULL")
    let folder = try IntegrationTests.Folder([
      ".factlint.yml": """
      rules: [rules/]
      databases:
        - url: sqlite:data/desk.db
          table: \(table)
          columns: { id: id, entity: company, metric: item, period: period, segment: segment,
                     value: amount, decimals: decimals, unit: unit, currency: currency }
      """,
      "rules/checks.yml": Self.rules,
      "data/.keep": "",
      ".git/HEAD": "ref: refs/heads/main\n",
    ])
    let database = folder.url.appendingPathComponent("data/desk.db")
    let written = try Self.sqlite(sql, at: database)
    try #require(written.status == 0, "python3 could not write the SQLite file: \(written.errors)")
    let before = try Data(contentsOf: database)
    let run = try folder.run(["db", "--format", "json"])
    #expect(run.status == 1, "\(run.errors)")
    let found = try Self.findings(run.output)
    #expect(found.count > 50)
    #expect(run.output.contains("\"file\": \"sqlite://data/desk.db/figures\""))
    // The growth rule runs too: every row is in memory.
    #expect(!run.output.contains("runs in memory only"))
    #expect(try Data(contentsOf: database) == before, "the SQLite file was changed")
    guard let server = Self.server else { return }
    let table2 = Self.tableName
    let created = try Self.psql(Self.dataset(rows: 1_500, table: table2), server: server)
    #expect(created.status == 0, "\(created.errors)")
    let postgres = try Self.folder(server: server, table: table2).run(["db", "--format", "json"])
    let inPlace = try Self.findings(postgres.output)
    #expect(inPlace == found, "\(Set(inPlace).symmetricDifference(found).sorted().prefix(6))")
    _ = try Self.psql("DROP TABLE \(table2);", server: server)
  }

  /// A plugin's rule is not run over a database, and the run says so.
  @Test func pluginRulesAreNamed() throws {
    let folder = try IntegrationTests.Folder([
      ".factlint.yml": """
      rules: [rules/]
      databases:
        - url: sqlite:desk.db
          table: figures
          columns: { id: id, entity: company, metric: item, period: period, value: amount }
      """,
      "rules/checks.yml": """
      plugins:
        - { id: ceiling, command: [python3, ceiling.py] }
      rules:
        - { id: capped, check: ceiling, max: 10 }
        - { id: restated, check: restatement }
      """,
      ".git/HEAD": "ref: refs/heads/main\n",
    ])
    let written = try Self.sqlite(
      """
      CREATE TABLE figures (id integer, company text, item text, period text, amount text);
      INSERT INTO figures VALUES (1, 'acme', 'staff', '2024', '3412'),
        (2, 'acme', 'staff', '2024', '3142');
      """, at: folder.url.appendingPathComponent("desk.db"))
    try #require(written.status == 0, "python3 could not write the SQLite file: \(written.errors)")
    let run = try folder.run(["db"])
    #expect(run.status == 1, "\(run.output)\(run.errors)")
    #expect(run.output.contains("?id=2: error: 3142 restates 3412"), "\(run.output)")
    #expect(
      run.output.contains("rules/checks.yml:4:11: note: rule 'capped' runs a plugin")
        || run.errors.contains("rules/checks.yml:4:11: note: rule 'capped' runs a plugin"),
      "\(run.output)\(run.errors)")
  }

  @Test func aMissingOrDamagedSQLiteFileIsLocated() throws {
    let folder = try IntegrationTests.Folder([
      ".factlint.yml": """
      rules: [rules/]
      databases:
        - url: sqlite:missing.db
          table: figures
          columns: { id: id, entity: company, metric: item, period: period, value: amount }
        - url: sqlite:damaged.db
          table: figures
          columns: { id: id, entity: company, metric: item, period: period, value: amount }
      """,
      "damaged.db": "SQLite format 3\u{0}" + String(repeating: "x", count: 200),
      "rules/checks.yml": Self.rules,
      ".git/HEAD": "ref: refs/heads/main\n",
    ])
    let run = try folder.run(["db"])
    #expect(run.status == 2)
    #expect(
      run.errors.contains(".factlint.yml:3:10: error: cannot open the SQLite file"), "\(run.errors)"
    )
    #expect(run.errors.contains(".factlint.yml:6:10: error: '"), "\(run.errors)")
    #expect(!folder.exists("missing.db"), "a missing file was created")
  }

  @Test(.enabled(if: server != nil || requireServer, "PostgreSQL: \(serverProblem)"))
  func findingsPointAtTheRow() throws {
    guard !Self.unavailable(), let server = Self.server else { return }
    let table = Self.tableName
    let created = try Self.psql(
      """
      CREATE TABLE \(table) (id bigint, company text, item text, period text, segment text,
        amount numeric, decimals int, unit text, currency text);
      INSERT INTO \(table) VALUES
        (1, 'acme', 'revenue', '2024', NULL, 100.0, 1, NULL, 'USD'),
        (2, 'acme', 'product_revenue', '2024', NULL, 60.0, 1, NULL, 'USD'),
        (3, 'acme', 'service_revenue', '2024', NULL, 45.0, 1, NULL, 'USD'),
        (4, 'acme', 'discounts', '2024', NULL, 5.0, 1, NULL, 'USD'),
        (5, 'acme', 'revenue', '2023', NULL, 12.30, 2, NULL, 'USD'),
        (6, 'acme', 'product_revenue', '2023', NULL, 7.12, 2, NULL, 'USD'),
        (7, 'acme', 'service_revenue', '2023', NULL, 5.21, 2, NULL, 'USD'),
        (8, 'acme', 'discounts', '2023', NULL, 0.00, 2, NULL, 'USD'),
        (9, 'acme', 'employees', '2024', NULL, 3412, 0, NULL, NULL),
        (10, 'acme', 'employees', '2024', NULL, 3142, 0, NULL, NULL);
      """, server: server)
    #expect(created.status == 0, "\(created.errors)")
    let folder = try Self.folder(server: server, table: table)
    let run = try folder.run(["db"])
    let address =
      "postgres://127.0.0.1:" + (URLComponents(string: server)?.port).map(String.init)!
      + "/desk/\(table)"
    #expect(run.status == 1)
    #expect(
      run.output.contains(
        "\(address)?id=5: warning: the parts do not add up to the total USD 12.30 (acme "
          + "revenue 2023)"), "\(run.output)")
    #expect(
      run.output.contains(
        "\(address)?id=10: error: 3142 restates 3412 (acme employees 2024) differently"),
      "\(run.output)")
    #expect(!run.output.contains("?id=1:"), "\(run.output)")
    #expect(run.output.hasSuffix("1 error, 1 warning in 2 files\n"), "\(run.output)")
    // The queries for another dialect, learned from this table, and nothing else.
    let printed = try folder.run(["db", "--print-sql", "trino"])
    #expect(printed.status == 0, "\(printed.errors)")
    #expect(printed.output.hasPrefix("-- revenue-parts (total)\nSELECT t.id, p1.id, p2.id, p3.id"))
    #expect(printed.output.contains("-- growth (growth)\n-- runs in memory only\n"))
    #expect(!printed.output.contains(" in 2 files"))
    // Nothing was written: the rows are as they were.
    let count = try Self.psql("SELECT count(*), sum(amount) FROM \(table);", server: server)
    #expect(count.output == "10|6788.63\n", "\(count.output)")
    _ = try Self.psql("DROP TABLE \(table);", server: server)
  }

  @Test(.enabled(if: server != nil || requireServer, "PostgreSQL: \(serverProblem)"))
  func badInputsAreLocated() throws {
    guard !Self.unavailable(), let server = Self.server else { return }
    let table = Self.tableName
    let created = try Self.psql(
      """
      CREATE TABLE \(table) (id bigint, company text, item text, period text, amount numeric,
        ratio double precision, label text);
      INSERT INTO \(table) VALUES (1, 'acme', 'revenue', '2024', 1.5, 1.5, 'x'),
        (2, 'acme', 'revenue', '2024', NULL, 1, 'y'), (3, 'acme', 'revenue', 'someday', 2, 1, 'z');
      CREATE SEQUENCE \(table)_seq;
      """, server: server)
    #expect(created.status == 0, "\(created.errors)")
    let mapping = "{ id: id, entity: company, metric: item, period: period, value: amount }"
    let components = URLComponents(string: server)!
    let port = components.port!
    let cases: [(url: String, relation: String, columns: String, expected: String)] = [
      (
        server, "table: missing_table", mapping,
        ".factlint.yml:5:12: error: table 'missing_table' does not exist in "
      ),
      (
        server, "table: \(table)",
        "{ id: id, entity: company, metric: item, period: period, value: ratio }",
        "error: column 'ratio' is binary floating point, which holds no exact decimals"
      ),
      (
        server, "table: \(table)",
        "{ id: id, entity: company, metric: item, period: period, value: label }",
        "error: column 'label' is text, not a number; store it as numeric"
      ),
      (
        server, "table: \(table)",
        "{ id: id, entity: company, metric: item, period: period, value: amont }",
        "error: table '\(table)' has no column 'amont' (did you mean 'amount'?)"
      ),
      (
        server, "table: \(table)", mapping,
        "/desk/\(table)?id=2: error: the row's value (column 'amount') is NULL"
      ),
      (
        server, "query: SELECT * FROM \(table) WHERE amount IS NOT NULL", mapping,
        "/desk/(query)?id=3: error: 'someday' is not a period"
      ),
      (
        server, "query: SELECT *, nextval('\(table)_seq') AS n FROM \(table)", mapping,
        "error: postgres://127.0.0.1:\(port)/desk/(query): cannot execute nextval() in a "
          + "read-only transaction"
      ),
      (
        "postgres://factlint:wrong@127.0.0.1:\(port)/desk", "table: \(table)", mapping,
        ".factlint.yml:4:10: error: the server refused the login: password authentication "
          + "failed for user \"factlint\""
      ),
      (
        "postgres://factlint@127.0.0.1:\(port)/desk?sslmode=require", "table: \(table)", mapping,
        ".factlint.yml:4:10: error: the server to 127.0.0.1:\(port) does not offer TLS"
      ),
      (
        "postgres://factlint@127.0.0.1:\(port)/desk?sslmode=sometimes", "table: \(table)",
        mapping,
        ".factlint.yml:4:10: error: 'postgres://factlint@127.0.0.1:\(port)/desk"
          + "?sslmode=sometimes' is not an address"
      ),
      (
        "postgres://factlint@127.0.0.1:1/desk", "table: \(table)", mapping,
        ".factlint.yml:4:10: error: could not connect to 127.0.0.1:1 ("
      ),
    ]
    for (url, relation, columns, expected) in cases {
      let folder = try IntegrationTests.Folder([
        ".factlint.yml": """
        rules: [rules/]
        databases:
          - columns: \(columns)
            url: \(url)
            \(relation)
        """,
        "rules/checks.yml": Self.rules,
        ".git/HEAD": "ref: refs/heads/main\n",
      ])
      let run = try folder.run(["db"], environment: ["PGPASSWORD": ""])
      #expect(run.status == 2, "\(relation) \(columns): \(run.output)\(run.errors)")
      #expect(run.errors.contains(expected), "expected \(expected) in \(run.errors)")
      #expect(!run.crashed && !run.timedOut)
    }
    let sequence = try Self.psql("SELECT last_value, is_called FROM \(table)_seq;", server: server)
    #expect(sequence.output == "1|f\n", "the sequence was advanced: \(sequence.output)")
    _ = try Self.psql("DROP TABLE \(table); DROP SEQUENCE \(table)_seq;", server: server)
  }

  /// The SQL of each plan, per dialect, as golden files: a desk that runs it on Trino or Spark
  /// reads it there.
  @Test(arguments: [SQLDialect.postgres, .trino, .spark])
  func compiledSQLPerDialect(_ dialect: SQLDialect) throws {
    let folder = try IntegrationTests.Folder([
      ".factlint.yml": """
      databases:
        - url: postgres://desk@warehouse:5432/reports
          table: finance.figures
          columns: { id: row_id, entity: company, metric: line item, period: period,
                     segment: segment, value: amount, unit: unit, currency: currency }
      """,
      "rules.yml": """
      rules:
        - id: parts
          check: total
          where: { entity: 'O''Brien \\ Co' }
          total: { metric: revenue, period: 2024-Q2 }
          parts: [product_revenue, -discounts]
        - id: of-which
          check: total
          total: { metric: revenue }
          parts: [{ segment: online }]
          partial: true
        - id: restated
          check: restatement
          where: { metric: revenue }
      """,
    ])
    var problems: [Problem] = []
    let configuration = Configuration.load(
      folder.url.appendingPathComponent(".factlint.yml").path, problems: &problems)
    var seen: [String: FactlintModel.SourceLocation] = [:]
    let path = folder.url.appendingPathComponent("rules.yml").path
    let root = try #require(SourceFiles.readYAML(path, problems: &problems))
    let rules = RuleLoader.load(
      root, path: path, registry: .builtin, seenIDs: &seen, problems: &problems
    ).rules
    #expect(problems.isEmpty, "\(problems)")
    let source = try #require(configuration.databases.first)
    var shape = SourceShape(source: source, address: "postgres://warehouse:5432/reports/figures")
    shape.periods = ["2024-Q2": Period("2024-Q2")!, "Q2 2024": Period("Q2 2024")!]
    shape.units = [
      SourceShape.UnitText(unit: nil, currency: "USD"): .currency("USD"),
      SourceShape.UnitText(unit: "units", currency: nil): .count("units"),
    ]
    shape.places = [0: .one, 2: .powerOfTen(-2)]
    shape.declaredScale = 2
    let compiler = SQLCompiler(shape: shape, dialect: dialect, limit: 100)
    let sql = rules.map { rule in
      "-- \(rule.id)\n" + (compiler.query(for: rule) ?? "none") + ";\n"
    }.joined()
    if let mismatch = try GoldenFile.mismatch(
      sql, name: "sql-\(dialect.rawValue).sql", arguments: ["db", "--print-sql", dialect.rawValue],
      suite: "DatabaseTests")
    {
      Issue.record(Comment(rawValue: mismatch))
    }
    switch dialect {
    case .postgres:
      #expect(sql.contains("\"finance\".\"figures\" AS s"))
      #expect(sql.contains("CASE scale(s.\"amount\") WHEN 0 THEN 1 WHEN 2 THEN 0.01 ELSE 0 END"))
    case .trino:
      #expect(!sql.contains("scale("))
      #expect(sql.contains("s.\"amount\" - (0.01) * 0.5"))
    case .spark:
      #expect(!sql.contains("\""))
      #expect(sql.contains("`finance`.`figures` AS s"))
      #expect(sql.contains("s.`company` = 'O''Brien \\\\ Co'"))
    case .sqlite:
      Issue.record("SQLite runs no checks in place")
    }
    // Both spellings of the quarter are the one period.
    #expect(
      sql.contains("IN (" + dialect.literal("2024-Q2") + ", " + dialect.literal("Q2 2024") + ")"))
    #expect(
      sql.contains("WHEN " + dialect.literal("Q2 2024") + " THEN " + dialect.literal("2024-Q2")))
  }

  @Test func aConfigurationWithoutDatabasesIsAnError() throws {
    let folder = try IntegrationTests.Folder([
      ".factlint.yml": "rules: [rules/]\n", "rules/checks.yml": Self.rules,
      ".git/HEAD": "ref: refs/heads/main\n",
    ])
    let run = try folder.run(["db"])
    #expect(run.status == 2)
    #expect(run.errors.contains(".factlint.yml:1:1: error: the configuration names no database"))
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: "0", count: length - count) + self
  }
}
