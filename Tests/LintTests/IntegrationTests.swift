import FactlintTestSupport
import Foundation
import Testing

/// Configuration, baselines, suppressions, plugins and changed lines, through the real binary.
@Suite struct IntegrationTests {
  /// Two growth claims, both wrong: +20% for +50%, and +10% for +60%.
  static let data = """
    entity: acme
    figures:
      - { metric: sales, period: 2023, value: 100 million }
      - { metric: sales, period: 2024, value: 150 million, change: { vs: 2023, stated: +20% } }
      - { metric: costs, period: 2023, value: 50 million }
      - { metric: costs, period: 2024, value: 80 million, change: { vs: 2023, stated: +10% } }
    """
  static let rules = "data: [../data/]\nrules:\n  - { id: growth, check: growth }\n"

  /// A folder with the given files, removed after the test.
  final class Folder {
    let url: URL

    init(_ files: [String: String]) throws {
      url = FileManager.default.temporaryDirectory
        .appendingPathComponent("factlint-it-\(UUID().uuidString)")
      for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
      try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    func run(
      _ arguments: [String], in sub: String = "", environment: [String: String] = [:]
    ) throws -> BinaryRunner.Run {
      try BinaryRunner.run(
        arguments, in: sub.isEmpty ? url : url.appendingPathComponent(sub),
        environment: environment)
    }

    func exists(_ name: String) -> Bool {
      FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
  }

  static func errorLines(_ run: BinaryRunner.Run) -> [String] {
    run.output.split(separator: "\n").filter {
      $0.contains(": error: ") || $0.contains(": warning: ")
    }
    .map(String.init)
  }

  @Test func configurationIsFoundFromASubfolder() throws {
    let folder = try Folder([
      ".factlint.yml": """
      rules: [rules/]
      severity: { growth: warning }
      fail-on: warning
      """,
      "rules/r.yml": Self.rules, "data/d.yml": Self.data, "sub/deeper/notes.txt": "",
      ".git/HEAD": "ref: refs/heads/main\n",
    ])
    let run = try folder.run([], in: "sub/deeper")
    #expect(run.status == 1, "\(run.errors)")
    let lines = Self.errorLines(run)
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.contains(": warning: stated growth") }, "\(lines)")
    #expect(lines.first?.hasPrefix("../../data/d.yml:4:") == true, "\(lines)")
  }

  @Test func disabledRulesDoNotRun() throws {
    let folder = try Folder([
      ".factlint.yml": "rules: [rules/]\ndisable: [growth]\n",
      "rules/r.yml": Self.rules, "data/d.yml": Self.data,
    ])
    let run = try folder.run([])
    #expect(run.status == 0)
    #expect(run.output == "0 errors, 0 warnings in 2 files\n")
  }

