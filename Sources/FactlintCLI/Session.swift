import FactlintModel
import FactlintReporting
import Foundation
import RuleEngine

/// What the command line says about a run, beside its inputs.
public struct RunOptions: Sendable {
  /// The format for standard output; nil for the configuration's, else text.
  public var format: String?
  /// Extra outputs, `FORMAT` (to standard output) or `FORMAT:PATH`.
  public var reports: [String] = []
  /// The lowest failing severity; nil for the configuration's, else error.
  public var failOn: Severity?
  /// Whether standard output takes colour.
  public var useColor = false
  /// A configuration file to use instead of searching for one.
  public var configPath: String?
  /// A baseline to report only new violations against.
  public var baseline: String?
  /// Where to write today's violations as a baseline.
  public var writeBaseline: String?
  /// A git revision: report only diagnostics on lines changed since it.
  public var since: String?
  /// Whether to list claims that could not be checked.
  public var showUnverified = false
  /// Whether plugin rules may run their commands: the user's leave for this run.
  public var allowPlugins = false
  /// Folders that the paths inputs name may lead into, beyond each file's repository.
  public var allowedPaths: [String] = []
  /// Where to show progress on long runs: set when standard error is a terminal.
  public var progress: Progress?

  /// Default options.
  public init() {}
}

/// Runs a command the way the CLI does: configuration, suppressions, baseline, changed lines and
/// every requested output.
public enum Session {
  /// The configuration to use: the file `--config` names, or the nearest `.factlint.yml` from
  /// `folder` upward, or the defaults.
  public static func configuration(
    _ options: RunOptions, from folder: String = ".", problems: inout [Problem]
  ) -> Configuration {
    let scope = ReadScope(allowing: options.allowedPaths)
    guard let path = options.configPath ?? Configuration.find(from: folder) else {
      var configuration = Configuration()
      configuration.readScope = scope
      return configuration
    }
    return Configuration.load(path, scope: scope, problems: &problems)
  }

  /// `factlint lint`: rule files, and with no paths the configuration's rules and articles.
  public static func lint(paths: [String], options: RunOptions, registry: CheckRegistry)
    -> Outcome
  {
    var problems: [Problem] = []
    let configuration = configuration(options, problems: &problems)
    let rulePaths =
      !paths.isEmpty ? paths : configuration.rules.isEmpty ? ["rules"] : configuration.rules
    var result = Engine(registry: registry, trustsPrograms: options.allowPlugins).lint(
      paths: rulePaths, configuration: configuration, showUnverified: options.showUnverified,
      progress: options.progress)
    if paths.isEmpty, !configuration.articles.isEmpty {
      let run = ArticleRun(
        registry: registry, showUnverified: options.showUnverified, configuration: configuration)
      let articles = run.check(
        run.read(
          articlePaths: configuration.articles, dataPaths: configuration.data,
          rulePaths: configuration.rules, progress: options.progress))
      // The data both runs read is counted, and reports its problems, once.
      result.join(articles)
    }
    // The databases are checked where they are, by `factlint db`, never loaded here.
    for source in configuration.databases {
      problems.append(
        Problem(
          .databaseNotice(
            "this database is checked in place by `factlint db`, not by `factlint lint`"),
          at: source.location))
    }
    result.record(problems)
    return finish(result, options: options, configuration: configuration, registry: registry)
  }

