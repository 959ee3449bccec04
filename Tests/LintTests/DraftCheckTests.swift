import FactlintTestSupport
import Foundation
import Testing

/// Drafts checked against the desk's data and against other articles, through the real binary.
@Suite struct DraftCheckTests {
  typealias Folder = IntegrationTests.Folder

  /// The desk's figures for one company.
  static let data = """
    entity: kestrel
    figures:
      - { metric: revenue, period: 2025-Q2, value: $2.51 billion }
      - { metric: revenue, period: 2025-Q3, value: $2.73 billion }
      - { metric: net_income, period: 2025-Q3, value: -$45 million }
      - { metric: employees, period: 2025, value: "12,480 employees" }
    aliases:
      entities:
        kestrel: [Kestrel, Kestrel Systems]
      metrics:
        net_income: [net income, net loss]
    """

  /// A draft dated in the fourth quarter, one paragraph per line given.
  static func draft(_ paragraphs: String...) -> String {
    "---\ndate: 2025-10-28\n---\n# Kestrel results\n\n" + paragraphs.joined(separator: "\n\n")
      + "\n"
  }

  /// The error and warning lines of `factlint check` on `files`, with the data.
  static func verdicts(_ files: [String: String], checking names: [String]) throws
    -> (lines: [String], run: BinaryRunner.Run)
  {
    let folder = try Folder(files.merging(["data/kestrel.yml": data]) { mine, _ in mine })
    let run = try folder.run(["check"] + names + ["--data", "data/"])
    return (IntegrationTests.errorLines(run), run)
  }

