import FactlintTestSupport
import Foundation
import Testing

/// Filings as data through the real binary: a draft checked against a companyfacts file, rules
/// over an xBRL-JSON report, and JSON that is no filing.
@Suite struct FilingTests {
  static let folder = "Tests/LintTests/Fixtures/filings"

  static func lines(_ text: String, _ kind: String) -> [String] {
    text.split(separator: "\n").filter { $0.contains(": \(kind): ") }.map(String.init)
  }

  @Test func aDraftIsCheckedAgainstTheCompanysFiling() throws {
    let run = try BinaryRunner.run([
      "check", "\(Self.folder)/draft.md", "--data", "\(Self.folder)/CIK0000987654.json", "--data",
      "\(Self.folder)/aliases.yml",
    ])
    #expect(run.status == 1, "\(run.output)\(run.errors)")
    let errors = Self.lines(run.output, "error")
    #expect(errors.count == 2, "\(run.output)")
    // The restated net income, and total assets with two digits swapped; revenue agrees.
    #expect(errors.first?.hasPrefix("\(Self.folder)/draft.md:5:16: error: $98 million") == true)
    #expect(errors.first?.contains("USD 91,000,000 for kestrel systems net_income 2022") == true)
    #expect(errors.last?.hasPrefix("\(Self.folder)/draft.md:7:23: error: $2.54 billion") == true)
    #expect(errors.last?.contains("digits swapped? $2.45 billion would agree") == true)
    // The data's figure is noted where the filing states it.
    #expect(run.output.contains("\(Self.folder)/CIK0000987654.json:37:66: note: the data:"))
    let notes = Self.lines(run.errors, "note")
    #expect(notes.contains { $0.contains("us-gaap:NetIncomeLoss 2022 (USD) was restated") })
    #expect(notes.contains { $0.contains("2 facts are not read") })
    #expect(run.output.hasSuffix("2 errors, 0 warnings in 3 files\n"))
  }

  @Test func rulesRunOverAReportsFacts() throws {
    let good = try BinaryRunner.run(["lint", "\(Self.folder)/segments.yml"])
    #expect(good.status == 0, "\(good.output)\(good.errors)")
    #expect(good.output.hasSuffix("0 errors, 0 warnings in 2 files\n"))

    // A segment's revenue with two digits swapped: the total check says so, at the fact.
    let folder = try IntegrationTests.Folder([
      "rules.yml": try String(
        contentsOfFile: "\(BinaryRunner.packageRoot.path)/\(Self.folder)/segments.yml",
        encoding: .utf8),
      "marlin-2024.json": try String(
        contentsOfFile: "\(BinaryRunner.packageRoot.path)/\(Self.folder)/marlin-2024.json",
        encoding: .utf8
      ).replacingOccurrences(of: "\"332900000\"", with: "\"323900000\""),
    ])
    let bad = try folder.run(["rules.yml", "--format", "json"])
    #expect(bad.status == 1, "\(bad.errors)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(bad.output.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?["file"] as? String == "marlin-2024.json")
    #expect(diagnostics.first?["line"] as? Int == 23)
    #expect((diagnostics.first?["message"] as? String)?.contains("GBP 323,900,000") == true)
    let notices = try #require(object["notices"] as? [[String: Any]])
    #expect(notices.map { $0["line"] as? Int } == [47], "the inconsistent duplicate")
  }

  @Test func jsonThatIsNoFilingIsAnErrorWhenNamedAndANoticeInAFolder() throws {
    let folder = try IntegrationTests.Folder([
      "data/settings.json": "{ \"theme\": \"dark\" }\n",
      "data/d.yml": "entity: acme\nfigures:\n  - { metric: sales, period: 2024, value: 5 }\n",
      "rules.yml": "data: [data/]\nrules:\n  - { id: growth, check: growth }\n",
      "draft.md": "Acme's sales were 5 in 2024.\n",
    ])
    let named = try folder.run(["check", "draft.md", "--data", "data/settings.json"])
    #expect(named.status == 2)
    #expect(
      named.errors.hasPrefix(
        "data/settings.json:1:1: error: this JSON is not a filing factlint reads (an object with "
          + "'theme')"), "\(named.errors)")

    let inFolder = try folder.run(["rules.yml"])
    #expect(inFolder.status == 0, "\(inFolder.errors)")
    #expect(inFolder.errors.contains("data/settings.json:1:1: note: 'settings.json' is not read"))
  }
}
