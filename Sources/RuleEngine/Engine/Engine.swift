import FactlintModel
import Foundation

/// What a run found: violations, inputs that could not be used, and how many files were read.
public struct LintResult: Sendable {
  /// Violations, ordered by file, line, column and rule.
  public var diagnostics: [Diagnostic]
  /// Inputs that could not be used, ordered by location.
  public var problems: [Problem]
  /// Remarks on the inputs that leave the outcome as it is (``Problem/isNotice``).
  public var notices: [Problem] = []
  /// How many distinct files were read.
  public var fileCount: Int
  /// The files read, when the run says: for runs whose counts are joined.
  public var readFiles: Set<String> = []
  /// The rules that ran, as (rule id, check id), in the order they were loaded.
  public var rules: [RuleRun] = []
  /// The articles checked, with what was read from them, when the run keeps them.
  public var articles: [CheckedArticle] = []
  /// The data files an article run read, for a page that shows what a draft was checked against.
  public var dataFiles: [DataFileSummary] = []

  /// Creates a result of a run that read `fileCount` files (or tables).
  public init(
    diagnostics: [Diagnostic], problems: [Problem], fileCount: Int, rules: [RuleRun] = [],
    articles: [CheckedArticle] = [], dataFiles: [DataFileSummary] = []
  ) {
    self.diagnostics = diagnostics
    self.problems = problems
    self.fileCount = fileCount
    self.rules = rules
    self.articles = articles
    self.dataFiles = dataFiles
  }

  /// The number of diagnostics of `severity`.
  public func count(_ severity: Severity) -> Int {
    diagnostics.lazy.filter { $0.severity == severity }.count
  }

  /// Adds each of `found` that is not here yet: to the notices when it is one, else to the
  /// problems. Runs that read the same file report its problems once.
  public mutating func record(_ found: [Problem]) {
    // A problem is compared only with those at its place, so a run with many stays linear.
    var known = Dictionary(grouping: problems + notices, by: \.location)
    for problem in found where known[problem.location]?.contains(problem) != true {
      known[problem.location, default: []].append(problem)
      if problem.isNotice { notices.append(problem) } else { problems.append(problem) }
    }
  }

  /// Joins `other`, a run over some of the same files: its diagnostics, problems, rules and
  /// files, each once.
  public mutating func join(_ other: LintResult) {
    diagnostics = (diagnostics + other.diagnostics).sorted(by: Engine.order)
    record(other.problems + other.notices)
    readFiles.formUnion(other.readFiles)
    fileCount = readFiles.count
    rules += other.rules.filter { !rules.contains($0) }
  }
}

/// A rule that ran: its id and the check kind it used.
public struct RuleRun: Sendable, Hashable {
  /// The rules that run after the configuration's overrides, each at the most it may report.
  package static func list(_ rules: [Rule], configuration: Configuration) -> [RuleRun] {
    rules.compactMap { rule in
      let severity = configuration.severity(of: rule.id, default: rule.severity)
      return severity.apply(to: .error).map {
        RuleRun(id: rule.id, checkID: rule.checkID, severity: $0)
      }
    }
  }

  /// The rule's id.
  public var id: String
  /// The check kind's id.
  public var checkID: String
  /// The most serious level its findings may have, after the configuration's overrides.
  public var severity: Severity

  /// Creates a record of a rule run.
  public init(id: String, checkID: String, severity: Severity = .error) {
    self.id = id
    self.checkID = checkID
    self.severity = severity
  }
}

/// Loads rule files and the data they name, runs every rule, and collects diagnostics.
public struct Engine: Sendable {
  /// The check kinds rules may use.
  public let registry: CheckRegistry
  /// Whether rules whose check runs another program (a plugin) may run: the user allows it for
  /// the run, never the files being checked, since they may come from anyone.
  public var trustsPrograms: Bool