  @Test func aFigureThatDisagreesWithTheDataIsAnErrorWithItsLikelyCause() throws {
    let (lines, run) = try Self.verdicts(
      [
        "draft.md": Self.draft(
          "Kestrel Systems said on Tuesday that revenue rose to $2.37 billion in the third "
            + "quarter of 2025.")
      ], checking: ["draft.md"])
    #expect(run.status == 1)
    #expect(
      lines == [
        "draft.md:6:54: error: $2.37 billion does not agree with the data, which has $2.73 "
          + "billion for kestrel revenue 2025-Q3 (data/kestrel.yml:4:48); digits swapped? "
          + "$2.73 billion would agree [restatement]"
      ])
    #expect(
      run.output.contains(
        "data/kestrel.yml:4:48: note: the data: kestrel revenue 2025-Q3, $2.73 billion"))
  }

  @Test(arguments: [
    // A scale word, the sign, and a count whose digits were swapped.
    (
      "Kestrel reported revenue of $2.73 million in the third quarter of 2025.",
      "is a scale word wrong? $2.73 billion would agree"
    ),
    ("Net income was $45 million in the third quarter of 2025.", "is the sign wrong?"),
    ("Kestrel employed 12,840 people at the end of 2025.", "digits swapped? 12,480 would agree"),
    (
      "Revenue in the second quarter of 2025 was $2.15 billion.",
      "digits swapped? $2.51 billion would agree"
    ),
  ])
  func slipsAreNamed(sentence: String, cause: String) throws {
    let (lines, _) = try Self.verdicts(["draft.md": Self.draft(sentence)], checking: ["draft.md"])
    #expect(lines.count == 1)
    #expect(lines.first?.contains(": error: ") == true)
    #expect(lines.first?.contains(cause) == true)
  }

  @Test(arguments: [
    // Correctly rounded, or stated as a loss.
    "Kestrel said revenue was $2.7 billion in the third quarter of 2025.",
    "Kestrel said revenue was more than $2.7 billion in the third quarter of 2025.",
    "Kestrel posted a net loss of $45 million in the third quarter of 2025.",
    // An estimate is no statement of the key's value.
    "Analysts had expected revenue of $2.9 billion in the third quarter of 2025.",
    // Too far from the data's figure to be a slip of it: another figure the binding missed.
    "Revenue from its software unit was $1.1 billion in the third quarter of 2025.",
    // A period taken only from the article's date is no key.
    "Revenue was $2.37 billion, the company said.",
  ])
  func figuresThatAgreeOrAreNotTheDataKeyPass(sentence: String) throws {
    let (lines, run) = try Self.verdicts(
      ["draft.md": Self.draft(sentence)], checking: ["draft.md"])
    #expect(lines == [])
    #expect(run.status == 0)
  }

  /// Two quarterly articles about the company, with no data for their keys.
  static let secondQuarter = """
    ---
    date: 2025-07-29
    ---
    # Kestrel second quarter

    Kestrel Systems said its headcount reached 9,310 in the second quarter of 2025.
    Orders rose to 41,200 units in the second quarter of 2025.
    """

  @Test func aFigureWrittenDifferentlyInTwoArticlesIsReportedAtTheLaterOne() throws {
    let third = """
      ---
      date: 2025-10-28
      ---
      # Kestrel third quarter

      Kestrel Systems said its headcount was 9,130 in the second quarter of 2025.
      """
    // The later article by date is given first: the finding is still located in it.
    let (lines, run) = try Self.verdicts(
      ["q3.md": third, "q2.md": Self.secondQuarter], checking: ["q3.md", "q2.md"])
    #expect(
      lines == [
        "q3.md:6:40: error: 9,130 restates 9,310 (kestrel employees 2025-Q2) from q2.md "
          + "differently: the two do not agree within their written precision; digits "
          + "swapped? 9,310 would agree [restatement]"
      ])
    #expect(run.output.contains("q2.md:6:44: note: the earlier article (bound by key): 9,310"))
  }

  @Test func aClaimUsesAFigureFromAnotherArticle() throws {
    let third = """
      ---
      date: 2025-10-28
      ---
      # Kestrel third quarter

      Kestrel Systems said orders rose 25% to 45,100 units in the third quarter of 2025 from \
      the previous quarter.
      """
    let (lines, _) = try Self.verdicts(
      ["q3.md": third, "q2.md": Self.secondQuarter], checking: ["q2.md", "q3.md"])
    // 41,200 to 45,100 is +9.5%: the base comes from the other article, by metric and period.
    #expect(lines.count == 1)
    #expect(
      lines.first?.hasPrefix("q3.md:6:34: warning: stated growth 25% does not follow") == true)
    #expect(lines.first?.contains("from another sentence") == true)
    // Checked alone, the claim has no base.
    let folder = try Folder(["q3.md": third])
    #expect(IntegrationTests.errorLines(try folder.run(["check", "q3.md"])) == [])
  }

  @Test func aDraftsTableIsCheckedInItselfAndAgainstTheData() throws {
    let draft = Self.draft(
      "Kestrel Systems reported its results on Tuesday.",
      "Revenue by segment, in millions of dollars:",
      """
      | Segment | Q3 2025 | Q3 2024 | y/y |
      |---|---|---|---|
      | Devices | 1,213 | 1,102 | 10% |
      | Services | 843 | 701 | 20% |
      | Software | 677 | 598 | 31% |
      | Other | — | — | n/a |
      | Total | 2,733 | 2,401 | 14% |
      """,
      "Cash flow, in millions of dollars:",
      """
      | | Q3 2025 | Q3 2024 |
      |---|---|---|
      | Operating | 512 | 430 |
      | Investing | (181) | (164) |
      | Total | 313 | 266 |
      """,
      "In millions of dollars:",
      """
      | | Q3 2025 | Q2 2025 |
      |---|---|---|
      | Revenue | 2,370 | 2,510 |
      """)
    let (lines, run) = try Self.verdicts(["draft.md": draft], checking: ["draft.md"])
    #expect(run.status == 1)
    #expect(
      lines == [
        "draft.md:14:26: error: stated growth 31% does not follow from 598 (2024-Q3) -> 677 "
          + "(2025-Q3): (new - old) / |old| is +13.0% to +13.4%; 31% implies 2024-Q3 of about USD "
          + "516.79 million [growth]",
        "draft.md:24:11: error: the parts do not add up to the total 313 (kestrel total "
          + "2025-Q3): 512 + (181) is USD 330.0 million to USD 332.0 million; digits swapped? "
          + "331 would agree [total]",
        "draft.md:30:13: error: 2,370 does not agree with the data, which has $2.73 billion for "
          + "kestrel revenue 2025-Q3 (data/kestrel.yml:4:48); digits swapped? 2,730 would agree "
          + "[restatement]",
      ])
  }
}
