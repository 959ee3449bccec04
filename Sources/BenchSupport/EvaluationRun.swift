import Checks
import FactlintModel
import FactlintReading
import FactlintYAML
import Foundation
import RuleEngine

/// Scores figure reading on the labelled corpus, the labelled published passages and TAT-QA.
public struct EvaluationRun {
  /// The repository's root: `corpus/` and `eval/` are in it, `../shared` beside it.
  public var root: URL
  /// Whether to list every miss, wrong value and extra figure.
  public var verbose: Bool

  /// Creates a run over the repository at `root`.
  public init(root: URL, verbose: Bool = false) {
    self.root = root
    self.verbose = verbose
  }

  /// The folder of shared development data beside the repository.
  public var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }

  /// Reads an article from bytes and extracts its figures.
  static func extract(_ bytes: [UInt8], path: String) throws -> [ExtractedFigure] {
    guard let format = ArticleFormat(path: path) else { return [] }
    let articles = try ArticleReader.parse(bytes, path: path, format: format)
    return articles.flatMap { Extractor().extract($0).figures }
  }

  /// The corpus score: labels by line and value, as the corpus labels give no column.
  public func corpus() throws -> FigureScore {
    var score = FigureScore()
    for file in try Self.files(in: root.appendingPathComponent("corpus/labels"), ending: "yml") {
      guard let node = try YAMLParser.parse(Array(Data(contentsOf: file))),
        let article = node["article"]?.scalar
      else { continue }
      let figureLabels = (node["figures"]?.sequence ?? []).compactMap { item -> FigureLabel? in
        guard let line = item["line"]?.scalar.flatMap({ Int($0) }),
          let ends = item["value"]?.scalar?.components(separatedBy: ".."),
          let low = ExactDecimal(ends[0]), let high = ExactDecimal(ends[ends.count - 1]),
          let unit = item["unit"]?.scalar
        else { return nil }
        return FigureLabel(
          line: line, column: nil, low: low, high: high, unit: unit,
          kind: Self.kind(ofUnit: unit))
      }
      let url = root.appendingPathComponent("corpus/articles/" + article)
      let bytes = Array(try Data(contentsOf: url))
      let figures = try Self.extract(bytes, path: url.path)
      score.add(
        labels: figureLabels, figures: figures, name: article,
        lines: Self.lines(bytes))
    }
    return score
  }

  /// The verdicts on the corpus against its labelled true claims and planted errors.
  public func corpusClaims() throws -> PlantedScore {
    var score = PlantedScore()
    for file in try Self.files(in: root.appendingPathComponent("corpus/labels"), ending: "yml") {
      guard let node = try YAMLParser.parse(Array(Data(contentsOf: file))),
        let article = node["article"]?.scalar
      else { continue }
      let claims = (node["claims"]?.sequence ?? []).compactMap {
        item -> (line: Int, truth: String, about: String)? in
        guard let line = item["line"]?.scalar.flatMap({ Int($0) }),
          let truth = item["truth"]?.scalar
        else { return nil }
        let figures = (item["figures"]?.sequence ?? []).compactMap(\.scalar)
        return (line, truth, ([item["kind"]?.scalar ?? "?"] + figures).joined(separator: " "))
      }
      let url = root.appendingPathComponent("corpus/articles/" + article)
      let (_, diagnostics) = try Self.check(Array(try Data(contentsOf: url)), path: url.path)
      score.add(claims: claims, diagnostics: diagnostics, name: article)
    }
    return score
  }

  /// The files of `folder` whose extension is `ending`, in name order.
  static func files(in folder: URL, ending: String) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == ending }.sorted { $0.path < $1.path }
  }

  /// A file's lines, to quote from.
  static func lines(_ bytes: [UInt8]) -> [Substring] {
    String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
  }

  static func kind(ofUnit unit: String) -> String {
    switch unit {
    case "count": return "count"
    case "percent", "pp": return "percent"
    case "multiple": return "multiple"
    default: return "money"
    }
  }

  /// The published passages' score, or nil when `../shared/realtext` is absent.
  public func realtext() throws -> FigureScore? {
    let articles = shared.appendingPathComponent("realtext/articles")
    guard FileManager.default.fileExists(atPath: articles.path) else { return nil }
    var score = FigureScore()
    for file in try Self.files(in: root.appendingPathComponent("eval/realtext"), ending: "figures")
    {
      let name = file.deletingPathExtension().lastPathComponent
      let text = try String(contentsOf: file, encoding: .utf8)
      let figureLabels = text.split(separator: "\n").compactMap(FigureLabel.init(figuresLine:))
      let url = articles.appendingPathComponent(name + ".txt")
      let bytes = Array(try Data(contentsOf: url))
      score.add(
        labels: figureLabels, figures: try Self.extract(bytes, path: url.path), name: name,
        lines: Self.lines(bytes))
    }
    return score
  }

  /// TAT-QA's test contexts, or nil when `../shared/tatqa` is absent.
  func tatqaContexts() throws -> [TATQAContext]? {
    let file = shared.appendingPathComponent("tatqa/tatqa_dataset_test_gold.json")
    guard FileManager.default.fileExists(atPath: file.path) else { return nil }
    return try TATQAContext.read(file)
  }

  /// The TAT-QA score, or nil when `../shared/tatqa` is absent.
  public func tatqa() throws -> DerivationScore? {
    try tatqaContexts().map(tatqa)
  }

  func tatqa(_ contexts: [TATQAContext]) throws -> DerivationScore {
    var score = DerivationScore()
    for context in contexts {
      let figures = try Self.extract(Array(context.markdown.utf8), path: context.id + ".md")
      score.add(
        derivations: context.derivations, text: context.markdown, figures: figures,
        name: context.id)
    }
    return score
  }

  /// Reads and checks one article given as bytes, as `factlint check` does with no data.
  static func check(_ bytes: [UInt8], path: String) throws -> (claims: [Claim], [Diagnostic]) {
    guard let format = ArticleFormat(path: path) else { return ([], []) }
    let articles = try ArticleReader.parse(bytes, path: path, format: format)
    let extractions = articles.map { ($0, Extractor().extract($0)) }
    let run = ArticleRun(registry: .builtin)
    let result = run.check(
      ArticleRun.Inputs(data: Engine.dataset([]), extractions: extractions, fileCount: 1))
    return (extractions.flatMap(\.1.claims), result.diagnostics)
  }

  /// The verdicts on the labelled passages, or nil when `../shared/realtext` is absent.
  public func realtextClaims() throws -> ClaimScore? {
    let articles = shared.appendingPathComponent("realtext/articles")
    guard FileManager.default.fileExists(atPath: articles.path) else { return nil }
    var score = ClaimScore()
    for file in try Self.files(in: articles, ending: "expect") {
      let name = file.deletingPathExtension().lastPathComponent
      let labels = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        .compactMap(ClaimLabel.init(expectLine:))
      let url = articles.appendingPathComponent(name + ".txt")
      let (claims, diagnostics) = try Self.check(Array(try Data(contentsOf: url)), path: url.path)
      score.add(labels: labels, claims: claims, diagnostics: diagnostics, name: name)
    }
    return score
  }

  /// The verdicts on TAT-QA's contexts, or nil when `../shared/tatqa` is absent.
  public func tatqaAlarms() throws -> ParagraphAlarms? {
    try tatqaContexts().map(tatqaAlarms)
  }

  func tatqaAlarms(_ contexts: [TATQAContext]) throws -> ParagraphAlarms {
    var alarms = ParagraphAlarms()
    for context in contexts {
      let (claims, diagnostics) = try Self.check(
        Array(context.markdown.utf8), path: context.id + ".md")
      // The table comes first, up to the first blank line.
      let tableLines =
        context.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        .firstIndex(of: "") ?? 0
      alarms.add(diagnostics: diagnostics, claims: claims, tableLines: tableLines, name: context.id)
    }
    return alarms
  }

  /// Runs every set there is and prints its scores, one `name: value` line each.
  public func report() throws -> String {
    var lines: [String] = []
    func percent(_ value: Double) -> String { String(format: "%.3f", value) }
    func describe(_ name: String, _ score: FigureScore) {
      lines.append("\(name)_labelled: \(score.total.labelled)")
      lines.append("\(name)_extracted: \(score.extracted)")
      lines.append("\(name)_right: \(score.total.right)")
      lines.append("\(name)_wrong_values: \(score.wrong.count)")
      lines.append("\(name)_wrong_units: \(score.wrongUnit.count)")
      lines.append("\(name)_precision: \(percent(score.precision))")
      lines.append("\(name)_recall: \(percent(score.recall))")
      lines.append("\(name)_f1: \(percent(score.f1))")
      lines.append("\(name)_value_f1: \(percent(score.valueF1))")
      let core = score.f1(of: ["money", "percent", "scaled"])
      lines.append("\(name)_money_percent_scaled_f1: \(percent(core.f1)) (\(core.labelled) labels)")
      for (kind, tally) in score.byClass.sorted(by: { $0.key < $1.key }) {
        lines.append("\(name)_\(kind): \(tally.right) of \(tally.labelled) right")
      }
      if verbose {
        lines += score.wrong.map { "  wrong: \($0)" }
        lines += score.wrongUnit.map { "  wrong unit: \($0)" }
        lines += score.missed.map { "  missed: \($0)" }
        lines += score.extra.map { "  extra: \($0)" }
      }
    }
    describe("corpus", try corpus())
    if let realtext = try realtext() {
      describe("realtext", realtext)
    } else {
      lines.append("realtext: skipped, \(shared.path)/realtext is absent")
    }
    let planted = try corpusClaims()
    lines.append("corpus_true_claims: \(planted.trueClaims)")
    lines.append("corpus_errors_on_true_claims: \(planted.errorsOnTrueClaims.count)")
    lines.append(
      "corpus_planted_reported: \(planted.reported) of \(planted.planted) "
        + "(\(percent(planted.detection)))")
    lines.append("corpus_unexpected_errors: \(planted.unexpectedErrors.count)")
    if verbose {
      lines += planted.errorsOnTrueClaims.map { "  error on a true claim: \($0)" }
      lines += planted.missed.map { "  missed planted: \($0)" }
      lines += planted.unexpectedErrors.map { "  unexpected error: \($0)" }
    }
    if let claims = try realtextClaims() {
      lines.append("realtext_claim_labels: \(claims.labels) in \(claims.passages) passages")
      lines.append("realtext_claims_read: \(claims.read) (\(percent(claims.readRate)))")
      lines.append("realtext_false_alarms: \(claims.falseAlarms.count)")
      lines.append("realtext_slips_caught: \(claims.caught) of \(claims.slips)")
      if verbose {
        lines += claims.falseAlarms.map { "  false alarm: \($0)" }
        lines += claims.missedSlips.map { "  missed slip: \($0)" }
        lines += claims.unread.map { "  unread: \($0)" }
      }
    }
    // TAT-QA's file is large: it is read once for both of its scores.
    let contexts = try tatqaContexts()
    if let tatqa = try contexts.map(tatqaAlarms) {
      lines.append("tatqa_contexts_checked: \(tatqa.contexts)")
      lines.append("tatqa_errors: \(tatqa.errors.count)")
      lines.append("tatqa_warnings: \(tatqa.warnings.count)")
      lines.append("tatqa_table_claims: \(tatqa.tableClaims)")
      if verbose {
        lines += tatqa.errors.map { "  error: \($0)" }
        lines += tatqa.warnings.map { "  warning: \($0)" }
      }
    }
    if let tatqa = try contexts.map(tatqa) {
      lines.append("tatqa_derivation_figures: \(tatqa.named)")
      lines.append("tatqa_read_as_shown: \(tatqa.read) (\(percent(tatqa.rate)))")
      if verbose { lines += tatqa.missed.map { "  missed: \($0)" } }
    } else {
      lines.append("tatqa: skipped, \(shared.path)/tatqa is absent")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