  @Test func unknownConfigurationKeyIsALocatedError() throws {
    let folder = try Folder([".factlint.yml": "rules: [rules/]\nfail_on: warning\n"])
    let run = try folder.run([])
    #expect(run.status == 2)
    #expect(
      run.errors.hasPrefix(
        ".factlint.yml:2:1: error: unknown key 'fail_on' in the configuration; did you mean "
          + "'fail-on'?"))
  }

  @Test func toleranceWidensHedgedFigures() throws {
    let data = """
      entity: acme
      figures:
        - { metric: sales, period: 2023, value: 100 million }
        - { metric: sales, period: 2024, value: 150 million, change: { vs: 2023, stated: about 40% } }
      """
    let strict = try Folder(["rules/r.yml": Self.rules, "data/d.yml": data])
    #expect(try strict.run(["rules/"]).status == 1)
    let tolerant = try Folder([
      ".factlint.yml": "tolerance: { about: 25% }\n", "rules/r.yml": Self.rules,
      "data/d.yml": data,
    ])
    let run = try tolerant.run(["rules/"])
    #expect(run.status == 0, "\(run.output)")
  }

  @Test func baselineRoundTrip() throws {
    let folder = try Folder(["rules/r.yml": Self.rules, "data/d.yml": Self.data])
    // Writing a baseline accepts today's violations: the run succeeds, and says what it wrote.
    let written = try folder.run(["rules/", "--write-baseline", "baseline.json"])
    #expect(written.status == 0, "\(written.errors)")
    #expect(written.errors == "factlint: wrote 2 violations to baseline.json\n")
    #expect(try folder.read("baseline.json").contains("\"rule\": \"growth\""))

    // Edits elsewhere in the file move the lines; the baseline still matches.
    try folder.write("data/d.yml", "# reviewed in March\n\n" + Self.data)
    let clean = try folder.run(["rules/", "--baseline", "baseline.json"])
    #expect(clean.status == 0, "\(clean.output)")
    #expect(clean.output == "0 errors, 0 warnings in 2 files\n")

    // A new error is reported; fixing an old one makes its entry stale.
    let changed =
      Self.data
      .replacingOccurrences(of: "stated: +10%", with: "stated: +60%")
      + "\n  - { metric: staff, period: 2023, value: 101 }\n"
      + "  - { metric: staff, period: 2024, value: 131, change: { vs: 2023, stated: +3% } }\n"
    try folder.write("data/d.yml", changed)
    let run = try folder.run(["rules/", "--baseline", "baseline.json"])
    let lines = Self.errorLines(run)
    #expect(run.status == 1)
    #expect(lines.count == 2, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("data/d.yml:8:") && $0.contains("stated growth +3%") })
    #expect(
      lines.contains {
        $0.hasPrefix("baseline.json:") && $0.contains("matches no violation any more")
      })
  }

  @Test func suppressionsInDataAndRuleFiles() throws {
    let data = Self.data.replacingOccurrences(
      of: "stated: +20% } }",
      with: "stated: +20% },\n      ignore: [growth], reason: restated by the company }")
    let folder = try Folder([
      "rules/r.yml": Self.rules + """
        ignore:
          - { rule: growth, where: { metric: costs }, reason: under review }
          - { rule: growth, where: { metric: staff }, reason: old }
        """,
      "data/d.yml": data,
    ])
    let run = try folder.run(["rules/"])
    let lines = Self.errorLines(run)
    #expect(
      lines == [
        "rules/r.yml:6:5: warning: suppression of 'growth' matched no finding; remove it "
          + "[unused-suppression]"
      ], "\(run.output)")

    let noReason = try Folder([
      "rules/r.yml": Self.rules,
      "data/d.yml": Self.data.replacingOccurrences(
        of: "stated: +20% } }", with: "stated: +20% }, ignore: [growth] }"),
    ])
    let failed = try noReason.run(["rules/"])
    #expect(failed.status == 2)
    #expect(failed.errors.contains("a figure with 'ignore' has no 'reason'; add it"))
  }

  /// An input problem of data that both the rules and the articles read is printed and counted
  /// once, and the summary line counts it.
  @Test func inputProblemsAreCountedOnceAndSummed() throws {
    let folder = try Folder([
      ".factlint.yml": "rules: [rules/]\ndata: [data/]\narticles: [\"*.md\"]\n",
      "rules/r.yml": Self.rules,
      "data/d.yml": Self.data.replacingOccurrences(
        of: "stated: +20% } }", with: "stated: +20% }, ignore: [growth] }"),
      "draft.md": "Acme's sales rose to 150 million in 2024.\n",
    ])
    let run = try folder.run([])
    #expect(run.status == 2)
    let message = "a figure with 'ignore' has no 'reason'; add it"
    #expect(run.errors.components(separatedBy: message).count == 2, "\(run.errors)")
    #expect(run.errors.hasSuffix("factlint: 1 input problem; fix the input and run again\n"))
    #expect(run.output.hasSuffix(", 1 input problem in 3 files\n"), "\(run.output)")
  }

  /// A configured pattern that matches nothing yet and a data export in a data folder are
  /// noticed, and leave the outcome as it is.
  @Test func noticesLeaveTheOutcome() throws {
    let folder = try Folder([
      ".factlint.yml": "rules: [rules/]\narticles: [\"drafts/*.md\"]\n",
      "rules/r.yml": Self.rules,
      "data/d.yml": Self.data,
      "data/export.json": "{}\n",
    ])
    let run = try folder.run([])
    #expect(run.status == 1, "\(run.errors)")
    #expect(run.output.hasSuffix("2 errors, 0 warnings in 2 files\n"), "\(run.output)")
    let notes = run.errors.split(separator: "\n").filter { $0.contains(": note: ") }
    let pattern =
      ".factlint.yml:2:12: note: no article file matches 'drafts/*.md', so it checks nothing; "
      + "check the pattern, or remove it"
    let export =
      "data/export.json:1:1: note: 'export.json' is not read: data files are YAML, CSV, TSV, "
      + ".xlsx workbooks, or filings in JSON (SEC companyfacts, xBRL-JSON); convert it, or move "
      + "it out of this folder"
    #expect(notes.map(String.init) == [pattern, export], "\(run.errors)")
    #expect(!run.errors.contains("input problem"))
    let json = try folder.run(["--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect((object["problems"] as? [Any])?.count == 0)
    #expect(
      (object["notices"] as? [[String: Any]])?.map { $0["file"] as? String } == [
        ".factlint.yml", "data/export.json",
      ])
  }

  @Test func theExamplePluginRuns() throws {
    let run = try BinaryRunner.run(["examples/plugin/rules.yml", "--allow-plugins"])
    #expect(run.status == 0, "\(run.errors)")
    #expect(
      run.output.hasPrefix(
        "examples/plugin/data.yml:4:61: warning: 23.16 billion units is above the ceiling of "
          + "100000000 for smartphone_shipments; check the scale word [shipments-ceiling]"))
  }

  // The timeouts of the cases that are not about timing leave room for a loaded machine.
  @Test(arguments: [
    ("exit 3", "20", "exited with status 3"),
    ("sleep 5", "0.5", "did not finish within 0.5 s"),
    ("echo not json", "20", "printed invalid JSON (not JSON)"),
    ("head -c 40000000 /dev/zero", "20", "printed more than 32 MB and was stopped"),
    (
      "echo '{\"diagnostics\": [{\"message\": \"x\"}]}'", "20",
      "printed invalid JSON (a diagnostic needs file"
    ),
  ])
  func pluginFailuresAreLocatedAndOtherRulesStillRun(
    _ command: String, _ timeout: String, _ problem: String
  ) throws {
    let folder = try Folder([
      "rules/plugin.sh": "cat > /dev/null\n\(command)\n",
      "rules/r.yml": """
      data: [../data/]
      plugins:
        - { id: broken, command: [sh, plugin.sh], timeout: \(timeout) }
      rules:
        - { id: growth, check: growth }
        - { id: via-plugin, check: broken, limit: 3 }
      """,
      "data/d.yml": Self.data,
    ])
    let run = try folder.run(["rules/", "--allow-plugins"])
    #expect(run.status == 2)
    #expect(
      run.errors.hasPrefix("rules/r.yml:3:11: error: plugin 'broken' \(problem)"), "\(run.errors)")
    #expect(Self.errorLines(run).count == 2, "the growth rule still runs: \(run.output)")
  }

  /// A plugin that records that it ran, and the environment it was given, beside itself.
  static let recordingPlugin = [
    "rules/plugin.sh": "#!/bin/sh\ncat > /dev/null\nenv > ran.txt\necho '{\"diagnostics\": []}'\n",
    "rules/r.yml": """
    data: [../data/]
    plugins:
      - { id: recorder, command: [sh, plugin.sh] }
    rules:
      - { id: growth, check: growth }
      - { id: recorded, check: recorder }
    """,
    "data/d.yml": data,
  ]

  @Test func pluginsRunOnlyWhenTheUserAllowsThem() throws {
    let folder = try Folder(Self.recordingPlugin)
    let refused = try folder.run(["rules/"])
    #expect(refused.status == 2)
    #expect(
      refused.errors.hasPrefix(
        "rules/r.yml:6:11: error: rule 'recorded' runs a plugin's command, and plugins run only "
          + "when allowed; pass --allow-plugins"), "\(refused.errors)")
    #expect(!folder.exists("rules/ran.txt"), "the command must not run")
    #expect(Self.errorLines(refused).count == 2, "the other rules still run: \(refused.output)")

    let allowed = try folder.run(["rules/"], environment: ["FACTLINT_ALLOW_PLUGINS": "1"])
    #expect(allowed.status == 1, "\(allowed.errors)")
    #expect(folder.exists("rules/ran.txt"))
  }

  @Test func aPluginSeesOnlyTheAllowlistedEnvironment() throws {
    let folder = try Folder(Self.recordingPlugin)
    let run = try folder.run(
      ["rules/", "--allow-plugins"], environment: ["FACTLINT_TEST_SECRET": "hunter2"])
    #expect(run.status == 1, "\(run.errors)")
    let seen = try folder.read("rules/ran.txt")
    #expect(!seen.contains("hunter2"), "\(seen)")
    #expect(seen.contains("PATH="), "\(seen)")
  }

  @Test func aRelativePluginCommandIsTheDeclaringFilesFolders() throws {
    var files = Self.recordingPlugin
    files["rules/r.yml"] = files["rules/r.yml"]?.replacingOccurrences(
      of: "[sh, plugin.sh]", with: "[./plugin.sh]")
    let folder = try Folder(files)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755],
      ofItemAtPath: folder.url.appendingPathComponent("rules/plugin.sh").path)
    let run = try folder.run(["rules/", "--allow-plugins"])
    #expect(run.status == 1, "\(run.errors)")
    #expect(folder.exists("rules/ran.txt"))
  }

  @Test func aConfigurationAboveTheRepositoryIsNotRead() throws {
    let folder = try Folder([
      ".factlint.yml": "fail-on: nonsense\n",
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/rules/r.yml": Self.rules, "repo/data/d.yml": Self.data,
    ])
    let run = try folder.run([], in: "repo")
    #expect(run.status == 1, "the planted configuration is not read: \(run.errors)")
    #expect(Self.errorLines(run).count == 2, "\(run.output)")
  }

  @Test func onlyChangedLinesAreReportedSinceARevision() throws {
    let folder = try Folder(["rules/r.yml": Self.rules, "data/d.yml": Self.data])
    func git(_ arguments: [String]) throws {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments =
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments
      process.currentDirectoryURL = folder.url
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "git \(arguments)")
    }
    // Outside a repository: a located error that says what to do, not git's usage.
    let outside = try folder.run(["rules/", "--since", "HEAD"])
    #expect(outside.status == 2)
    #expect(outside.errors.contains(":1:1: error: this folder is in no git repository"))
    #expect(!outside.errors.contains("usage"), "\(outside.errors)")
    try git(["init", "-q"])
    try git(["add", "."])
    try git(["commit", "-q", "-m", "data"])
    try folder.write(
      "data/d.yml", Self.data.replacingOccurrences(of: "stated: +10%", with: "stated: +12%"))
    let run = try folder.run(["rules/", "--since", "HEAD"])
    let lines = Self.errorLines(run)
    #expect(lines.count == 1, "\(run.output)")
    #expect(lines.first?.hasPrefix("data/d.yml:6:") == true)
    let bad = try folder.run(["rules/", "--since", "no-such-revision"])
    #expect(bad.status == 2)
    #expect(bad.errors.contains("cannot compare with 'no-such-revision'"))
    // A revision is never read as one of git's options.
    let option = try folder.run(["rules/", "--since=--output=diff.txt"])
    #expect(option.status == 2)
    #expect(!folder.exists("diff.txt"))
  }

  @Test func extraReportsAreWrittenBesideTheMainFormat() throws {
    let folder = try Folder(["rules/r.yml": Self.rules, "data/d.yml": Self.data])
    let run = try folder.run(["rules/", "--report", "json:out.json", "--report", "json"])
    #expect(run.status == 1)
    let file = try folder.read("out.json")
    #expect(file.hasPrefix("{\n  \"version\": 1,"))
    #expect(run.output.hasSuffix(file), "the second report goes to standard output")
    #expect(run.output.hasPrefix("data/d.yml:4:"))
  }
}
