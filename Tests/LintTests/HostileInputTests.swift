import FactlintTestSupport
import Foundation
import Testing

/// Inputs written to attack the run: paths and links out of the repository, files that never
/// end, patterns that explode. Each is refused, located, with exit 2 and the input unchanged, or
/// gets the right verdict, within a bound.
@Suite struct HostileInputTests {
  static let rules = "data: [data/]\nrules:\n  - { id: growth, check: growth }\n"
  static let data = """
    entity: acme
    figures:
      - { metric: sales, period: 2023, value: 100 million }
      - { metric: sales, period: 2024, value: 150 million, change: { vs: 2023, stated: +50% } }
    """
  /// A file outside the repository whose text must never be printed.
  static let secret = "entity: SECRET-TOKEN-42\nfigures: []\n"

  /// `outside/secret.yml` beside `repo/`, a repository holding `files`.
  final class Checkout {
    let url: URL
    var repo: URL { url.appendingPathComponent("repo") }

    init(_ files: [String: String]) throws {
      url = FileManager.default.temporaryDirectory
        .appendingPathComponent("factlint-hostile-\(UUID().uuidString)")
      let all = files.merging(
        ["repo/.git/HEAD": "ref: refs/heads/main\n", "outside/secret.yml": secret]
      ) { $1 }
      for (name, text) in all {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
          at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
      }
    }

    func link(_ name: String, to target: String) throws {
      try FileManager.default.createSymbolicLink(
        atPath: repo.appendingPathComponent(name).path, withDestinationPath: target)
    }

    func run(_ arguments: [String]) throws -> BinaryRunner.Run {
      try BinaryRunner.run(arguments, in: repo, timeout: 10)
    }

    /// Every file's bytes, links not followed, to show that nothing changed.
    func snapshot() throws -> [String: Data] {
      var files: [String: Data] = [:]
      let enumerator = FileManager.default.enumerator(atPath: url.path)
      while let name = enumerator?.nextObject() as? String {
        let path = url.appendingPathComponent(name).path
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
          files[name] = Data(target.utf8)
        } else if let data = FileManager.default.contents(atPath: path) {
          files[name] = data
        }
      }
      return files
    }