  /// Creates an engine over `registry`; `trustsPrograms` lets plugin rules run.
  public init(registry: CheckRegistry, trustsPrograms: Bool = false) {
    self.registry = registry
    self.trustsPrograms = trustsPrograms
  }

  /// Lints the rule files at `paths` (files or folders) against the data they name, with the
  /// configuration's plugins, severity overrides, tolerances and suppressions.
  public func lint(
    paths: [String], configuration: Configuration = Configuration(), showUnverified: Bool = false,
    progress: (any RunProgress)? = nil
  ) -> LintResult {
    var problems: [Problem] = []
    var inputs: [String] = []
    for path in paths {
      do {
        inputs += try SourceFiles.expand(
          path, scope: configuration.readScope, problems: &problems)
      } catch {
        problems.append(error)
      }
    }
    var seen = Set<String>()
    inputs = inputs.filter { seen.insert($0).inserted }

    var ruleFiles: [RuleFile] = []
    var dataFiles: [String: DataFile] = [:]
    var seenIDs: [String: SourceLocation] = [:]
    var readFiles = Set<String>()
    for (done, path) in inputs.enumerated() {
      progress?.update(done, of: inputs.count)
      readFiles.insert(path)
      if SourceFiles.isCSV(path) {
        dataFiles[path] = DataLoader.load(path, problems: &problems) ?? DataFile(path: path)
        continue
      }
      guard let root = SourceFiles.readYAML(path, problems: &problems) else { continue }
      if RuleLoader.isRuleFile(root) {
        ruleFiles.append(
          RuleLoader.load(
            root, path: path, registry: registry, plugins: configuration.plugins,
            scope: configuration.readScope, seenIDs: &seenIDs, problems: &problems))
      } else if root["figures"] != nil || root["tables"] != nil || root["rates"] != nil
        || root["aliases"] != nil
      {
        dataFiles[path] =
          DataLoader.load(root, path: path, problems: &problems) ?? DataFile(path: path)
      } else {
        problems.append(Problem(.notARuleFile, at: SourceLocation(file: path, mark: root.mark)))
      }
    }

    // The data files the rules name are read next, counted in the progress line after the files
    // given.
    var named: [String] = []
    var isNamed = Set<String>()
    for ruleFile in ruleFiles {
      for path in ruleFile.dataFiles where dataFiles[path] == nil && isNamed.insert(path).inserted {
        named.append(path)
      }
    }
    readFiles.formUnion(named)
    for (done, path) in named.enumerated() {
      progress?.update(inputs.count + done, of: inputs.count + named.count)
      dataFiles[path] = DataLoader.load(path, problems: &problems) ?? DataFile(path: path)
    }

    var datasets: [[String]: Dataset] = [:]
    var diagnostics: [Diagnostic] = []
    for ruleFile in ruleFiles {
      let known = datasets[ruleFile.dataFiles]
      let dataset =
        known
        ?? Self.dataset(ruleFile.dataFiles.compactMap { dataFiles[$0] })
        .applying(configuration.tolerance)
      if known == nil {
        // Rule files that share a data file find its conflicts once.
        for problem in dataset.conflictingFigures() where !problems.contains(problem) {
          problems.append(problem)
        }
      }
      datasets[ruleFile.dataFiles] = dataset
      // A rule that would run another program without the user's leave is refused, located.
      var rules = ruleFile.rules
      if !trustsPrograms {
        let refused = rules.filter {
          $0.check.runsAnotherProgram
            && configuration.severity(of: $0.id, default: $0.severity) != .off
        }
        for rule in refused {
          problems.append(Problem(.untrustedProgram(rule: rule.id), at: rule.location))
        }
        rules.removeAll { $0.check.runsAnotherProgram }
      }
      for result in Self.runAll(rules, in: dataset, configuration: configuration) {
        switch result {
        case .success(let found): diagnostics += found
        case .failure(let problem): problems.append(problem)
        }
      }
    }
    progress?.finish()
    let suppressions =
      ruleFiles.flatMap(\.suppressions)
      + dataFiles.keys.sorted().flatMap {
        dataFiles[$0]?.suppressions ?? []
      }
    // A million figures take a quarter of a second to free. They are freed on another thread
    // while the caller reports; a command-line run may end before that thread is done.
    let loaded = (consume dataFiles, consume datasets)
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(loaded) {} }
    // A rule that could not run on a figure (its other figure in another unit) says so only
    // when asked.
    if !showUnverified { diagnostics.removeAll { $0.severity == .note } }
    diagnostics = SuppressionFilter.apply(suppressions, to: diagnostics)
    diagnostics.sort(by: Self.order)
    problems.sort { $0.location < $1.location }
    let rules = RuleRun.list(ruleFiles.flatMap(\.rules), configuration: configuration)
    var result = LintResult(
      diagnostics: diagnostics, problems: [], fileCount: readFiles.count, rules: rules)
    result.record(problems)
    result.readFiles = readFiles
    return result
  }

  /// Runs the rules on every core; rules share nothing but the dataset, which no rule changes.
  /// The results come back in the rules' order.
  package static func runAll(_ rules: [Rule], in dataset: Dataset, configuration: Configuration)
    -> [Result<[Diagnostic], Problem>]
  {
    let results = ResultSlots<Result<[Diagnostic], Problem>>(count: rules.count)
    DispatchQueue.concurrentPerform(iterations: rules.count) { index in
      var rule = rules[index]
      rule.severity = configuration.severity(of: rule.id, default: rule.severity)
      results[index] = run(rule, in: dataset)
    }
    return results.values
  }

  /// Runs one rule; a check that cannot run (a plugin that fails) gives a problem, and the
  /// other rules still run.
  public static func run(_ rule: Rule, in dataset: Dataset) -> Result<[Diagnostic], Problem> {
    guard rule.severity != .off else { return .success([]) }
    return rule.check.run(dataset.selection(rule.selector), in: dataset).map {
      diagnostics($0, of: rule)
    }
  }

  /// Runs one rule over the figures it selects.
  public static func evaluate(_ rule: Rule, in dataset: Dataset) -> [Diagnostic] {
    guard rule.severity != .off else { return [] }
    return diagnostics(rule.check.evaluate(dataset.selection(rule.selector), in: dataset), of: rule)
  }

  /// A rule's findings as diagnostics, at most as severe as the rule allows.
  package static func diagnostics(_ findings: [Finding], of rule: Rule) -> [Diagnostic] {
    findings.compactMap { finding in
      rule.severity.apply(to: finding.severity).map {
        Diagnostic(finding: finding, ruleID: rule.id, checkID: rule.checkID, severity: $0)
      }
    }
  }

  /// One dataset from several data files.
  public static func dataset(_ files: [DataFile]) -> Dataset {
    var aliases = Aliases()
    for file in files { aliases.merge(file.aliases) }
    // The figures of a single file are shared rather than copied, with the index built as they
    // were read, unless aliases rename them: a large file holds a million of them.
    let withFigures = files.filter { !$0.figures.isEmpty }
    if withFigures.count == 1, let file = withFigures.first, let index = file.index,
      index.count == file.figures.count, aliases.entities.isEmpty, aliases.metrics.isEmpty
    {
      return Dataset(
        figures: file.figures, index: index, rates: files.flatMap(\.rates), aliases: aliases,
        claims: [])
    }
    return Dataset(
      figures: files.flatMap(\.figures), rates: files.flatMap(\.rates), aliases: aliases)
  }

  package static func order(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    if lhs.location != rhs.location { return lhs.location < rhs.location }
    if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
    return lhs.message < rhs.message
  }
}

/// One result slot per task, written by concurrent tasks at distinct indexes.
final class ResultSlots<Value>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  subscript(index: Int) -> Value? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }

  /// Every slot's value, in order; all must be filled.
  var values: [Value] { lock.withLock { slots.map { $0! } } }
}
