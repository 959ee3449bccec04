import Checks
import FactlintCLI
import FactlintReporting
import Foundation
import RuleEngine
import Testing

/// What an editor is offered for a draft: the figure that would agree with each finding, and each
/// figure's verdict, from the same run as `factlint check`.
@Suite struct DraftInspectionTests {
  /// A folder with a configuration and data: Acme's revenue for 2023 and 2024.
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-inspection-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try "data: [acme.yml]\n".write(
      to: folder.appendingPathComponent(".factlint.yml"), atomically: true, encoding: .utf8)
    try """
    entity: acme
    figures:
      - { metric: revenue, period: 2023, value: $2.37 billion }
      - { metric: revenue, period: 2024, value: $2.73 billion }
    aliases:
      entities: { acme: [Acme] }

    """.write(to: folder.appendingPathComponent("acme.yml"), atomically: true, encoding: .utf8)
    return folder
  }

  static func check(_ text: String) throws -> LintResult {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    return Session.checkDraft(
      text, path: folder.appendingPathComponent("draft.md").path, options: RunOptions(),
      registry: .builtin, keepingArticles: true)
  }

  @Test(arguments: [
    // The stated change at its precision, as the figures give it; a decline keeps its words.
    ("Acme revenue rose 25% to $2.73 billion in 2024 from $2.37 billion in 2023.", "25%", "15%"),
    ("Acme revenue fell 12% to $2.37 billion in 2024 from $2.73 billion in 2023.", "12%", "13%"),
    (
      "Acme revenue rose 25.0% to $2.73 billion in 2024 from $2.37 billion in 2023.", "25.0%",
      "15.2%"
    ),
    // The total, written as its parts' sum; or the part whose digits slipped.
    (
      "Operating profit of $410 million was made up of $240 million from software and "
        + "$150 million from services.", "$410 million", "$390 million"
    ),
    (
      "Operating profit of $410 million was made up of $206 million from software and "
        + "$150 million from services.", "$206 million", "$260 million"
    ),
    // A figure that restates the data's.
    ("Acme said revenue was $2.37 billion in 2024.", "$2.37 billion", "$2.73 billion"),
  ])
  func aFindingOffersTheFigureThatWouldAgree(_ text: String, _ written: String, _ agreeing: String)
    throws
  {
    let result = try Self.check(text)
    #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.message))")
    let replacement = try #require(result.diagnostics.first?.replacement)
    #expect(replacement.written == written)
    #expect(replacement.text == agreeing)
    // The replacement is written where the figure is.
    let column = try #require(text.range(of: written)).lowerBound.utf16Offset(in: text) + 1
    #expect(replacement.location.line == 1)
    #expect(replacement.location.column == column)
    // And it agrees: the draft with it has no finding left.
    let fixed = text.replacingOccurrences(of: written, with: agreeing)
    #expect(try Self.check(fixed).diagnostics.isEmpty, "\(fixed)")
  }

  @Test func aChangeOfDirectionOrAScaleWordHasNoDigitsToOffer() throws {
    // "rose" with a fall needs other words; a scale word slipped needs another word.
    for text in [
      "Acme revenue rose 5% to $2.37 billion in 2024 from $2.73 billion in 2023.",
      "Operating profit of $410 million was made up of $260 billion from software and "
        + "$150 million from services.",
    ] {
      let result = try Self.check(text)
      #expect(result.diagnostics.count == 1, "\(text)")
      #expect(result.diagnostics.first?.replacement == nil, "\(text)")
    }
  }

  @Test func eachFigureHasAVerdict() throws {
    let result = try Self.check(
      "Acme revenue rose 25% to $2.73 billion in 2024 from $2.37 billion in 2023. "
        + "Shipments rose 70% from the previous quarter to 23.16 million units. "
        + "The company has 1,200 staff.")
    let article = try #require(result.articles.first)
    let figures = DraftInspection.figures(of: article, registry: .builtin)
    #expect(
      figures.map { [$0.figure.text, $0.verdict.rawValue] } == [
        ["25%", "error"], ["$2.73 billion", "agrees"], ["$2.37 billion", "agrees"],
        ["70%", "unverified"], ["23.16 million", "unverified"], ["1,200", "unchecked"],
      ])
    let hover = DraftInspection.markdown(figures[0])
    #expect(hover.contains("- written precision: [24.5, 25.5]"))
    #expect(hover.contains("- period: `2024`, named in its sentence"))
    #expect(
      hover.contains(
        "`(new - old) / |old| of $2.73 billion and $2.37 billion = +14.7% to +15.6%; stated 25%`"))
  }
}