    deinit { try? FileManager.default.removeItem(at: url) }
  }

  /// Runs `arguments` in the checkout's repository and asserts a refusal: exit 2, the first
  /// error line starting with `location` and containing `message`, the secret never printed and
  /// no input changed.
  static func expectRefusal(
    _ checkout: Checkout, _ arguments: [String], location: String, message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try checkout.snapshot()
    let run = try checkout.run(arguments)
    #expect(!run.crashed && !run.timedOut, sourceLocation: sourceLocation)
    #expect(run.status == 2, "\(run.output)\(run.errors)", sourceLocation: sourceLocation)
    let first = run.errors.split(separator: "\n").first { $0.contains(": error: ") } ?? ""
    #expect(first.hasPrefix(location), "\(run.errors)", sourceLocation: sourceLocation)
    #expect(first.contains(message), "\(run.errors)", sourceLocation: sourceLocation)
    #expect(
      !(run.output + run.errors).contains("SECRET-TOKEN"), "the outside file was read",
      sourceLocation: sourceLocation)
    #expect(try checkout.snapshot() == before, sourceLocation: sourceLocation)
  }

  @Test func dataOutsideTheRepositoryIsRefused() throws {
    let checkout = try Checkout(["repo/rules.yml": "data: [../outside/secret.yml]\nrules: []\n"])
    try Self.expectRefusal(
      checkout, ["rules.yml"], location: "rules.yml:1:8: error: '../outside/secret.yml' leads to ",
      message: "outside the folders a file may name")
  }

  @Test func allowPathLetsTheUserReachFurther() throws {
    let checkout = try Checkout(["repo/rules.yml": "data: [../outside/]\nrules: []\n"])
    let run = try checkout.run(["rules.yml", "--allow-path", "../outside"])
    #expect(run.status == 0, "\(run.errors)")
  }

  @Test func aLinkedRuleFileLeadingOutsideIsRefused() throws {
    let checkout = try Checkout([
      "repo/rules/ok.yml": Self.rules, "repo/rules/data/d.yml": Self.data,
    ])
    try checkout.link("rules/stolen.yml", to: "../../outside/secret.yml")
    try Self.expectRefusal(
      checkout, ["rules/"], location: "rules/stolen.yml:1:1: error: 'rules/stolen.yml' leads to ",
      message: "--allow-path")
  }

  @Test func aLinkedFolderInsideTheRepositoryIsFollowed() throws {
    let checkout = try Checkout([
      "repo/shared/growth.yml": "data: [d.yml]\nrules:\n  - { id: growth, check: growth }\n",
      "repo/shared/d.yml": Self.data.replacingOccurrences(of: "+50%", with: "+20%"),
      "repo/rules/other.yml": "rules: []\n",
    ])
    try checkout.link("rules/linked", to: "../shared")
    let run = try checkout.run(["rules/"])
    #expect(run.status == 1, "the linked folder's rule runs: \(run.output)\(run.errors)")
    #expect(run.output.contains("[growth]"))
  }

  @Test func aConfigurationNamingAFolderOutsideIsRefused() throws {
    let checkout = try Checkout([
      "repo/.factlint.yml": "rules: [rules/]\ndata: [/etc]\n", "repo/rules/r.yml": "rules: []\n",
    ])
    try Self.expectRefusal(
      checkout, [], location: ".factlint.yml:2:8: error: '/etc' leads to /etc",
      message: "outside the folders")
  }

  @Test func aFIFOInARulesFolderIsRefusedWithoutHanging() throws {
    let checkout = try Checkout(["repo/rules/ok.yml": "rules: []\n"])
    #expect(mkfifo(checkout.repo.appendingPathComponent("rules/pipe.yml").path, 0o644) == 0)
    try Self.expectRefusal(
      checkout, ["rules/"], location: "rules/pipe.yml:1:1: error: cannot read the file: ",
      message: "it is not a regular file")
  }

  @Test func aDeviceIsRefusedWithoutBeingRead() throws {
    let checkout = try Checkout(["repo/draft.md": "Sales rose 5% to $10 million in 2024.\n"])
    try Self.expectRefusal(
      checkout, ["/dev/zero"], location: "/dev/zero:1:1: error: cannot read the file: ",
      message: "it is not a regular file")
    try Self.expectRefusal(
      checkout, ["check", "draft.md", "--data", "/dev/zero"],
      location: "/dev/zero:1:1: error: ", message: "it is not a regular file")
  }

  @Test func articlePatternsThatWouldBacktrackEndAtOnce() throws {
    let name = String(repeating: "a", count: 43)
    let stars = String(repeating: "*a", count: 13) + "b"
    let checkout = try Checkout([
      "repo/.factlint.yml":
        "articles: [\"\(stars)\", \"\(String(repeating: "*", count: 50_000))x\"]\n",
      "repo/\(name)": "",
    ])
    let run = try checkout.run([])
    #expect(!run.crashed && !run.timedOut)
    // A pattern that matches nothing is a notice, and the run goes on.
    #expect(
      run.errors.contains(".factlint.yml:1:12: note: no article file matches"), "\(run.errors)")
  }

  @Test(arguments: ["\r\n", "\r"])
  func lineEndsOfEveryKindShowTheSourceLine(_ end: String) throws {
    let checkout = try Checkout([
      "repo/rules.yml": ["rules:", "  - id: a", "    check: growht", ""].joined(separator: end)
    ])
    let run = try checkout.run(["rules.yml"])
    #expect(run.status == 2)
    #expect(
      run.errors.hasPrefix(
        """
        rules.yml:3:12: error: unknown check 'growht'; did you mean 'growth'?
         3 |     check: growht
           |            ^~~~~~
        """), "\(run.errors)")
  }

  /// A key that would clear the screen and forge a GitHub workflow command.
  static let forgingRules =
    "rules:\n  - id: a\n    check: growth\n    \"x\\n::error file=forged.yml::owned\\e[2J\": 1\n"

  @Test func controlCharactersFromTheInputAreShownEscaped() throws {
    let checkout = try Checkout(["repo/rules.yml": Self.forgingRules])
    let run = try checkout.run(["rules.yml"])
    #expect(run.status == 2)
    #expect(!run.errors.contains("\u{1B}"), "\(run.errors)")
    #expect(!run.errors.split(separator: "\n").contains { $0.hasPrefix("::") }, "\(run.errors)")
    #expect(run.errors.contains("'x\\n::error file=forged.yml::owned\\u{1B}[2J'"), "\(run.errors)")
  }

  @Test func inputProblemsAreWorkflowCommandsUnderTheGitHubFormat() throws {
    let checkout = try Checkout(["repo/rules.yml": Self.forgingRules])
    let run = try checkout.run(["rules.yml", "--format", "github"])
    #expect(run.status == 2)
    let lines = run.output.split(separator: "\n")
    #expect(lines.count == 1, "\(run.output)")
    #expect(
      lines.first?.hasPrefix(
        "::error file=rules.yml,line=4,col=5,title=factlint input::unknown key 'x\\n::error")
        == true,
      "\(run.output)")
    #expect(run.errors == "factlint: 1 input problem; fix the input and run again\n")
  }

  /// A CSV whose growth claim is wrong (+20% for +50%), in the encodings and line ends that
  /// spreadsheet programs write.
  static let csv =
    "entity,metric,period,value,vs,stated\nacme,sales,2023,100 million,,\n"
    + "acme,sales,2024,150 million,2023,+20%\n"

  @Test(arguments: ["a byte order mark", "CR line ends", "CRLF line ends"])
  func csvFromSpreadsheetsReads(_ form: String) throws {
    let bytes =
      switch form {
      case "a byte order mark": [0xEF, 0xBB, 0xBF] + Array(Self.csv.utf8)
      case "CR line ends": Array(Self.csv.replacingOccurrences(of: "\n", with: "\r").utf8)
      default: Array(Self.csv.replacingOccurrences(of: "\n", with: "\r\n").utf8)
      }
    let checkout = try Checkout([
      "repo/rules.yml": "data: [d.csv]\nrules:\n  - { id: growth, check: growth }\n"
    ])
    try Data(bytes).write(to: checkout.repo.appendingPathComponent("d.csv"))
    let run = try checkout.run(["rules.yml"])
    #expect(run.status == 1, "\(run.output)\(run.errors)")
    #expect(run.output.hasPrefix("d.csv:3:34: error: stated growth +20%"), "\(run.output)")
    #expect(run.output.contains(" 3 | acme,sales,2024,150 million,2023,+20%\n"), "\(run.output)")
  }

  @Test func aUTF16FileIsToldToBeSavedAsUTF8() throws {
    let checkout = try Checkout([:])
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "rules: []\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    try Data(bytes).write(to: checkout.repo.appendingPathComponent("rules.yml"))
    try Data(bytes.dropFirst(2)).write(to: checkout.repo.appendingPathComponent("plain.yml"))
    for file in ["rules.yml", "plain.yml"] {
      try Self.expectRefusal(
        checkout, [file], location: "\(file):1:1: error: the file is UTF-16 text; save it as UTF-8",
        message: "UTF-16")
    }
  }

  @Test func aFigureGivenTwiceWithDifferentValuesIsAnError() throws {
    let figures = """
      entity: acme
      figures:
        - { metric: staff, period: 2024, value: 3412 }
        - { metric: staff, period: 2024, value: 3142 }
        - { metric: staff, period: 2023, value: 3000 }
        - { metric: staff, period: 2023, value: 3000 }
      """
    let checkout = try Checkout([
      "repo/rules.yml": "data: [d.yml]\nrules:\n  - { id: growth, check: growth }\n",
      "repo/d.yml": figures,
    ])
    try Self.expectRefusal(
      checkout, ["rules.yml"],
      location: "d.yml:4:43: error: acme staff 2024 is given twice with values that disagree: "
        + "3142 here, 3412 at d.yml:3:43",
      message: "give each its own 'source:'")

    // Two sources of one figure are a restatement for a rule to judge, not an input problem.
    let sourced = try Checkout([
      "repo/rules.yml": "data: [d.yml]\nrules:\n  - { id: again, check: restatement }\n",
      "repo/d.yml": figures.replacingOccurrences(
        of: "3412 }", with: "3412, source: annual report }"
      )
      .replacingOccurrences(of: "3142 }", with: "3142, source: press release }"),
    ])
    let run = try sourced.run(["rules.yml"])
    #expect(run.status == 1, "\(run.output)\(run.errors)")
    #expect(run.output.hasPrefix("d.yml:4:43: error: "), "\(run.output)")
    #expect(run.output.contains("[again]"))
  }

  /// Outputs are written whole or not at all: a full disk, a folder or a pipe nobody reads is a
  /// located error with exit 2, a device is never replaced and a link stays a link.
  @Test func outputsThatCannotBeWrittenAreErrors() throws {
    let checkout = try Checkout(["repo/rules.yml": Self.rules, "repo/data/d.yml": Self.data])
    try FileManager.default.createDirectory(
      at: checkout.repo.appendingPathComponent("folder"), withIntermediateDirectories: true)
    #expect(mkfifo(checkout.repo.appendingPathComponent("fifo").path, 0o600) == 0)
    var cases = [
      ("folder", "folder:1:1: error: cannot write the file: it is a folder"),
      ("fifo", "fifo:1:1: error: cannot write the file: it is a pipe that nothing reads"),
      ("gone/b.json", "gone/b.json:1:1: error: cannot write the file: No such file or directory"),
    ]
    if FileManager.default.fileExists(atPath: "/dev/full") {
      cases.append(("/dev/full", "/dev/full:1:1: error: cannot write the file: No space left"))
    }
    for (path, message) in cases {
      for arguments in [["--write-baseline", path], ["--report", "json:\(path)"]] {
        let run = try checkout.run(["rules.yml"] + arguments)
        #expect(!run.timedOut)
        #expect(run.status == 2, "\(arguments): \(run.errors)")
        #expect(run.errors.hasPrefix(message), "\(arguments): \(run.errors)")
      }
    }
    if FileManager.default.fileExists(atPath: "/dev/full") {
      let type = try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type]
      #expect(type as? FileAttributeType == .typeCharacterSpecial)
      // Standard output on a full disk, and closed: the report is lost, so the run fails.
      for redirect in ["> /dev/full", ">&-"] {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" rules.yml \(redirect)", BinaryRunner.binary.path]
        shell.currentDirectoryURL = checkout.repo
        let errors = Pipe()
        shell.standardError = errors
        try shell.run()
        let message = String(
          decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 2, "\(redirect): \(message)")
        #expect(message.hasPrefix("factlint: cannot write the output: "), "\(message)")
      }
    }
    // Through a link, the file it names is written and the link kept.
    try checkout.link("baseline.json", to: "kept.json")
    try "{}".write(
      to: checkout.repo.appendingPathComponent("kept.json"), atomically: true, encoding: .utf8)
    let run = try checkout.run(["rules.yml", "--write-baseline", "baseline.json"])
    #expect(run.status == 0, "\(run.errors)")
    let link = checkout.repo.appendingPathComponent("baseline.json").path
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "kept.json")
    let kept = try String(
      contentsOf: checkout.repo.appendingPathComponent("kept.json"), encoding: .utf8)
    #expect(kept.contains("\"version\": 1"))
  }

}
