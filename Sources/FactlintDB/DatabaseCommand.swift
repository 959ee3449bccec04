import ArgumentParser
import Checks
import FactlintCLI
import FactlintDatabase
import FactlintModel
import FactlintReporting
import FactlintYAML
import Foundation
import RuleEngine

extension SQLDialect: ExpressibleByArgument {}

/// `factlint db`: the rules run over the configuration's databases, in place.
@main
struct DatabaseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "factlint-db",
    abstract: "Check the figures of the configuration's databases where they are.",
    discussion: """
      Runs the rules (default: the configuration's, else rules/) over every table and query \
      under `databases:` in the configuration. The total and restatement checks run as SQL in \
      the database, which returns only the violations; rules of other checks are listed in a \
      notice. Nothing is written: every statement is a SELECT in a read-only transaction. \
      --load reads every row into memory instead and runs all the rules there.
      """)

  @Argument(help: "Rule files or folders.")
  var paths: [String] = []

  @Option(help: "The configuration file (default: the nearest .factlint.yml above here).")
  var config: String?

  @Option(help: "Output format: text, json, sarif, github, junit, checkstyle.")
  var format: String?

  @Option(name: .customLong("fail-on"), help: "The lowest severity that fails: error, warning.")
  var failOn: String?

  @Flag(help: "Read every row into memory and run the rules there, as for a data file.")
  var load = false

  @Option(help: "Seconds each statement may run before the server cancels it.")
  var timeout = 600

  @Option(
    name: .customLong("print-sql"),
    help: "Print each rule's query in this dialect (postgres, trino, spark) instead of running it.")
  var printSQL: SQLDialect?

  func run() async throws {
    var options = RunOptions()
    options.format = format
    options.configPath = config
    options.useColor = Terminal.colorsStandardOutput
    guard (1...86_400).contains(timeout) else {
      throw ValidationError("--timeout takes a number of seconds from 1 to 86400")
    }
    if let failOn {
      guard let severity = Severity(rawValue: failOn), severity != .note else {
        throw ValidationError("--fail-on takes error or warning")
      }
      options.failOn = severity
    }
    var problems: [Problem] = []
    let configuration = Session.configuration(options, problems: &problems)
    let registry = CheckRegistry.builtin
    var rulePaths = paths.isEmpty ? configuration.rules : paths
    if rulePaths.isEmpty { rulePaths = ["rules"] }
    var readFiles = Set<String>()
    let rules = Self.rules(
      rulePaths, configuration: configuration, registry: registry, problems: &problems,
      read: &readFiles)
    if configuration.databases.isEmpty, problems.isEmpty {
      problems.append(
        Problem(
          .database(
            "the configuration names no database; add a 'databases:' entry with url, table and "
              + "columns"),
          at: SourceLocation(file: configuration.path ?? ".factlint.yml", line: 1, column: 1)))
    }
    var diagnostics: [Diagnostic] = []
    if problems.allSatisfy(\.isNotice) {
      for source in configuration.databases {
        let found = await Self.check(
          source, rules: rules, configuration: configuration, load: load, timeout: timeout,
          printing: printSQL)
        diagnostics += found.diagnostics
        problems += found.problems
        readFiles.insert(found.address)
      }
    }
    // The queries printed are the output: no summary follows them unless something failed.
    if printSQL != nil, problems.allSatisfy(\.isNotice) {
      fflush(nil)
      return
    }
    diagnostics.removeAll { $0.severity == .note }
    var result = LintResult(
      diagnostics: diagnostics, problems: [], fileCount: readFiles.count,
      rules: RuleRun.list(rules, configuration: configuration))
    result.record(problems)
    result.readFiles = readFiles
    Terminal.finish(
      Session.finish(result, options: options, configuration: configuration, registry: registry))
  }

  /// The rules of the rule files at `paths`.
  static func rules(
    _ paths: [String], configuration: Configuration, registry: CheckRegistry,
    problems: inout [Problem], read: inout Set<String>
  ) -> [Rule] {
    var seenIDs: [String: SourceLocation] = [:]
    var rules: [Rule] = []
    for path in paths {
      let files: [String]
      do {
        files = try SourceFiles.expand(
          path, within: configuration.readScope.roots(of: path), extensions: ["yml", "yaml"],
          problems: &problems)
      } catch {
        problems.append(error)
        continue
      }
      for file in files {
        guard let root = SourceFiles.readYAML(file, problems: &problems) else { continue }
        // A data file beside the rules is data for a run in memory, not rules.
        guard RuleLoader.isRuleFile(root) else { continue }
        read.insert(file)
        for rule in RuleLoader.load(
          root, path: file, registry: registry, plugins: configuration.plugins,
          scope: configuration.readScope, seenIDs: &seenIDs, problems: &problems
        ).rules {
          guard rule.check.runsAnotherProgram else {
            rules.append(rule)
            continue
          }
          problems.append(
            Problem(
              .databaseNotice(
                "rule '\(rule.id)' runs a plugin, which `factlint db` does not run; check its "
                  + "figures with `factlint lint`"),
              at: rule.location))
        }
      }
    }
    return rules
  }

  /// The findings and problems of the rules over one source.
  static func check(
    _ source: DatabaseSource, rules: [Rule], configuration: Configuration, load: Bool,
    timeout: Int, printing dialect: SQLDialect? = nil
  ) async -> (diagnostics: [Diagnostic], problems: [Problem], address: String) {
    let session: any SQLSession
    let location: String
    let close: () async -> Void
    if source.url.hasPrefix("sqlite:") {
      let path = String(source.url.dropFirst("sqlite:".count))
      location = "sqlite://\(path)/\(source.table ?? "(query)")"
      do {
        let sqlite = try SQLiteSession.open(path)
        (session, close) = (sqlite, { sqlite.close() })
      } catch {
        return ([], [Problem(.database(error.message), at: source.urlLocation)], location)
      }
    } else {
      guard
        let address = PostgresSession.Address(
          source.url, environment: ProcessInfo.processInfo.environment)
      else {
        let problem = Problem(
          .database(
            "'\(source.url)' is not an address of the form postgres://user@host:5432/db, "
              + "with sslmode one of disable, prefer, require, verify-full"),
          at: source.urlLocation)
        return ([], [problem], source.url)
      }
      location = address.location(of: source.table ?? "(query)")
      do {
        let postgres = try await PostgresSession.open(address, timeout: timeout)
        (session, close) = (postgres, { await postgres.close() })
      } catch {
        return ([], [Problem(.database(error.message), at: source.urlLocation)], location)
      }
    }
    let run = DatabaseRun(source: source, address: location, session: session)
    let shape: SourceShape
    switch await run.shape() {
    case .success(let found): shape = found
    case .failure(let problem):
      await close()
      return ([], [problem], location)
    }
    if let dialect {
      await close()
      var shape = shape
      // Where values do not carry their scale, it is the column's: the one PostgreSQL found.
      if dialect.scale(of: "v") == nil, shape.places.count == 1 {
        shape.declaredScale = shape.places.keys.first
      }
      let compiler = SQLCompiler(shape: shape, dialect: dialect)
      if dialect.scale(of: "v") == nil, source.columns[.decimals] == nil,
        source.columns[.precision] == nil, shape.places.count > 1
      {
        print("-- the values have \(shape.places.count) scales: map decimals or precision")
      }
      for rule in rules {
        let sql = compiler.query(for: rule).map { $0 + ";" } ?? "-- runs in memory only"
        print("-- \(rule.id) (\(rule.checkID))\n\(sql)")
      }
      return ([], [], location)
    }
    var found: (diagnostics: [Diagnostic], problems: [Problem])
    if load || !session.dialect.computesExactly {
      found = await run.checkLoaded(rules, shape: shape, configuration: configuration)
    } else {
      found = await run.check(rules, shape: shape, configuration: configuration)
    }
    await close()
    return (found.diagnostics, found.problems, location)
  }
}