  /// A rule or data file as an editor holds it: the file itself linted with the rules that may
  /// use it, the configuration's (found from the file's folder), else those in the `rules`
  /// folder of the workspace folder it is in. Nil for a YAML or CSV file that is none of the
  /// configuration file, the configuration's rules and data, and the files below a workspace
  /// folder's `rules` and `data`: an editor opens many other YAML files (CI workflows, say).
  public static func lintFile(
    _ path: String, within workspaceFolders: [String], options: RunOptions,
    registry: CheckRegistry
  ) -> LintResult? {
    var problems: [Problem] = []
    let configuration = configuration(
      options, from: SourceFiles.folder(of: path), problems: &problems)
    let file = SourceFiles.absolute(path)
    let folders = workspaceFolders.map(SourceFiles.absolute).filter { file.hasPrefix($0 + "/") }
    let workspaceRules = folders.map { SourceFiles.join($0, "rules") }.filter(SourceFiles.isFolder)
    let workspaceData = folders.map { SourceFiles.join($0, "data") }.filter(SourceFiles.isFolder)
    let rules = configuration.rules.isEmpty ? workspaceRules : configuration.rules
    let isConfiguration = path.hasSuffix("/.factlint.yml") || path == ".factlint.yml"
    let named = (rules + configuration.data + workspaceData).map(SourceFiles.absolute)
    guard isConfiguration || named.contains(where: { file == $0 || file.hasPrefix($0 + "/") })
    else { return nil }
    var result = Engine(registry: registry, trustsPrograms: options.allowPlugins).lint(
      paths: (isConfiguration ? [] : [path]) + rules, configuration: configuration,
      showUnverified: options.showUnverified)
    result.record(problems)
    return result
  }

  /// `factlint check`: articles (files, folders, and `-` for `standardInput`) against the data
  /// given, or else the configuration's.
  public static func check(
    articles: [String], data: [String], rules: [String],
    standardInput: ArticleRun.StandardInput? = nil,
    options: RunOptions, registry: CheckRegistry
  ) -> Outcome {
    let (result, configuration) = checkArticles(
      articles, data: data, rules: rules, standardInput: standardInput, options: options,
      registry: registry)
    let text = standardInput.map { [$0.name: String(decoding: $0.bytes, as: UTF8.self)] } ?? [:]
    return finish(
      result, options: options, configuration: configuration, registry: registry, texts: text)
  }

  /// The diagnostics and input problems of one draft's `text`, held in an editor as `path`: the
  /// same run as `factlint check - --stdin-path PATH`. `keepingArticles` keeps the draft's
  /// figures, claims and data in the result, for an editor's hover or a page's marks.
  public static func checkDraft(
    _ text: String, path: String, options: RunOptions, registry: CheckRegistry,
    keepingArticles: Bool = false
  ) -> LintResult {
    var (result, _) = checkArticles(
      ["-"], data: [], rules: [],
      standardInput: ArticleRun.StandardInput(name: path, bytes: Array(text.utf8)),
      options: options, registry: registry, keepingArticles: keepingArticles)
    result.diagnostics.sort(by: Engine.order)
    return result
  }

  /// The configuration a draft held as `path` is checked with, and the rule and data files it
  /// names: what a page shows as the data the draft was checked against.
  public static func configuration(forDraftAt path: String, options: RunOptions) -> (
    configuration: Configuration, problems: [Problem]
  ) {
    var problems: [Problem] = []
    let configuration = configuration(
      options, from: SourceFiles.folder(of: path), problems: &problems)
    return (configuration, problems)
  }

  /// The run behind `check` and `checkDraft`: the configuration (found from the folder of a draft
  /// on standard input that is given a name, as it would be for the file), then the articles
  /// read and checked against `data` and `rules`, or the configuration's when both are empty.
  private static func checkArticles(
    _ articles: [String], data: [String], rules: [String],
    standardInput: ArticleRun.StandardInput?, options: RunOptions, registry: CheckRegistry,
    keepingArticles: Bool = false
  ) -> (LintResult, Configuration) {
    var problems: [Problem] = []
    let folder = standardInput.map { SourceFiles.folder(of: $0.name) } ?? "."
    let configuration = configuration(options, from: folder, problems: &problems)
    let useConfigured = data.isEmpty && rules.isEmpty
    var run = ArticleRun(
      registry: registry, showUnverified: options.showUnverified, configuration: configuration)
    run.keepsArticles = keepingArticles
    var result = run.check(
      run.read(
        articlePaths: articles, dataPaths: useConfigured ? configuration.data : data,
        rulePaths: useConfigured ? configuration.rules : rules, standardInput: standardInput,
        progress: options.progress))
    result.record(problems)
    return (result, configuration)
  }

