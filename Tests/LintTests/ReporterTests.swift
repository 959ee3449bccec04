import Foundation
import Testing

@testable import FactlintModel
@testable import FactlintReporting
@testable import FactlintTestSupport
@testable import RuleEngine

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The CI formats (SARIF, JUnit, Checkstyle, GitHub): the binary's whole output against golden
/// files, SARIF against the official schema and against the JSON report, XML well-formedness, and
/// the escaping of awkward text.
///
/// To regenerate the golden files after an intended change of output, run
/// `FACTLINT_UPDATE_GOLDEN=1 swift test --filter ReporterTests` and review the diff.
@Suite struct ReporterTests {
  static let violations = ["Tests/LintTests/Fixtures/violations/rules.yml"]
  static let article = ["check", "articles/xiaomi-q2-2017.md", "--data", "data/"]
  /// Without data the growth claim cannot be checked, which yields a note-level diagnostic.
  static let unverified = ["check", "articles/xiaomi-q2-2017.md", "--show-unverified"]

  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var testDescription: String { name }
  }

  /// Each format with the suffix of its golden files.
  static let formats: [(id: String, suffix: String)] = [
    ("sarif", "sarif"), ("junit", "junit.xml"), ("checkstyle", "checkstyle.xml"),
    ("github", "github.txt"),
  ]

  static let goldenCases: [Case] = formats.flatMap { format in
    [
      Case(name: "violations.\(format.suffix)", arguments: violations + ["--format", format.id]),
      Case(name: "article.\(format.suffix)", arguments: article + ["--format", format.id]),
    ]
  }

  @Test(arguments: goldenCases)
  func outputMatchesGoldenFile(_ testCase: Case) throws {
    let run = try BinaryRunner.run(testCase.arguments)
    // Both inputs hold an error, so the run fails whatever the format.
    #expect(run.status == 1, "stderr: \(run.errors)")
    #expect(run.errors.isEmpty, "stderr: \(run.errors)")
    let mismatch = try GoldenFile.mismatch(
      run.output, name: testCase.name, arguments: testCase.arguments, suite: "ReporterTests")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func formatsAreOfferedAndVersioned() throws {
    let help = try BinaryRunner.run(["lint", "--help"])
    let words = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("Output format: text, json, sarif, junit, checkstyle, github"))
    let version = try BinaryRunner.run(["--version"])
    #expect(version.output == "factlint \(FactlintVersion.number)\n")
  }

  // MARK: SARIF

  struct SARIFCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    /// The descriptor ids, in order: the rules as loaded, or the check kinds for articles.
    let rules: [String]
    /// The levels the results must include, so that every mapping is exercised.
    let levels: Set<String>
    var testDescription: String { name }
  }

  static let articleRules = ["growth", "conversion", "total", "share", "restatement"]

  static let sarifCases = [
    SARIFCase(
      name: "violations", arguments: violations, rules: ["growth", "usd-amounts", "segments"],
      levels: ["error", "warning"]),
    SARIFCase(
      name: "article", arguments: article, rules: articleRules, levels: ["error", "warning"]),
    SARIFCase(
      name: "unverified", arguments: unverified, rules: articleRules, levels: ["error", "note"]),
  ]

  /// The SARIF log agrees, result by result, with the JSON report of the same run.
  @Test(arguments: sarifCases)
  func sarifAgreesWithJSONReport(_ testCase: SARIFCase) throws {
    let sarif = try BinaryRunner.run(testCase.arguments + ["--format", "sarif"])
    let report = try BinaryRunner.run(testCase.arguments + ["--format", "json"])
    let log = try Self.object(sarif.output)
    let diagnostics = try #require(
      try Self.object(report.output)["diagnostics"] as? [[String: Any]])
    #expect(log["$schema"] as? String == SARIFReporter.schema)
    #expect(log["version"] as? String == "2.1.0")
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let run = try #require(runs.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "factlint")
    #expect(driver["version"] as? String == FactlintVersion.number)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == testCase.rules)
    for rule in rules {
      let check = try #require(rule["name"] as? String)
      #expect(Self.text(rule["shortDescription"])?.isEmpty == false)
      #expect(Self.text(rule["fullDescription"])?.isEmpty == false)
      // The rule links to its check's section of the documentation, in the field and in the
      // help that code scanning shows.
      let documentation = "\(FactlintVersion.documentation)/checks.md#\(check)"
      #expect(rule["helpUri"] as? String == documentation)
      #expect(Self.text(rule["help"])?.contains("Documented at \(documentation);") == true)
      let help = rule["help"] as? [String: Any]
      #expect((help?["markdown"] as? String)?.contains("[Documentation](\(documentation))") == true)
      #expect(Self.text(rule["help"])?.contains("'factlint explain \(check)' prints") == true)
      // A rule's default level is its own severity: `usd-amounts` says `severity: warning`.
      let configuration = rule["defaultConfiguration"] as? [String: Any]
      let expected = rule["id"] as? String == "usd-amounts" ? "warning" : "error"
      #expect(configuration?["level"] as? String == expected)
    }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == diagnostics.count)
    #expect(Set(results.compactMap { $0["level"] as? String }) == testCase.levels)
    for (result, diagnostic) in zip(results, diagnostics) {
      let ruleID = try #require(result["ruleId"] as? String)
      #expect(ruleID == diagnostic["rule"] as? String)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules.indices.contains(index) && rules[index]["id"] as? String == ruleID)
      #expect(
        rules.first { $0["id"] as? String == ruleID }?["name"] as? String
          == diagnostic["check"] as? String)
      #expect(result["level"] as? String == diagnostic["severity"] as? String)
      #expect(Self.text(result["message"]) == diagnostic["message"] as? String)
      let locations = try #require(result["locations"] as? [[String: Any]])
      #expect(locations.count == 1)
      try Self.expectPlace(locations.first, matches: diagnostic)
      let fingerprints = result["partialFingerprints"] as? [String: Any]
      #expect(fingerprints?["factlint/v1"] as? String == diagnostic["fingerprint"] as? String)
      let notes = try #require(diagnostic["notes"] as? [[String: Any]])
      let related = result["relatedLocations"] as? [[String: Any]] ?? []
      #expect(related.count == notes.count)
      #expect(related.map { $0["id"] as? Int } == notes.indices.map { $0 + 1 })
      for (location, note) in zip(related, notes) {
        #expect(Self.text(location["message"]) == note["message"] as? String)
        try Self.expectPlace(location, matches: note)
      }
    }
  }

  /// The log, parsed as a JSON object.
  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The `text` of a SARIF message or multiformat string.
  static func text(_ message: Any?) -> String? {
    (message as? [String: Any])?["text"] as? String
  }

  /// A SARIF location's file, line and column are those of a JSON-report entry.
  static func expectPlace(_ location: [String: Any]?, matches entry: [String: Any]) throws {
    let physical = try #require(location?["physicalLocation"] as? [String: Any])
    let artifact = physical["artifactLocation"] as? [String: Any]
    #expect(artifact?["uri"] as? String == entry["file"] as? String)
    #expect(artifact?["uriBaseId"] == nil)
    let region = try #require(physical["region"] as? [String: Any])
    let column = try #require(region["startColumn"] as? Int)
    #expect(region["startLine"] as? Int == entry["line"] as? Int)
    #expect(column == entry["column"] as? Int)
    #expect((region["endColumn"] as? Int).map { $0 > column } == true)
  }

  @Test(
    .enabled(if: SchemaValidator.isAvailable, SchemaValidator.skipComment), arguments: sarifCases)
  func sarifValidatesAgainstTheOfficialSchema(_ testCase: SARIFCase) throws {
    let run = try BinaryRunner.run(testCase.arguments + ["--format", "sarif"])
    let verdict = try SchemaValidator.validate(run.output)
    #expect(verdict.valid, "\(testCase.name): \(verdict.output)")
  }

  @Test(.enabled(if: SchemaValidator.isAvailable, SchemaValidator.skipComment))
  func awkwardAndEmptyResultsValidateAgainstTheSchema() throws {
    let empty = LintResult(diagnostics: [], problems: [], fileCount: 0)
    for result in [Self.awkwardResult, empty] {
      let verdict = try SchemaValidator.validate(
        SARIFReporter.report(result, context: Self.context))
      #expect(verdict.valid, "\(verdict.output)")
    }
  }

  /// The validator is not vacuous: a level SARIF does not define is rejected.
  @Test(.enabled(if: SchemaValidator.isAvailable, SchemaValidator.skipComment))
  func schemaValidatorRejectsAnInvalidLog() throws {
    let run = try BinaryRunner.run(Self.violations + ["--format", "sarif"])
    let broken = run.output.replacingOccurrences(
      of: "\"level\": \"warning\"", with: "\"level\": \"fatal\"")
    #expect(broken != run.output)
    let verdict = try SchemaValidator.validate(broken)
    #expect(!verdict.valid)
    #expect(verdict.output.contains("'fatal' is not one of"))
  }

  // MARK: XML

  static let xmlCases: [Case] = [violations, article, unverified].flatMap { arguments in
    ["junit", "checkstyle"].map { format in
      Case(
        name: "\(arguments.joined(separator: " ")) --format \(format)",
        arguments: arguments + ["--format", format])
    }
  }

  @Test(arguments: xmlCases)
  func xmlIsWellFormed(_ testCase: Case) throws {
    let run = try BinaryRunner.run(testCase.arguments)
    #expect(!run.output.isEmpty)
    #expect(XMLCheck.problems(run.output) == [])
  }

  /// An input problem is written in the chosen format, on standard output where the format's
  /// reader looks, and located.
  @Test(arguments: ["json", "sarif", "junit", "checkstyle", "github"])
  func inputProblemsAreInEveryFormat(_ format: String) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-problems-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "rules:\n  - id: a\n    check: growht\n".write(
      to: folder.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
    let run = try BinaryRunner.run(["rules.yml", "--format", format], in: folder)
    #expect(run.status == 2)
    let expected: String =
      switch format {
      case "json": #""line": 3"#
      case "sarif": #""startColumn": 12"#
      case "junit": "rules.yml:3:12: unknown check &apos;growht&apos;"
      case "checkstyle": #"<error line="3" column="12" severity="error""#
      default: "::error file=rules.yml,line=3,col=12,"
      }
    #expect(run.output.contains(expected), "\(run.output)")
    #expect(run.output.contains("growht"), "\(run.output)")
    if format == "checkstyle" { #expect(run.output.contains(#"source="factlint.input""#)) }
  }

  static let malformed = [
    "<a><b></a>", "<a>&</a>", "<a>&bogus;</a>", "<a x=\"<\"/>", "<a/><b/>", "<a>\u{1}</a>",
    "<a>", "text", "<a x=\"1/>",
  ]

  /// Each checker is able to fail: both reject every malformed sample, and accept a valid one.
  @Test func xmlCheckersRejectMalformedXML() {
    for sample in Self.malformed {
      #expect(XMLCheck.tagBalanceProblems(sample) != [], "tag balance accepted \(sample)")
      #if canImport(FoundationXML) || canImport(Darwin)
        #expect(XMLCheck.parserProblems(sample) != [], "XMLParser accepted \(sample)")
      #endif
    }
    let valid = XML.declaration + "<a x=\"&amp;&#10;'\"><b/>t&lt;&gt;&#13;</a>\n"
    #expect(XMLCheck.problems(valid) == [])
  }

  // MARK: Escaping

  /// JSON strings escape quotes, backslashes and control characters, and keep every other
  /// character, of any length in UTF-8, as it is.
  @Test func jsonStringsRoundTrip() throws {
    for text in [Self.awkward, "caf\u{E9} \u{201C}\u{20AC}5\u{201D} \\ \u{1F4C8}\u{1F}", ""] {
      let quoted = JSONWriter.quote(text)
      let parsed =
        try JSONSerialization.jsonObject(
          with: Data("[\(quoted)]".utf8), options: []) as? [String]
      #expect(parsed == [text])
    }
    #expect(JSONWriter.quote("\u{1}\"") == "\"\\u0001\\\"\"")
  }

  /// Every character that some format must escape.
  static let awkward = "a & b < c > d \"e\" 'f' 50% x:y,z\ttab\nline\r\u{1}end"
  /// What an XML parser reads back: the one character XML cannot carry is replaced.
  static let awkwardInXML = awkward.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
  static let awkwardFile = "dir/odd name,v:1.yml"

  static var context: ReportContext { ReportContext(useColor: false) }

  /// An error from a rule that `rules` does not list, a warning and a note from one that it does.
  static var awkwardResult: LintResult {
    let location = SourceLocation(file: awkwardFile, line: 3, column: 5, length: 4)
    let note = Note(
      location: SourceLocation(file: "data/other.yml", line: 1, column: 2),
      message: "base: " + awkward)
    func diagnostic(_ severity: Severity, rule: String, check: String) -> Diagnostic {
      let finding = Finding(
        severity: severity, message: awkward, location: location, notes: [note],
        identity: [rule])
      return Diagnostic(finding: finding, ruleID: rule, checkID: check, severity: severity)
    }
    return LintResult(
      diagnostics: [
        diagnostic(.error, rule: "unlisted", check: "share"),
        diagnostic(.warning, rule: "listed", check: "growth"),
        diagnostic(.note, rule: "listed", check: "growth"),
      ],
      problems: [], fileCount: 2, rules: [RuleRun(id: "listed", checkID: "growth")])
  }

  @Test func githubEscapesDataAndProperties() {
    let output = GitHubReporter.report(Self.awkwardResult, context: Self.context)
    // Control characters in a message are shown as text output shows them; the line break
    // between the message and its note is the only one left, escaped for the command.
    let data =
      #"a & b < c > d "e" 'f' 50%25 x:y,z\ttab\nline\r\u{1}end%0Adata/other.yml:1:2: base: "#
      + #"a & b < c > d "e" 'f' 50%25 x:y,z\ttab\nline\r\u{1}end"#
    let properties = "file=dir/odd name%2Cv%3A1.yml,line=3,col=5,endColumn=9,title=factlint"
    #expect(
      output == """
        ::error \(properties) unlisted::\(data)
        ::warning \(properties) listed::\(data)
        ::notice \(properties) listed::\(data)

        """)
  }

  @Test func sarifKeepsTextAndEncodesPaths() throws {
    let log = try Self.object(SARIFReporter.report(Self.awkwardResult, context: Self.context))
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
    let rules = try #require(driver?["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == ["listed", "unlisted"])
    // The registry is empty here, so there is no text to give, rather than null.
    #expect(rules.allSatisfy { $0["shortDescription"] == nil && $0["help"] == nil })
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.map { $0["ruleIndex"] as? Int } == [1, 0, 0])
    #expect(results.map { $0["level"] as? String } == ["error", "warning", "note"])
    let first = try #require(results.first)
    #expect(Self.text(first["message"]) == Self.awkward)
    let location = (first["locations"] as? [[String: Any]])?.first
    let artifact =
      (location?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
    #expect(artifact?["uri"] as? String == "dir/odd%20name,v%3A1.yml")
    let related = (first["relatedLocations"] as? [[String: Any]])?.first
    #expect(Self.text(related?["message"]) == "base: " + Self.awkward)
  }

  @Test func junitCountsRulesAndEscapes() throws {
    let output = JUnitReporter.report(Self.awkwardResult, context: Self.context)
    #expect(XMLCheck.problems(output) == [])
    // Parsers accept a bare `'` in a double-quoted value; escaping it anyway is the contract.
    #expect(output.contains("&quot;e&quot; &apos;f&apos;"))
    #expect(
      output.contains("<testsuite name=\"factlint\" tests=\"2\" failures=\"2\" errors=\"0\">"))
    #if canImport(FoundationXML) || canImport(Darwin)
      let document = try XMLDocument(xmlString: output, options: [])
      let cases = try XMLCheck.elements(document, "/testsuite/testcase")
      #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["listed", "unlisted"])
      #expect(
        cases.map { $0.attribute(forName: "classname")?.stringValue }
          == ["factlint.growth", "factlint.share"])
      // The note is not a failure: one failure per rule, the warning and the error.
      let failures = try XMLCheck.elements(document, "//failure")
      #expect(failures.map { $0.attribute(forName: "type")?.stringValue } == ["warning", "error"])
      for failure in failures {
        #expect(failure.attribute(forName: "message")?.stringValue == Self.awkwardInXML)
        #expect(failure.stringValue == "\(Self.awkwardFile):3:5: \(Self.awkwardInXML)")
      }
    #endif
  }

  /// A run whose inputs could not all be used: one figure that does not parse.
  static let unusable = LintResult(
    diagnostics: [],
    problems: [
      Problem(
        .invalidFigure(.notANumber("lots", offset: 0)),
        at: SourceLocation(file: "data/d.yml", line: 3, column: 39, length: 4))
    ], fileCount: 1)

  @Test func machineFormatsCarryTheInputProblems() throws {
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(JSONReporter.report(Self.unusable, context: Self.context).utf8))
        as? [String: Any])
    let problems = try #require(json["problems"] as? [[String: Any]])
    #expect(problems.count == 1)
    #expect(problems.first?["file"] as? String == "data/d.yml")
    #expect(problems.first?["line"] as? Int == 3)
    #expect(problems.first?["column"] as? Int == 39)
    #expect((problems.first?["message"] as? String)?.hasPrefix("'lots' is not a figure") == true)

    let sarif = try #require(
      try JSONSerialization.jsonObject(
        with: Data(SARIFReporter.report(Self.unusable, context: Self.context).utf8))
        as? [String: Any])
    let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == false)
    let notifications = try #require(
      invocation["toolExecutionNotifications"] as? [[String: Any]])
    #expect(notifications.map { $0["level"] as? String } == ["error"])
    #expect(
      ((notifications.first?["message"] as? [String: Any])?["text"] as? String)?
        .hasPrefix("'lots' is not a figure") == true)

    let junit = JUnitReporter.report(Self.unusable, context: Self.context)
    #expect(XMLCheck.problems(junit) == [])
    #expect(junit.contains("tests=\"1\" failures=\"0\" errors=\"1\""))
    #expect(junit.contains("<testcase classname=\"factlint.input\" name=\"data/d.yml\">"))
    #expect(junit.contains("<error message=\"&apos;lots&apos; is not a figure"))
  }

  @Test(.enabled(if: SchemaValidator.isAvailable, SchemaValidator.skipComment))
  func inputProblemsValidateAgainstTheSchema() throws {
    let verdict = try SchemaValidator.validate(
      SARIFReporter.report(Self.unusable, context: Self.context))
    #expect(verdict.valid, "\(verdict.output)")
  }

  @Test func aReportThatCannotBeWrittenSaysSo() throws {
    let run = try BinaryRunner.run(
      Self.violations + ["--report", "json:/nonexistent-folder/report.json"])
    #expect(run.status == 2)
    #expect(
      run.errors.contains("/nonexistent-folder/report.json:1:1: error: cannot write the file: "),
      "\(run.errors)")
    #expect(!run.errors.contains("cannot read"))
  }

  @Test func checkstyleGroupsByFileAndEscapes() throws {
    let output = CheckstyleReporter.report(Self.awkwardResult, context: Self.context)
    #expect(XMLCheck.problems(output) == [])
    #expect(output.contains("&quot;e&quot; &apos;f&apos;"))
    #expect(output.contains("severity=\"info\""))
    #if canImport(FoundationXML) || canImport(Darwin)
      let document = try XMLDocument(xmlString: output, options: [])
      let files = try XMLCheck.elements(document, "/checkstyle/file")
      #expect(files.map { $0.attribute(forName: "name")?.stringValue } == [Self.awkwardFile])
      let errors = try XMLCheck.elements(document, "/checkstyle/file/error")
      #expect(
        errors.map { $0.attribute(forName: "source")?.stringValue }
          == ["factlint.unlisted", "factlint.listed", "factlint.listed"])
      #expect(
        errors.map { $0.attribute(forName: "severity")?.stringValue }
          == ["error", "warning", "info"])
      for error in errors {
        #expect(error.attribute(forName: "message")?.stringValue == Self.awkwardInXML)
        #expect(error.attribute(forName: "line")?.stringValue == "3")
        #expect(error.attribute(forName: "column")?.stringValue == "5")
      }
    #endif
  }

  /// Checkstyle lists files sorted by name, each file's diagnostics in report order.
  @Test func checkstyleSortsFiles() throws {
    func diagnostic(_ file: String, _ line: Int) -> Diagnostic {
      let location = SourceLocation(file: file, line: line, column: 1)
      let finding = Finding(severity: .error, message: "m", location: location)
      return Diagnostic(finding: finding, ruleID: "r", checkID: "total", severity: .error)
    }
    let result = LintResult(
      diagnostics: [diagnostic("b.yml", 2), diagnostic("a.yml", 9), diagnostic("b.yml", 1)],
      problems: [], fileCount: 2)
    let output = CheckstyleReporter.report(result, context: Self.context)
    // Each element as its name and first attribute value: `<file a.yml`, `<error 9`.
    let outline = output.split(separator: "\n").compactMap { line -> String? in
      let element = line.drop { $0 == " " }
      guard element.hasPrefix("<file") || element.hasPrefix("<error") else { return nil }
      return "\(element.prefix { $0 != " " }) \(element.split(separator: "\"")[1])"
    }
    #expect(outline == ["<file a.yml", "<error 9", "<file b.yml", "<error 2", "<error 1"])
  }
}

