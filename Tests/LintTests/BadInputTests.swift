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
      files: text([
        "rules.yml": "data: [data.yml]\nrules:\n  - id: a\n    check: growth\n",
        "data.yml":
          "entity: acme\nfigures:\n  - { metric: m, period: 2024, value: 5.3.2 million }\n",
      ]),
      location: "data.yml:3:", message: "not a figure"),
    Case(
      name: "bad period",
      files: text([
        "rules.yml": "data: [data.yml]\nrules:\n  - id: a\n    check: growth\n",
        "data.yml": "entity: acme\nfigures:\n  - { metric: m, period: 2024-Q5, value: 5 }\n",
      ]),
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
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 1 << 30)
    try handle.close()
    let run = try BinaryRunner.run(["rules.yml"], in: folder, timeout: 30)
    #expect(!run.crashed && !run.timedOut)
    #expect(run.status == 2)
    #expect(run.errors.hasPrefix("rules.yml:1:1: error: the file is 1073741824 bytes"))
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
