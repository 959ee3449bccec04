import FactlintTestSupport
import Foundation
import RuleEngine
import Testing

/// The binary's whole output compared with golden files.
///
/// To regenerate them after an intended change of output, run
/// `FACTLINT_UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite struct GoldenTests {

  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let status: Int32
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "sample.txt", arguments: ["rules/"], status: 0),
    Case(name: "sample.json", arguments: ["lint", "rules", "--format", "json"], status: 0),
    Case(
      name: "sample-fail-on-warning.txt", arguments: ["rules/", "--fail-on", "warning"], status: 1),
    Case(
      name: "violations.txt", arguments: ["Tests/LintTests/Fixtures/violations/rules.yml"],
      status: 1),
    Case(
      name: "violations.json",
      arguments: ["Tests/LintTests/Fixtures/violations/rules.yml", "--format", "json"], status: 1),
    Case(name: "checks.txt", arguments: ["checks"], status: 0),
    Case(
      name: "article.txt", arguments: ["check", "articles/xiaomi-q2-2017.md", "--data", "data/"],
      status: 1),
    Case(
      name: "article.json",
      arguments: ["check", "articles/xiaomi-q2-2017.md", "--rules", "rules/", "--format", "json"],
      status: 1),
    Case(
      name: "article-unverified.txt",
      arguments: ["check", "articles/xiaomi-q2-2017.md", "--show-unverified"], status: 1),
    Case(
      name: "draft.txt",
      arguments: ["check", "articles/drafts/xiaomi-q3-2021.md", "--data", "data/"], status: 1),
    Case(
      name: "extract.json",
      arguments: ["extract", "articles/xiaomi-q2-2017.md", "--format", "json"], status: 0),
    Case(name: "extract.txt", arguments: ["extract", "articles/xiaomi-q2-2017.md"], status: 0),
  ]

  @Test(arguments: cases)
  func outputMatchesGoldenFile(_ testCase: Case) throws {
    let run = try BinaryRunner.run(testCase.arguments)
    #expect(run.status == testCase.status, "stderr: \(run.errors)")
    #expect(run.errors.isEmpty, "stderr: \(run.errors)")
    let mismatch = try GoldenFile.mismatch(
      run.output, name: testCase.name, arguments: testCase.arguments, suite: "GoldenTests")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func versionAndHelp() throws {
    let version = try BinaryRunner.run(["--version"])
    #expect(version.status == 0)
    #expect(version.output == "factlint \(FactlintVersion.number)\n")
    let help = try BinaryRunner.run(["--help"])
    #expect(help.status == 0)
    #expect(help.output.contains("USAGE: factlint <subcommand>"))
    #expect(help.output.contains("lint (default)"))
    let lintHelp = try BinaryRunner.run(["lint", "--help"])
    #expect(lintHelp.output.contains("--fail-on <fail-on>"))
    #expect(lintHelp.output.contains("--format <format>"))
  }

  @Test func usageErrorsExit64() throws {
    let run = try BinaryRunner.run(["rules/", "--format", "xml"])
    #expect(run.status == 64)
    #expect(run.errors.contains("unknown format 'xml'"))
    let failOn = try BinaryRunner.run(["rules/", "--fail-on", "fatal"])
    #expect(failOn.status == 64)
    let option = try BinaryRunner.run(["rules/", "--no-such-option"])
    #expect(option.status == 64)
  }

  @Test func explainDocumentsACheck() throws {
    let run = try BinaryRunner.run(["explain", "total"])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("# total\n"))
    #expect(run.output.contains("- `parts` (a list of selectors): the parts"))
    #expect(run.output.contains("Flags (error): add up to more than the total"))
    let unknown = try BinaryRunner.run(["explain", "totl"])
    #expect(unknown.status == 64)
    #expect(unknown.errors == "error: unknown check 'totl'; did you mean 'total'?\n")
  }
}
