import FactlintTestSupport
import Foundation
import Testing

/// Every kind of bad input gets a located error and exit 2: never a crash, a hang, or a skip.
@Suite struct BadInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    /// Files to write, by name.
    let files: [String: [UInt8]]
    /// The arguments; defaults to the rule file `rules.yml`.
    var arguments = ["rules.yml"]
    /// The start of the expected error line: `path:line:column: error: `.
    let location: String
    /// Text the message must contain.
    let message: String
    var testDescription: String { name }
  }

  static let data = "entity: acme\nfigures:\n  - { metric: m, period: 2024, value: 5 }\n"

  static func text(_ files: [String: String]) -> [String: [UInt8]] {
    files.mapValues { Array($0.utf8) }
  }

  /// A rule file with one growth rule over the data file `name`, which holds `text`.
  static func withData(_ name: String, _ text: String) -> [String: [UInt8]] {
    Self.text(["rules.yml": "data: [\(name)]\nrules:\n  - id: a\n    check: growth\n", name: text])
  }

  static let cases: [Case] = [
    Case(
      name: "invalid YAML",
      files: text(["rules.yml": "rules:\n  - id: a\n    check: growth\n   bad: [\n"]),
      location: "rules.yml:4:", message: "invalid YAML"),
    Case(
      name: "unknown check",
      files: text(["rules.yml": "rules:\n  - id: a\n    check: growht\n"]),
      location: "rules.yml:3:12: error: ", message: "unknown check 'growht'; did you mean 'growth'?"
    ),
    Case(
      name: "unknown key",
      files: text(["rules.yml": "rules:\n  - id: a\n    check: growth\n    severty: error\n"]),
      location: "rules.yml:4:5: error: ",
      message: "unknown key 'severty' in a rule; did you mean 'severity'?"),
    Case(
      name: "unknown parameter of a check",
      files: text([
        "rules.yml":
          "rules:\n  - id: a\n    check: total\n    total: revenue\n    part: [a]\n"
      ]),
      location: "rules.yml:5:5: error: ",
      message: "unknown key 'part' in a rule; did you mean 'parts'?"),
    Case(
      name: "wrong type",
      files: text([
        "rules.yml":
          "rules:\n  - id: a\n    check: total\n    total: revenue\n    parts: [a]\n    partial: \"yes\"\n"
      ]),
      location: "rules.yml:6:14: error: ", message: "'partial' must be true or false"),
    Case(
      name: "duplicate key",
      files: text(["rules.yml": "rules:\n  - id: a\n    check: growth\n    id: b\n"]),
      location: "rules.yml:4:5: error: ", message: "duplicate key 'id'"),
    Case(
      name: "duplicate rule id",
      files: text([
        "rules.yml": "rules:\n  - id: a\n    check: growth\n  - id: a\n    check: conversion\n"
      ]),
      location: "rules.yml:4:9: error: ", message: "duplicate rule id 'a' (first at rules.yml:2:9)"),
    Case(
      name: "number that does not parse",
      files: withData(
        "data.yml",
        "entity: acme\nfigures:\n  - { metric: m, period: 2024, value: 5.3.2 million }\n"),
      location: "data.yml:3:", message: "not a figure"),
    Case(
      name: "bad period",
      files: withData(
        "data.yml", "entity: acme\nfigures:\n  - { metric: m, period: 2024-Q5, value: 5 }\n"),
      location: "data.yml:3:26: error: ", message: "'2024-Q5' is not a period"),
    Case(
      name: "missing file",
      files: text(["rules.yml": "data: [missing/]\nrules:\n  - id: a\n    check: growth\n"]),
      location: "rules.yml:1:8: error: ", message: "no such file or folder"),
    Case(
      name: "missing argument",
      files: [:], arguments: ["nowhere.yml"],
      location: "nowhere.yml:1:1: error: ", message: "no such file or folder"),
    Case(
      name: "binary file",
      files: ["rules.yml": [0x72, 0x75, 0x6C, 0x65, 0x73, 0x3A, 0x00, 0x01, 0x02]],
      location: "rules.yml:1:7: error: ", message: "looks binary"),
    Case(
      name: "non-UTF-8 file",
      files: ["rules.yml": Array("rules:\n  - id: caf".utf8) + [0xE9, 0x0A]],
      location: "rules.yml:2:", message: "invalid YAML"),
    Case(
      name: "non-UTF-8 CSV",
      files: [
        "rules.yml": Array("data: [data.csv]\nrules:\n  - id: a\n    check: growth\n".utf8),
        "data.csv": Array("entity,metric,period,value\nacme,caf".utf8) + [0xE9]
          + Array(",2024,5\n".utf8),
      ],
      location: "data.csv:2:9: error: ", message: "not UTF-8"),
    Case(
      name: "alias bomb",
      files: text(["rules.yml": aliasBomb]),
      location: "rules.yml:", message: "aliases expand to more than"),
    Case(
      name: "nesting 100,000 deep",
      files: text(["rules.yml": "rules: " + String(repeating: "[", count: 100_000)]),
      location: "rules.yml:1:", message: "nesting is deeper than"),
    Case(
      name: "empty file",
      files: text(["rules.yml": "# nothing yet\n"]),
      location: "rules.yml:1:1: error: ", message: "the file is empty"),
    Case(
      name: "binary article",
      files: ["a.md": [0x23, 0x20, 0x00, 0x01]], arguments: ["check", "a.md"],
      location: "a.md:1:3: error: ", message: "looks binary"),
    Case(
      name: "invalid WordPress JSON",
      files: text(["post.json": "{\"title\": \n"]), arguments: ["check", "post.json"],
      location: "post.json:2:1: error: ", message: "invalid JSON"),
    Case(
      name: "article in an unsupported format",
      files: text(["a.pdf": "%PDF"]), arguments: ["check", "a.pdf"],
      location: "a.pdf:1:1: error: ", message: "is not an article file"),
    Case(
      name: "suppression without a reason",
      files: text(["a.md": "Intro.\n\n<!-- factlint-disable-next-line growth -->\nUp 5%.\n"]),
      arguments: ["check", "a.md"],
      location: "a.md:3:1: error: ", message: "suppression of 'growth' has no reason"),
    Case(
      name: "figure with more digits than a figure holds",
      files: withData(
        "data.yml",
        "entity: acme\nfigures:\n  - { metric: m, period: 2024, value: "
          + String(repeating: "9", count: 400) + " }\n"),
      location: "data.yml:3:39: error: ", message: "more than 30 significant digits"),
    Case(
      name: "figure without a period",
      files: withData("data.yml", "entity: acme\nfigures:\n  - { metric: m, value: 5 }\n"),
      location: "data.yml:3:5: error: ", message: "a figure has no 'period'; add it"),
    Case(
      name: "duplicate key in a flow mapping",
      files: withData(
        "data.yml", "entity: acme\nfigures:\n  - { metric: m, period: 2024, value: 5, value: 6 }\n"),
      location: "data.yml:3:42: error: ",
      message: "duplicate key 'value' (first at line 3, column 32)"),
    Case(
      name: "tab indentation",
      files: text(["rules.yml": "rules:\n\t- { id: a, check: growth }\n"]),
      location: "rules.yml:2:1: error: ", message: "indent with spaces, not tabs"),
    Case(
      name: "CSV header that repeats a column",
      files: withData("data.csv", "entity,metric,period,value,value\nacme,m,2024,5,6\n"),
      location: "data.csv:1:28: error: ", message: "repeats the column 'value'"),
    Case(
      name: "unknown CSV column",
      files: withData("data.csv", "entity,metric,period,valeu\nacme,m,2024,5\n"),
      location: "data.csv:1:22: error: ",
      message: "unknown CSV column 'valeu'; did you mean 'value'?"),
    Case(
      name: "CSV row with more fields than the header",
      files: withData("data.csv", "entity,metric,period,value\nacme,m,2024,5,7\n"),
      location: "data.csv:2:1: error: ", message: "this row has 5 fields but the header has 4"),
    Case(
      name: "CSV value that is not a figure",
      files: withData("data.csv", "entity,metric,period,value\nacme,m,2024,five\n"),
      location: "data.csv:2:13: error: ", message: "'five' is not a figure"),
    Case(
      name: "CSV quote never closed",
      files: withData("data.csv", "entity,metric,period,value\nacme,m,2024,\"5\n"),
      location: "data.csv:2:13: error: ", message: "a quoted CSV field is not closed"),
    Case(
      name: "unknown key in the configuration",
      files: text([".factlint.yml": "rulez: [rules.yml]\n", "rules.yml": "rules: []\n"]),
      location: ".factlint.yml:1:1: error: ",
      message: "unknown key 'rulez' in the configuration; did you mean 'rules'?"),
    Case(
      name: "severity that is not one",
      files: text([".factlint.yml": "fail-on: warnings\n", "rules.yml": "rules: []\n"]),
      location: ".factlint.yml:1:10: error: ", message: "'warnings' is not a severity"),
    Case(
      name: "baseline that is not one",
      files: text(["base.json": "garbage", "rules.yml": "rules:\n  - { id: a, check: growth }\n"]),
      arguments: ["rules.yml", "--baseline", "base.json"],
      location: "base.json:1:1: error: ", message: "the baseline is not valid"),
    Case(
      name: "folder with nothing to check",
      files: text(["notes.txt": "nothing here\n"]), arguments: ["."],
      location: ".:1:1: error: ", message: "no .yml, .yaml or .csv files here"),
    Case(
      name: "JSON that is not a WordPress post",
      files: text(["post.json": "{\"title\": {\"rendered\": \"x\"}}"]),
      arguments: ["check", "post.json"],
      location: "post.json:1:1: error: ", message: "the JSON is not a WordPress post"),
    Case(
      name: "JSON nested deeper than a post",
      files: text(["post.json": String(repeating: "[", count: 100_000)]),
      arguments: ["check", "post.json"],
      location: "post.json:1:513: error: ", message: "the JSON nests more than 512"),
    Case(
      name: "suppression naming no rule",
      files: text(["a.md": "Intro.\n\n<!-- factlint-disable-next-line -->\nUp 5%.\n"]),
      arguments: ["check", "a.md"],
      location: "a.md:3:1: error: ", message: "the suppression names no rule"),
    Case(
      name: "misspelt directive",
      files: text(["a.md": "Intro.\n\n<!-- factlint-disble growth: fine -->\nUp 5%.\n"]),
      arguments: ["check", "a.md"],
      location: "a.md:3:1: error: ", message: "unknown factlint directive 'factlint-disble'"),
    Case(
      name: "HTML article that is not UTF-8",
      files: ["a.html": Array("<p>caf".utf8) + [0xE9] + Array(" rose 5%</p>\n".utf8)],
      arguments: ["check", "a.html"],
      location: "a.html:1:7: error: ", message: "not UTF-8"),
    Case(
      name: "UTF-16 rule file",
      files: ["rules.yml": [0xFF, 0xFE] + "rules: []\n".utf16.flatMap { [UInt8($0 & 0xFF), 0] }],
      location: "rules.yml:1:1: error: ", message: "the file is UTF-16 text; save it as UTF-8"),
    Case(
      name: "file of a kind lint does not read",
      files: text(["report.docx": "x"]), arguments: ["report.docx"],
      location: "report.docx:1:1: error: ", message: "'report.docx' is not a .yml, .yaml or .csv"),
    Case(
      name: "not a rule or data file",
      files: text(["rules.yml": "rule: []\n"]),
      location: "rules.yml:1:1: error: ", message: "neither 'rules:' nor 'figures:'"),
  ]

  /// Ten levels of ten aliases each: 10^10 nodes if expanded.
  static var aliasBomb: String {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1...9 {
      let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      lines.append("a\(level): &a\(level) [\(previous)]")
    }
    lines.append("rules: *a9")
    return lines.joined(separator: "\n") + "\n"
  }

  static func folder(with files: [String: [UInt8]]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, bytes) in files {
      try Data(bytes).write(to: folder.appendingPathComponent(name))
    }
    return folder
  }

  @Test(arguments: cases)
  func badInputIsALocatedErrorWithExit2(_ testCase: Case) throws {
    let folder = try Self.folder(with: testCase.files)
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try snapshot(folder)
    let run = try BinaryRunner.run(testCase.arguments, in: folder, timeout: 30)
    #expect(!run.crashed && !run.timedOut)
    #expect(run.status == 2, "stdout: \(run.output) stderr: \(run.errors)")
    let firstLine = run.errors.split(separator: "\n").first.map(String.init) ?? ""
    #expect(firstLine.hasPrefix(testCase.location), "stderr: \(run.errors)")
    #expect(firstLine.contains(testCase.message), "stderr: \(run.errors)")
    #expect(try snapshot(folder) == before, "factlint must never modify its inputs")
  }

  /// A file larger than the limit is refused at once, without being read.
  @Test func hugeFileIsRefused() throws {
    let folder = try Self.folder(with: [:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("rules.yml").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 1 << 30)
    try handle.close()
    let run = try BinaryRunner.run(["rules.yml"], in: folder, timeout: 30)
    #expect(!run.crashed && !run.timedOut)
    #expect(run.status == 2)
    #expect(run.errors.hasPrefix("rules.yml:1:1: error: the file is 1073741824 bytes"))
  }

  /// An article longer than one may be is refused where the limit was passed, before its prose
  /// is read.
  @Test func anArticleLongerThanTheLimitIsRefused() throws {
    let sentence = "Revenue rose 5% to $21 million. "
    let text = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count + 1)
    let folder = try Self.folder(with: ["long.txt": Array(text.utf8)])
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try BinaryRunner.run(["check", "long.txt"], in: folder, timeout: 60)
    #expect(!run.crashed && !run.timedOut)
    #expect(run.status == 2)
    #expect(
      run.errors.hasPrefix(
        "long.txt:1:10000001: error: the article's prose is \(text.utf8.count) bytes, over the "
          + "limit of 10000000 for one article"), "\(run.errors.prefix(300))")
    // The excerpt of the one long line is the place, not the line.
    #expect(run.errors.utf8.count < 1_000)
  }

  /// Many problems on one long line print each around its place, not the whole line each time.
  @Test func problemsOnALongLineShowTheirPlaceOnly() throws {
    let figures = (0..<5_000).map { "{ metric: m\($0), period: 2024, value: zz }" }
    let folder = try Self.folder(
      with: Self.withData(
        "data.yml", "entity: acme\nfigures: [\(figures.joined(separator: ", "))]\n"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try BinaryRunner.run(["rules.yml"], in: folder, timeout: 60)
    #expect(run.status == 2)
    let lines = run.errors.split(separator: "\n")
    let errors = lines.filter { $0.contains(": error: ") }
    #expect(errors.count == 5_000)
    #expect(errors.last?.hasPrefix("data.yml:2:") == true)
    // Each excerpt holds its own figure, cut before it but for the first and after it but for
    // the last two, which end with the line.
    let excerpts = lines.filter { $0.hasPrefix(" 2 | ") }
    #expect(excerpts.count == 5_000)
    #expect(excerpts.allSatisfy { $0.count < 200 && $0.contains("value: zz") })
    #expect(excerpts.dropFirst().allSatisfy { $0.hasPrefix(" 2 | …") })
    #expect(excerpts.dropLast(2).allSatisfy { $0.hasSuffix("…") })
  }

  /// All problems in all files are reported in one run, not only the first.
  @Test func everyProblemIsReported() throws {
    let folder = try Self.folder(
      with: Self.text([
        "a.yml":
          "rules:\n  - id: x\n    check: growht\n  - id: y\n    check: growth\n    wher: {}\n",
        "b.yml": "rules:\n  - id: x\n    check: growth\n",
      ]))
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try BinaryRunner.run(["."], in: folder)
    #expect(run.status == 2)
    let lines = run.errors.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(
      lines == [
        "a.yml:3:12: error: unknown check 'growht'; did you mean 'growth'?",
        "a.yml:6:5: error: unknown key 'wher' in a rule; did you mean 'where'?",
      ])
  }

  func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
  }
}
