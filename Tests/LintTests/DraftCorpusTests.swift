import FactlintTestSupport
import Foundation
import Testing

/// Drafts checked against data and against each other, each case a folder of
/// `Fixtures/drafts` with its articles, its data (in `data/`, if any) and the findings it
/// must give (`expected.txt`: `FILE:LINE: error|warning` lines, or `none`).
@Suite struct DraftCorpusTests {
  static let folder = BinaryRunner.packageRoot.appendingPathComponent(
    "Tests/LintTests/Fixtures/drafts")

  static var cases: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  @Test(arguments: cases)
  func givesExactlyTheExpectedFindings(_ name: String) throws {
    let directory = Self.folder.appendingPathComponent(name)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    let articles = files.filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") }.sorted()
    let hasData = files.contains("data")
    let run = try BinaryRunner.run(
      ["check"] + articles + (hasData ? ["--data", "data/"] : []), in: directory)
    #expect(run.errors.isEmpty, "\(run.errors)")
    // `file:line: severity` of each finding, without columns.
    let found = Set(
      run.output.split(separator: "\n").compactMap { line -> String? in
        let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].hasSuffix(".md") || parts[0].hasSuffix(".html"),
          [" error", " warning"].contains(String(parts[3]))
        else { return nil }
        return "\(parts[0]):\(parts[1]):\(parts[3])"
      })
    let expected = try String(
      contentsOf: directory.appendingPathComponent("expected.txt"), encoding: .utf8)
    let wanted = Set(
      expected.split(separator: "\n").map(String.init).filter {
        !$0.hasPrefix("#") && !$0.isEmpty && $0 != "none"
      })
    #expect(found == wanted, "\(run.output)")
  }
}