/// Well-formedness checks for the XML reports.
enum XMLCheck {
  /// Why `text` is not well-formed XML; empty when it is.
  static func problems(_ text: String) -> [String] {
    var problems = tagBalanceProblems(text)
    #if canImport(FoundationXML) || canImport(Darwin)
      problems += parserProblems(text)
    #endif
    return problems
  }

  #if canImport(FoundationXML) || canImport(Darwin)
    /// What Foundation's parser objects to.
    ///
    /// `XMLDocument(xmlString:)` on Linux recovers from errors instead of throwing, and
    /// `XMLParser.parse()` can return true with an error set (a mismatched end tag), so this
    /// asks the parser for its error as well as its result. It also accepts a document that
    /// ends inside its root, so a delegate counts the elements that open and close.
    static func parserProblems(_ text: String) -> [String] {
      let parser = XMLParser(data: Data(text.utf8))
      let balance = Balance()
      parser.delegate = balance
      let parsed = parser.parse()
      guard parsed, parser.parserError == nil else {
        let error = parser.parserError.map { "\($0)" } ?? "no error given"
        return ["XMLParser failed at line \(parser.lineNumber): \(error)"]
      }
      var problems: [String] = []
      if balance.depth != 0 { problems.append("XMLParser: \(balance.depth) elements left open") }
      if balance.roots != 1 { problems.append("XMLParser: \(balance.roots) root elements") }
      return problems
    }