  /// Applies the baseline and changed lines, writes every output, and picks the exit status.
  /// `texts` holds inputs that are not files (standard input), by name, for source excerpts.
  public static func finish(
    _ result: LintResult, options: RunOptions, configuration: Configuration,
    registry: CheckRegistry, texts: [String: String] = [:]
  ) -> Outcome {
    var result = result
    // Writing a baseline records the violations as accepted: the run succeeds when it is written.
    var wroteBaseline: String?
    if let path = options.writeBaseline {
      do {
        try Baseline.write(result.diagnostics, to: path)
        let count = result.diagnostics.filter { $0.severity != .note }.count
        wroteBaseline = "factlint: wrote \(TextReporter.plural(count, "violation")) to \(path)\n"
      } catch {
        result.problems.append(error)
      }
    }
    if let path = options.baseline ?? configuration.baseline, options.writeBaseline == nil {
      do {
        result.diagnostics = try Baseline.read(path).filter(result.diagnostics)
      } catch {
        result.problems.append(error)
      }
    }
    if let revision = options.since {
      do {
        let changed = try ChangedLines.since(revision)
        result.diagnostics = result.diagnostics.filter(changed.contains)
      } catch {
        result.problems.append(error)
      }
    }
    result.diagnostics.sort(by: Engine.order)
    result.problems.sort { $0.location < $1.location }
    result.notices.sort { $0.location < $1.location }

    let formatName = options.format ?? configuration.format ?? TextReporter.id
    let context = ReportContext(useColor: options.useColor, registry: registry) { path in
      texts[path] ?? ReportContext.readText(path)
    }
    var outcome = Outcome()
    guard let format = Reporters.named(formatName) else {
      return Outcome(
        errors: "error: unknown format '\(formatName)'; use one of "
          + Reporters.all.map { $0.id }.joined(separator: ", ") + "\n",
        status: ExitStatus.usage)
    }
    outcome.output = format.report(result, context: context)
    for report in options.reports {
      let (name, path) = splitReport(report)
      guard let reporter = Reporters.named(name) else {
        return Outcome(
          errors: "error: unknown format '\(name)' in --report; use one of "
            + Reporters.all.map { $0.id }.joined(separator: ", ") + "\n",
          status: ExitStatus.usage)
      }
      let text = reporter.report(
        result, context: ReportContext(useColor: false, registry: registry))
      if let path {
        do {
          try OutputFile.write(text, to: path)
        } catch {
          result.problems.append(error)
        }
      } else {
        outcome.output += text
      }
    }
    let failOn = options.failOn ?? configuration.failOn ?? .error
    // Under --format github the problems and notices are commands on standard output, escaped;
    // printed again as text they could be read as commands of their own.
    let printsInputs = format != GitHubReporter.self
    if printsInputs {
      outcome.errors = TextReporter.problems(result.notices, context: context)
    }
    if !result.problems.isEmpty {
      let count = TextReporter.plural(result.problems.count, "input problem")
      let listed = printsInputs ? TextReporter.problems(result.problems, context: context) : ""
      outcome.errors += listed + "factlint: \(count); fix the input and run again\n"
      outcome.status = ExitStatus.badInput
    } else if let wroteBaseline {
      outcome.errors += wroteBaseline
    } else if result.diagnostics.contains(where: { $0.severity >= failOn && $0.severity != .note })
    {
      outcome.status = ExitStatus.violations
    }
    return outcome
  }

  /// `sarif:out.sarif` is the format and a path; `sarif` alone writes to standard output.
  static func splitReport(_ report: String) -> (String, String?) {
    guard let colon = report.firstIndex(of: ":") else { return (report, nil) }
    let path = String(report[report.index(after: colon)...])
    return (String(report[..<colon]), path.isEmpty ? nil : path)
  }
}
