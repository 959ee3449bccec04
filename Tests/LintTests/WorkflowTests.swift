import FactlintTestSupport
import Foundation
import Testing

/// The pre-commit hooks run by pre-commit itself, and the GitHub Action's steps replayed by
/// `scripts/replay-action.py`, on small repositories of rules, data and articles.
///
/// Both run the `factlint` built for the tests in place of the release build their first step
/// makes (`FACTLINT_BIN` for the hooks, the build step's output for the Action): that build
/// takes minutes, and is the same `swift build -c release --product factlint` in both.
@Suite struct WorkflowTests {
  typealias Folder = IntegrationTests.Folder

  /// Sales of 100 then 150 million, stated as +50% (true) or `stated` (for a wrong one).
  static func data(stated: String = "+50%") -> String {
    """
    entity: acme
    figures:
      - { metric: sales, period: 2023, value: 100 million }
      - { metric: sales, period: 2024, value: 150 million, change: { vs: 2023, stated: \(stated) } }
    """
  }
  static let rules = "data: [../data/]\nrules:\n  - { id: growth, check: growth }\n"
  static let article = """
    # Acme's year

    Acme's sales rose 50% to $150 million in 2024, from $100 million a year earlier.

    """

  /// Runs `command` (looked up on PATH) in `folder`.
  static func program(
    _ command: [String], in folder: URL, timeout: TimeInterval = 240
  ) throws -> BinaryRunner.Run {
    try BinaryRunner.runProgram(["/usr/bin/env"] + command, in: folder, timeout: timeout)
  }

  static func onPath(_ name: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
  }

  static let packageIsARepository = FileManager.default.fileExists(
    atPath: BinaryRunner.packageRoot.appendingPathComponent(".git").path)

  static let preCommitUnavailability: String? = {
    if !onPath("pre-commit") {
      return "skipped: no pre-commit on PATH (bash scripts/setup.sh --tests installs it)"
    }
    if !packageIsARepository {
      return "skipped: the package is no git repository, and pre-commit checks out hooks with git"
    }
    return nil
  }()

  // MARK: - pre-commit

  /// A repository with rules, data (YAML and CSV), an article, a plain-text file, a JSON file
  /// and a configuration, all committed.
  static func hookRepository() throws -> Folder {
    let folder = try Folder([
      "rules/growth.yml": rules,
      "data/acme.yml": data(),
      "data/costs.csv": "entity,metric,period,value\nacme,costs,2024,80 million\n",
      "articles/year.md": article,
      "articles/brief.txt": "Acme grew its sales by half in 2024.\n",
      "settings.json": "{ \"theme\": \"dark\", \"figures\": [1, 2, 3] }\n",
      ".factlint.yml": "rules: [rules/]\n",
    ])
    let commit = ["git", "-c", "user.name=factlint", "-c", "user.email=factlint@example.org"]
    for command in [
      ["git", "init", "-q", "."], ["git", "add", "-A"], commit + ["commit", "-qm", "."],
    ] {
      let run = try program(command, in: folder.url)
      try #require(run.status == 0, "\(command): \(run.errors)")
    }
    return folder
  }

  /// `pre-commit try-repo` with this package's hooks, on `folder`'s staged files (or all of its
  /// files).
  static func preCommit(in folder: Folder, allFiles: Bool) throws -> BinaryRunner.Run {
    let home = folder.url.appendingPathComponent(".pre-commit-home").path
    let arguments =
      ["env", "PRE_COMMIT_HOME=\(home)", "FACTLINT_BIN=\(BinaryRunner.binary.path)", "NO_COLOR=1"]
      + ["pre-commit", "try-repo", BinaryRunner.packageRoot.path, "--verbose", "--color", "never"]
      + (allFiles ? ["--all-files"] : [])
    return try program(arguments, in: folder.url)
  }

  /// The lines pre-commit prints for each hook: `name....Passed`, `Failed` or `Skipped`.
  static func verdicts(_ output: String) -> [String: String] {
    var verdicts: [String: String] = [:]
    for line in output.split(separator: "\n") where line.hasPrefix("factlint (") {
      let name = String(line.prefix { $0 != "." })
      verdicts[name] =
        line.hasSuffix("Passed") ? "Passed" : line.hasSuffix("Skipped") ? "Skipped" : "Failed"
    }
    return verdicts
  }

