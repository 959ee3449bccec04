import BenchSupport
import Foundation
import Testing

/// Scores extraction and verdicts on the labelled corpus in `corpus/`, with the same score
/// `factlint-bench eval` prints: the figures found against the labelled ones, and the
/// diagnostics against the labelled true claims and planted errors.
@Suite struct CorpusScoreTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  let run = EvaluationRun(root: root)

  @Test func corpusFiguresAreRead() throws {
    let score = try run.corpus()
    print(
      String(
        format: "corpus: %d labelled, %d extracted, %d right: precision %.3f, recall %.3f, F1 %.3f",
        score.total.labelled, score.extracted, score.total.right, score.precision, score.recall,
        score.f1))
    for line in score.wrong + score.wrongUnit { print("  wrong: \(line)") }
    #expect(score.total.labelled >= 700)
    #expect(score.f1 >= 0.98)
    #expect(score.wrong.isEmpty && score.wrongUnit.isEmpty)
  }

  @Test func corpusVerdictsFlagPlantedErrorsOnly() throws {
    let score = try run.corpusClaims()
    print(
      String(
        format: "corpus: %d true claims, %d with an error; %d planted errors, %d reported "
          + "(%.1f%%); %d errors outside planted claims",
        score.trueClaims, score.errorsOnTrueClaims.count, score.planted, score.reported,
        score.detection * 100, score.unexpectedErrors.count))
    for line in score.missed { print("  missed: \(line)") }
    #expect(score.trueClaims >= 100)
    #expect(score.errorsOnTrueClaims.isEmpty, "\(score.errorsOnTrueClaims)")
    #expect(score.unexpectedErrors.isEmpty, "\(score.unexpectedErrors)")
    #expect(score.detection >= 0.9)
  }
}
