import FactlintTestSupport
import Foundation
import Testing

/// `factlint check -` and `factlint check FOLDER`: a draft piped in by an editor's script, and a
/// folder of drafts, checked as files are.
@Suite struct StandardInputTests {
  static let draft =
    "Acme said revenue rose 20% to $150 million in 2024 from $100 million in 2023.\n"

  /// A repository with data in `data/`, drafts in `drafts/` whose configuration names the data.
  static func checkout() throws -> HostileInputTests.Checkout {
    try HostileInputTests.Checkout([
      "repo/data/d.yml": """
      entity: acme
      figures:
        - { metric: revenue, period: 2024, value: $150 million }
        - { metric: revenue, period: 2023, value: $100 million }
      """,
      "repo/drafts/.factlint.yml": "data: [../data/]\n",
      "repo/drafts/a.md": draft,
      "repo/drafts/b.txt": "Nothing to check here.\n",
      "repo/drafts/notes.yml": "not: [an article\n",
      "repo/drafts/package.json": "{\"name\": \"drafts\"}\n",
      "repo/empty/readme": "no articles\n",
    ])
  }

  @Test func aDraftOnStandardInputIsCheckedAndLocated() throws {
    let checkout = try Self.checkout()
    let run = try BinaryRunner.run(
      ["check", "-", "--data", "data/"], in: checkout.repo, input: "# Draft\n\n" + Self.draft)
    #expect(run.status == 1, "\(run.output)\(run.errors)")
    let lines = run.output.split(separator: "\n")
    #expect(
      lines.first?.hasPrefix("<stdin>:3:24: error: stated growth 20% does not follow") == true)
    // The excerpt comes from what was read, not from a file.
    #expect(lines.dropFirst().first == " 3 | \(Self.draft.dropLast())")
  }

  @Test func stdinPathNamesTheDraftAndFindsItsConfiguration() throws {
    let checkout = try Self.checkout()
    let before = try checkout.snapshot()
    let run = try BinaryRunner.run(
      ["check", "-", "--stdin-path", "drafts/new.md", "--format", "json"], in: checkout.repo,
      input: Self.draft)
    #expect(run.status == 1, "\(run.output)\(run.errors)")
    #expect(run.output.contains(#""file": "drafts/new.md""#))
    #expect(run.output.contains(#""column": 24"#))
    // Nothing is written under the name given.
    #expect(try checkout.snapshot() == before)
  }

  @Test func aFolderStandsForTheArticlesInIt() throws {
    let checkout = try Self.checkout()
    let run = try BinaryRunner.run(["check", "drafts", "--data", "data/"], in: checkout.repo)
    #expect(run.status == 1, "\(run.output)\(run.errors)")
    let errors = run.output.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("drafts/a.md:1:24: error: ") == true)
    // b.txt is read (two articles); notes.yml and package.json are not read as articles.
    #expect(run.output.contains("in 3 files"), "\(run.output)")
    #expect(run.errors.isEmpty, "\(run.errors)")
  }

  @Test func badUsesAreRefused() throws {
    let checkout = try Self.checkout()
    let cases: [([String], Int32, String)] = [
      (["check", "empty"], 2, "empty:1:1: error: no article files"),
      (["check", "-", "--stdin-path", "a.pdf"], 2, "a.pdf:1:1: error: 'a.pdf' is not an article"),
      (["check", "-", "-"], 64, "Error: '-' (standard input) may be given once"),
      (
        ["check", "drafts/a.md", "--stdin-path", "x.md"], 64, "Error: --stdin-path names the draft"
      ),
    ]
    for (arguments, status, message) in cases {
      let run = try BinaryRunner.run(arguments, in: checkout.repo, input: "x\n")
      #expect(run.status == status, "\(arguments): \(run.errors)")
      #expect(run.errors.hasPrefix(message), "\(arguments): \(run.output) \(run.errors)")
    }
  }
}