  @Test(
    .enabled(if: preCommitUnavailability == nil, Comment(rawValue: preCommitUnavailability ?? "")))
  func bothHooksPassOnAgreeingFiguresAndReadOnlyTheirFiles() throws {
    let folder = try Self.hookRepository()
    let run = try Self.preCommit(in: folder, allFiles: true)
    #expect(run.status == 0, "\(run.output)\(run.errors)")
    #expect(
      Self.verdicts(run.output)
        == ["factlint (rules and data)": "Passed", "factlint (articles)": "Passed"],
      "\(run.output)")
    // The articles hook reads the Markdown and text files, never the YAML, CSV or JSON.
    #expect(run.output.contains("in 5 files"), "\(run.output)")
    #expect(!run.output.contains("settings.json"))
  }

  @Test(
    .enabled(if: preCommitUnavailability == nil, Comment(rawValue: preCommitUnavailability ?? "")))
  func aWrongFigureFailsTheHookForItsKindOfFile() throws {
    let folder = try Self.hookRepository()
    // An article that states +20% for the same rise, staged on its own.
    try folder.write(
      "articles/year.md",
      Self.article.replacingOccurrences(of: "rose 50%", with: "rose 20%"))
    _ = try Self.program(["git", "add", "articles/year.md"], in: folder.url)
    let article = try Self.preCommit(in: folder, allFiles: false)
    #expect(article.status == 1, "\(article.output)\(article.errors)")
    #expect(
      Self.verdicts(article.output)
        == ["factlint (rules and data)": "Skipped", "factlint (articles)": "Failed"],
      "\(article.output)")
    #expect(article.output.contains("articles/year.md:3:"), "\(article.output)")

    // A data file that states +20%: the rules and data hook fails.
    try folder.write("data/acme.yml", Self.data(stated: "+20%"))
    _ = try Self.program(["git", "add", "data/acme.yml"], in: folder.url)
    let data = try Self.preCommit(in: folder, allFiles: false)
    #expect(data.status == 1)
    #expect(Self.verdicts(data.output)["factlint (rules and data)"] == "Failed", "\(data.output)")
    #expect(data.output.contains("data/acme.yml:4:"), "\(data.output)")
  }

  // MARK: - GitHub Action

  /// `scripts/replay-action.py` on `folder` with these inputs, using the tests' `factlint`.
  static func replay(_ folder: Folder, _ inputs: [String: String]) throws -> BinaryRunner.Run {
    let script = BinaryRunner.packageRoot.appendingPathComponent("scripts/replay-action.py").path
    var arguments = ["python3", script, "--workspace", folder.url.path]
    arguments += ["--step-output", "build.binary=\(BinaryRunner.binary.path)"]
    for (name, value) in inputs.sorted(by: { $0.key < $1.key }) {
      arguments += ["--input", "\(name)=\(value)"]
    }
    return try program(arguments, in: folder.url)
  }

  /// A growth rule that only warns, in a repository whose configuration fails on warnings.
  static func warningRepository() throws -> Folder {
    try Folder([
      "rules/growth.yml": rules, "data/acme.yml": data(stated: "+20%"),
      "articles/year.md": article,
      ".factlint.yml": "rules: [rules/]\nfail-on: warning\nseverity: { growth: warning }\n",
    ])
  }

  @Test func theActionLeavesFailOnToTheConfigurationUnlessGiven() throws {
    let folder = try Self.warningRepository()
    let configured = try Self.replay(folder, [:])
    #expect(configured.status == 1, "\(configured.output)\(configured.errors)")
    #expect(
      configured.output.contains("::warning file=data/acme.yml,line=4"), "\(configured.output)")
    #expect(configured.output.contains("replay: 'Run factlint' failed with exit status 1"))

    let given = try Self.replay(folder, ["fail-on": "error"])
    #expect(given.status == 0, "\(given.output)\(given.errors)")
    #expect(given.output.contains("::warning file=data/acme.yml,line=4"))
  }

  @Test func theActionWritesSARIFAndUploadsItEvenWhenTheRunFails() throws {
    let folder = try Self.warningRepository()
    let run = try Self.replay(folder, ["args": "rules/"])
    #expect(run.status == 1)
    #expect(run.output.contains("replay: cache "), "\(run.output)")
    #expect(
      run.output.contains("factlint.sarif (1 results) as category factlint"), "\(run.output)")

    let off = try Self.replay(folder, ["args": "rules/", "sarif": "false"])
    #expect(off.output.contains("replay: skip 'Upload to code scanning'"), "\(off.output)")
  }

  @Test func theActionsArgumentsAreSplitAndGlobbedButNeverRun() throws {
    let folder = try Self.warningRepository()
    try folder.write(
      "articles/year.md", Self.article.replacingOccurrences(of: "rose 50%", with: "rose 20%"))
    let globbed = try Self.replay(folder, ["args": "check articles/*.md", "fail-on": "error"])
    #expect(globbed.status == 0, "\(globbed.output)\(globbed.errors)")
    #expect(
      globbed.output.contains("::warning file=articles/year.md,line=3"), "\(globbed.output)")

    let hostile = try Self.replay(
      folder, ["args": "rules/ $(touch pwned) `touch pwned2`; touch pwned3"])
    #expect(hostile.status == 2, "the pieces are paths that do not exist: \(hostile.output)")
    for name in ["pwned", "pwned2", "pwned3"] { #expect(!folder.exists(name)) }
    #expect(hostile.output.contains("::error file=$(touch,line=1,col=1"), "\(hostile.output)")
  }

  static let actionlintUnavailability: String? =
    onPath("actionlint") ? nil : "skipped: no actionlint on PATH (it installs from GitHub releases)"

  @Test(
    .enabled(if: actionlintUnavailability == nil, Comment(rawValue: actionlintUnavailability ?? ""))
  )
  func actionlintAcceptsTheWorkflowThatUsesTheAction() throws {
    let run = try Self.program(["actionlint", "-color=false"], in: BinaryRunner.packageRoot)
    #expect(run.status == 0, "\(run.output)\(run.errors)")
  }
}
