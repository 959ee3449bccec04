import BenchSupport
import Checks
import FactlintTestSupport
import Foundation
import RuleEngine
import Testing

/// The benchmark's generated data lints as planted: every planted inconsistency is reported
/// where it was planted, and nothing else.
@Suite struct GeneratedDatasetTests {
  @Test func generatedDataReportsExactlyThePlantedInconsistencies() throws {
    var generator = DatasetGenerator(seed: 7)
    let output = generator.generate(figures: 6_000)
    #expect(output.figureCount == 6_000)
    #expect(output.ruleCount == 60)
    #expect(output.planted.count >= 10)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-generated-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try output.data.write(
      to: folder.appendingPathComponent("data.yml"), atomically: true, encoding: .utf8)
    try output.rules.write(
      to: folder.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
    let result = Engine(registry: .builtin).lint(paths: [
      folder.appendingPathComponent("rules.yml").path
    ])
    #expect(result.problems.isEmpty, "\(result.problems.map(\.message))")
    let reported = result.diagnostics.map {
      DatasetGenerator.Planted(rule: $0.ruleID, line: $0.location.line)
    }
    #expect(Set(reported) == Set(output.planted))
    #expect(reported.count == output.planted.count)
    #expect(result.diagnostics.allSatisfy { $0.severity == .error })
  }
}
