import Checks
import FactlintCLI
import FactlintModel
import FactlintReporting
import Foundation
import RuleEngine
import Testing

/// The engine end to end in-process: rule files, data, severities and the order of diagnostics.
@Suite struct EngineTests {
  /// A project folder holding `files`; a repository, so that its rule files may name its data.
  static func folder(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-engine-\(UUID().uuidString)")
    for (name, text) in files.merging(
      [".git/HEAD": "ref: refs/heads/main\n"], uniquingKeysWith: { $1 })
    {
      let url = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return folder
  }

  static let data = """
    entity: acme
    figures:
      - { metric: sales, period: 2023, value: 100 million }
      - { metric: sales, period: 2024, value: 150 million, change: { vs: 2023, stated: +20% } }
      - { metric: profit, period: 2023, value: 10 million }
      - { metric: profit, period: 2024, value: 30 million, change: { vs: 2023, stated: doubled } }
    """

  func lint(_ rules: String, extra: [String: String] = [:]) throws -> LintResult {
    let root = try Self.folder(
      ["rules/r.yml": rules, "data/d.yml": Self.data].merging(extra) { $1 })
    defer { try? FileManager.default.removeItem(at: root) }
    return Engine(registry: .builtin).lint(paths: [root.appendingPathComponent("rules").path])
  }

  @Test func diagnosticsComeInFileLineOrderWithRuleSeverities() throws {
    let result = try lint(
      """
      data: [../data]
      rules:
        - { id: profit-growth, check: growth, severity: warning, where: { metric: profit } }
        - { id: sales-growth, check: growth, where: { metric: sales } }
        - { id: switched-off, check: growth, severity: off }
      """)
    #expect(result.problems == [])
    #expect(result.fileCount == 2)
    #expect(result.diagnostics.map(\.ruleID) == ["sales-growth", "profit-growth"])
    #expect(result.diagnostics.map(\.severity) == [.error, .warning])
    #expect(result.diagnostics.map(\.location.line) == [4, 6])
    #expect(result.diagnostics.allSatisfy { $0.location.file.hasSuffix("data/d.yml") })
    #expect(result.diagnostics[1].message.hasPrefix("stated multiple doubled does not follow"))
    #expect(result.diagnostics[0].notes.map(\.location.line) == [3, 4])
  }

  @Test func fingerprintsIgnoreLineNumbers() throws {
    let root = try Self.folder([
      "rules/r.yml": "data: [../data]\nrules:\n  - { id: g, check: growth }\n",
      "data/d.yml": Self.data,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let engine = Engine(registry: .builtin)
    let before = engine.lint(paths: [root.appendingPathComponent("rules").path])
    try ("# a comment\n\n" + Self.data).write(
      to: root.appendingPathComponent("data/d.yml"), atomically: true, encoding: .utf8)
    let moved = engine.lint(paths: [root.appendingPathComponent("rules").path])
    #expect(before.diagnostics.map(\.location.line) == [4, 6])
    #expect(moved.diagnostics.map(\.location.line) == [6, 8])
    #expect(before.diagnostics.map(\.fingerprint) == moved.diagnostics.map(\.fingerprint))
    #expect(Set(before.diagnostics.map(\.fingerprint)).count == 2)
  }

  @Test func lintCommandExitStatuses() throws {
    let root = try Self.folder([
      "rules/r.yml": "data: [../data]\nrules:\n  - { id: g, check: growth, severity: warning }\n",
      "data/d.yml": Self.data,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("rules").path
    func run(_ failOn: Severity) -> Outcome {
      Commands.lint(
        paths: [path], format: TextReporter.self, failOn: failOn, useColor: false,
        registry: .builtin)
    }
    #expect(run(.error).status == ExitStatus.clean)
    #expect(run(.warning).status == ExitStatus.violations)
    #expect(run(.error).output.hasSuffix("0 errors, 2 warnings in 2 files\n"))
    let colored = Commands.lint(
      paths: [path], format: TextReporter.self, failOn: .error, useColor: true, registry: .builtin)
    #expect(colored.output.contains("\u{1B}[33mwarning:\u{1B}[0m"))
    #expect(!run(.error).output.contains("\u{1B}["))
  }

  @Test func dataFilesGivenDirectlyAreValidated() throws {
    let root = try Self.folder([
      "d.yml": "entity: acme\nfigures:\n  - { metric: m, period: 2024, value: lots }\n",
      "t.csv": "entity,metric,period,value\nacme,m,2024,5\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let result = Engine(registry: .builtin).lint(paths: [root.path])
    #expect(result.fileCount == 2)
    #expect(
      result.problems.map(\.message) == [
        "'lots' is not a figure; write a number such as '23.16 million', '$900m' or '70%'"
      ])
  }

  /// A check that judges shares, as a plugin's or a new check kind's would: the engine lists
  /// the shares the reader could not read in full under it, by the kinds it names, not its id.
  struct ShareNotes: Check {
    static let description = CheckDescription(
      id: "share-notes", summary: "judges stated shares", details: "", examples: [])
    static var claimKinds: Set<Claim.Kind> { [.share] }
    init(parameters: Parameters) throws(ParameterError) {}
    func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding] { [] }
  }

  /// A check that cannot run: its problem is reported and the other rules still run.
  struct Unrunnable: Check {
    static let description = CheckDescription(
      id: "unrunnable", summary: "always fails", details: "", examples: [])
    init(parameters: Parameters) throws(ParameterError) {}
    func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding] { [] }
    func run(_ selection: Selection, in dataset: Dataset) -> Result<[Finding], Problem> {
      .failure(
        Problem(
          .plugin(id: "unrunnable", problem: "cannot run"),
          at: SourceLocation(file: "r.yml", line: 1, column: 1)))
    }
  }

  @Test func checksSayWhichOfTheirClaimsTheyCouldNotCheck() throws {
    let folder = try Self.folder([
      "a.md": """
      Acme's revenue was $10 billion in 2024. Revenue of $12 billion in 2024 was restated.

      China sales of $4 billion made up 30% of revenue in 2024. Sales in Japan rose 7% to \
      $2 billion from the previous year.
      """
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("a.md").path
    func notes(_ checks: [any Check.Type]) -> [String] {
      let run = ArticleRun(registry: CheckRegistry(checks), showUnverified: true)
      return run.check(run.read(articlePaths: [path], dataPaths: [], rulePaths: [])).diagnostics
        .map { "\($0.ruleID): \($0.message.prefix(20))" }
    }
    #expect(notes([ShareNotes.self]) == ["share-notes: could not check 30%:"])
    #expect(notes([GrowthCheck.self]) == ["growth: could not check 7% ("])
    #expect(notes([]).isEmpty)
  }

  @Test func aCheckThatCannotRunIsAProblemAndTheOthersStillRun() throws {
    let rule = Rule(
      id: "r", checkID: "unrunnable", severity: .error, selector: Selector(),
      check: try Unrunnable(
        parameters: Parameters(ruleLocation: SourceLocation(file: "r.yml", line: 1, column: 1))),
      location: SourceLocation(file: "r.yml", line: 1, column: 1))
    let dataset = Engine.dataset([])
    guard case .failure(let problem) = Engine.run(rule, in: dataset) else {
      Issue.record("the rule ran")
      return
    }
    #expect(problem.message.contains("cannot run"))
  }
}