    /// Counts root elements and how deep the parser is.
    final class Balance: NSObject, XMLParserDelegate {
      var depth = 0
      var roots = 0

      func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
      ) {
        if depth == 0 { roots += 1 }
        depth += 1
      }

      func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName: String?
      ) {
        depth -= 1
      }
    }

    /// The elements an XPath selects.
    static func elements(_ document: XMLDocument, _ path: String) throws -> [XMLElement] {
      try document.nodes(forXPath: path).compactMap { $0 as? XMLElement }
    }
  #endif

  /// A parser-free check: tags nest and close, there is one root, `<` and `&` appear only as
  /// markup or references, and no character is one XML 1.0 forbids.
  static func tagBalanceProblems(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    var problems: [String] = []
    var open: [String] = []
    var roots = 0
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar) {
        problems.append("control character U+\(String(scalar.value, radix: 16)) at \(index)")
        index += 1
      } else if scalar == "&" {
        let end = reference(scalars, at: index)
        if end == nil { problems.append("bare & at \(index)") }
        index = end ?? index + 1
      } else if scalar == "<" {
        guard let close = tagEnd(scalars, from: index + 1, problems: &problems) else {
          problems.append("unterminated tag at \(index)")
          break
        }
        let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
        let name = String(tag.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" })
        if tag.hasPrefix("?") {
          if !tag.hasSuffix("?") { problems.append("bad declaration \(tag)") }
        } else if tag.hasPrefix("/") {
          if open.popLast() != name { problems.append("unbalanced </\(name)>") }
        } else {
          if open.isEmpty { roots += 1 }
          if !tag.hasSuffix("/") { open.append(name) }
        }
        index = close + 1
      } else {
        if open.isEmpty && !scalar.properties.isWhitespace {
          problems.append("text outside the root at \(index)")
        }
        index += 1
      }
    }
    if !open.isEmpty { problems.append("unclosed \(open)") }
    if roots != 1 { problems.append("\(roots) root elements") }
    return problems
  }

  /// The index of the `>` that ends a tag begun before `start`, skipping quoted values, in
  /// which `<` is illegal and `&` must start a reference.
  static func tagEnd(
    _ scalars: [Unicode.Scalar], from start: Int, problems: inout [String]
  ) -> Int? {
    var quote: Unicode.Scalar?
    var index = start
    while index < scalars.count {
      let scalar = scalars[index]
      if let open = quote {
        if scalar == open {
          quote = nil
        } else if scalar == "<" {
          problems.append("< in an attribute value at \(index)")
        } else if scalar == "&" {
          guard let end = reference(scalars, at: index) else {
            problems.append("bare & in an attribute value at \(index)")
            index += 1
            continue
          }
          index = end
          continue
        }
      } else if scalar == "\"" || scalar == "'" {
        quote = scalar
      } else if scalar == ">" {
        return index
      } else if scalar == "<" {
        return nil
      }
      index += 1
    }
    return nil
  }

  /// The index after a well-formed reference (`&amp;`, `&#10;`, `&#x1F;`) at `index`, or nil.
  static func reference(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
    guard let semicolon = scalars[index...].prefix(12).firstIndex(of: ";") else { return nil }
    let body = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
    let named = ["amp", "lt", "gt", "quot", "apos"]
    let decimal = body.hasPrefix("#") && body.count > 1 && body.dropFirst().allSatisfy(\.isNumber)
    let hex =
      body.hasPrefix("#x") && body.count > 2 && body.dropFirst(2).allSatisfy(\.isHexDigit)
    return named.contains(body) || decimal || hex ? semicolon + 1 : nil
  }
}

