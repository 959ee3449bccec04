import Checks
import Foundation
import RuleEngine
import Testing

/// Scores extraction and verdicts on the labelled corpus in `corpus/`: the figures found against
/// the labelled ones, and the diagnostics against the labelled true claims and planted errors.
@Suite struct CorpusScoreTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus")

  struct Label {
    struct Figure {
      var line: Int
      var text: String
      var value: ExactDecimal
      /// A range's high end, from a value written `LOW..HIGH`.
      var high: ExactDecimal?
    }

    struct Claim {
      var kind: String
      var line: Int
      var figures: [String]
      var truth: String
    }

    var article: String
    var figures: [Figure]
    var claims: [Claim]
  }

  /// Reads a label file with factlint's own YAML layer.
  static func label(_ url: URL) throws -> Label {
    let node = try #require(try YAMLParser.parse(Array(try Data(contentsOf: url))))
    let article = try #require(node["article"]?.scalar)
    let figures = try (node["figures"]?.sequence ?? []).map { item in
      let ends = try #require(item["value"]?.scalar).components(separatedBy: "..")
      return Label.Figure(
        line: try #require(item["line"]?.scalar.flatMap { Int($0) }),
        text: try #require(item["text"]?.scalar),
        value: try #require(ExactDecimal(ends[0])),
        high: ends.count == 2 ? try #require(ExactDecimal(ends[1])) : nil)
    }
    let claims = try (node["claims"]?.sequence ?? []).map { item in
      Label.Claim(
        kind: try #require(item["kind"]?.scalar),
        line: try #require(item["line"]?.scalar.flatMap { Int($0) }),
        figures: (item["figures"]?.sequence ?? []).compactMap(\.scalar),
        truth: try #require(item["truth"]?.scalar))
    }
    return Label(article: article, figures: figures, claims: claims)
  }

  struct Score {
    var labelledFigures = 0
    var extractedFigures = 0
    var matchedFigures = 0
    var trueClaims = 0
    var errorsOnTrueClaims: [String] = []
    var plantedErrors = 0
    var reportedErrors = 0
    var missed: [String: Int] = [:]
    var missedExamples: [String] = []
    var unexpectedErrors: [String] = []
    var extraFigures: [String] = []
    var missedFigures: [String] = []

    var precision: Double { Double(matchedFigures) / Double(max(1, extractedFigures)) }
    var recall: Double { Double(matchedFigures) / Double(max(1, labelledFigures)) }
    var f1: Double { 2 * precision * recall / max(0.000_001, precision + recall) }
    var detection: Double { Double(reportedErrors) / Double(max(1, plantedErrors)) }
  }

  @Test func corpusScoresAboveTheBar() throws {
    let labels = try FileManager.default.contentsOfDirectory(
      at: Self.root.appendingPathComponent("labels"), includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "yml" }.sorted { $0.path < $1.path }
    #expect(labels.count >= 40)
    var score = Score()
    let run = ArticleRun(registry: .builtin)
    for url in labels {
      let label = try Self.label(url)
      let path = Self.root.appendingPathComponent("articles/" + label.article).path
      let inputs = run.read(articlePaths: [path], dataPaths: [], rulePaths: [])
      #expect(inputs.problems.isEmpty, "\(label.article): \(inputs.problems.map(\.message))")
      let extraction = try #require(inputs.extractions.first?.extraction)
      let result = run.check(inputs)
      score.add(label, extraction: extraction, diagnostics: result.diagnostics, path: path)
    }
    let summary = String(
      format: """
        corpus: %d labelled figures, %d extracted, %d matched: precision %.3f, recall %.3f, \
        F1 %.3f; %d true claims, %d with an error; %d planted errors, %d reported (%.1f%%); \
        %d errors outside planted claims
        """, score.labelledFigures, score.extractedFigures, score.matchedFigures, score.precision,
      score.recall, score.f1, score.trueClaims, score.errorsOnTrueClaims.count,
      score.plantedErrors, score.reportedErrors, score.detection * 100,
      score.unexpectedErrors.count)
    print(summary)
    print("missed planted errors by kind: \(score.missed.sorted { $0.key < $1.key })")
    for line in score.missedExamples.prefix(200) { print("  missed: \(line)") }
    for line in score.unexpectedErrors.prefix(200) { print("  unexpected error: \(line)") }
    for line in score.missedFigures.prefix(100) { print("  missed figure: \(line)") }
    for line in score.extraFigures.prefix(100) { print("  extra figure: \(line)") }
    #expect(score.f1 >= 0.95, "\(summary)")
    #expect(score.errorsOnTrueClaims.isEmpty, "\(score.errorsOnTrueClaims)")
    #expect(score.unexpectedErrors.isEmpty, "\(score.unexpectedErrors)")
    #expect(score.detection >= 0.9, "\(summary)")
  }
}

extension CorpusScoreTests.Score {
  /// Adds one article: figures matched by line and exact value, claims by the diagnostics on
  /// the line of their stated figure.
  mutating func add(
    _ label: CorpusScoreTests.Label, extraction: Extraction, diagnostics: [Diagnostic],
    path: String
  ) {
    labelledFigures += label.figures.count
    extractedFigures += extraction.figures.count
    var unmatched = extraction.figures.map {
      (
        $0.figure.location.line, $0.figure.quantity.value, $0.figure.quantity.text,
        $0.figure.quantity.range(.rounded), $0.figure.quantity.rangeHigh
      )
    }
    // A value matches exactly, or within the figure's written precision where the label rounds
    // ("a third" is labelled 33.3).
    for figure in label.figures {
      if let index = unmatched.firstIndex(where: {
        $0.0 == figure.line && $0.4 == figure.high
          && ($0.1 == figure.value || $0.3.contains(figure.value) && $0.2 == figure.text)
      }) {
        matchedFigures += 1
        unmatched.remove(at: index)
      } else {
        missedFigures.append("\(label.article):\(figure.line) \(figure.text) = \(figure.value)")
      }
    }
    extraFigures += unmatched.map { "\(label.article):\($0.0) \($0.2) = \($0.1)" }
    let name = label.article
    var explained = Set<Int>()
    for claim in label.claims {
      let found = diagnostics.indices.filter { index in
        diagnostics[index].location.line == claim.line && diagnostics[index].severity != .note
      }
      if claim.truth == "true" {
        trueClaims += 1
        let errors = found.filter { diagnostics[$0].severity == .error }
        // An error on the line of a true claim counts against it unless a planted error on the
        // same line explains it.
        let plantedOnLine = label.claims.contains { $0.line == claim.line && $0.truth != "true" }
        if !errors.isEmpty, !plantedOnLine {
          errorsOnTrueClaims.append("\(name):\(claim.line): \(diagnostics[errors[0]].message)")
        }
      } else {
        plantedErrors += 1
        if found.isEmpty {
          missed[claim.truth, default: 0] += 1
          missedExamples.append(
            "\(name):\(claim.line) \(claim.kind) \(claim.truth) \(claim.figures)")
        } else {
          reportedErrors += 1
          explained.formUnion(found)
        }
      }
    }
    for (index, diagnostic) in diagnostics.enumerated()
    where diagnostic.severity == .error && !explained.contains(index)
      && !label.claims.contains(where: { $0.line == diagnostic.location.line && $0.truth != "true" }
      )
    {
      unexpectedErrors.append("\(name):\(diagnostic.location.line): \(diagnostic.message)")
    }
  }
}
