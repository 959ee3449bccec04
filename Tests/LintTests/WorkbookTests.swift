import FactlintTestSupport
import Foundation
import Testing

/// A workbook as data through the real binary: a draft checked against a sheet's figures, each
/// finding at the cell, `book.xlsx[Sheet]!B7`.
@Suite struct WorkbookTests {
  static let workbook = WorkbookFixture(
    sheets: [
      WorkbookFixture.Sheet(
        "Income",
        rows: [
          [.text("entity"), .text("Kestrel")],
          [.text("currency"), .text("USD")],
          [.text("scale"), .text("millions")],
          [.empty, .number("2025"), .number("2024")],
          [.text("Revenue"), .number("1320.4", style: 1), .number("1180.2", style: 1)],
          [.text("Net income"), .number("120", style: 2), .number("91", style: 2)],
        ])
    ], formats: ["#,##0.0", "#,##0"])

  @Test func aDraftIsCheckedAgainstAWorkbook() throws {
    let folder = try IntegrationTests.Folder([
      "draft.md": """
      # Kestrel's year

      Kestrel reported revenue of $1.32 billion for 2025, up 11.9% from $1.18 billion in 2024.

      Net income was $19 million in 2024.

      """
    ])
    try Self.workbook.write(to: folder.url.appendingPathComponent("results.xlsx"))
    let run = try folder.run(["check", "draft.md", "--data", "results.xlsx"])
    #expect(run.status == 1, "\(run.output)\(run.errors)")
    let lines = run.output.split(separator: "\n").map(String.init)
    #expect(
      lines.first?.hasPrefix(
        "draft.md:5:16: error: $19 million does not agree with the data, which has USD 91 million "
          + "for kestrel net_income 2024 (results.xlsx[Income]!C6:6:3)") == true, "\(run.output)")
    #expect(
      lines.contains(
        "results.xlsx[Income]!C6:6:3: note: the data: kestrel net_income 2024, 91"),
      "\(run.output)")
    #expect(run.output.hasSuffix("1 error, 0 warnings in 2 files\n"))
    #expect(run.errors.isEmpty, "\(run.errors)")
  }

  @Test func aBrokenWorkbookFailsTheRunAtItsPlace() throws {
    let folder = try IntegrationTests.Folder([
      "draft.md": "Kestrel's revenue was $1.3 billion in 2025.\n"
    ])
    try Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).write(
      to: folder.url.appendingPathComponent("bad.xlsx"))
    let run = try folder.run(["check", "draft.md", "--data", "bad.xlsx"])
    #expect(run.status == 2)
    #expect(
      run.errors.hasPrefix("bad.xlsx:1:1: error: this is not an .xlsx workbook factlint can read"),
      "\(run.errors)")
  }
}