/// Validates SARIF logs against the official schema with Python's `jsonschema`, when both are
/// at hand.
enum SchemaValidator {
  /// `../shared/schemas/sarif-schema-2.1.0.json`, beside the package.
  static let schema = BinaryRunner.packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")

  /// Why the schema tests cannot run here, or nil when the schema exists and `python3` can
  /// import `jsonschema`.
  static let unavailability: String? = {
    guard FileManager.default.fileExists(atPath: schema.path) else {
      return "skipped: the SARIF schema \(schema.path) is absent"
    }
    guard (try? python(["-c", "import jsonschema"]).status) == 0 else {
      return "skipped: python3 cannot import jsonschema (run bash scripts/setup.sh --tests)"
    }
    return nil
  }()

  /// Whether the schema tests can run here.
  static var isAvailable: Bool { unavailability == nil }

  /// The reason a skipped schema test prints.
  static var skipComment: Comment { Comment(rawValue: unavailability ?? "") }

  /// Draft 4, which the schema declares; errors print one per line as `path: message`.
  static let script = """
    import json, sys
    import jsonschema
    from jsonschema import validators
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    with open(sys.argv[2]) as f:
        log = json.load(f)
    cls = validators.validator_for(schema, default=jsonschema.Draft4Validator)
    if cls is not jsonschema.Draft4Validator:
        sys.exit("expected a draft-04 schema, got " + cls.__name__)
    cls.check_schema(schema)
    errors = list(cls(schema).iter_errors(log))
    for error in errors:
        print("/".join(str(part) for part in error.absolute_path) + ": " + error.message)
    sys.exit(1 if errors else 0)
    """

  /// Whether `log` validates, and what the validator printed.
  static func validate(_ log: String) throws -> (valid: Bool, output: String) {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-\(UUID().uuidString).sarif")
    try log.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try python(["-c", script, schema.path, file.path])
    return (run.status == 0, run.output)
  }

  /// Runs `python3 arguments`, standard error merged into the output.
  static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read to the end before waiting, so that a full pipe cannot block the child.
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
