import Testing

@testable import FactlintModel
@testable import FactlintReading

/// Claims whose figures a reader could not mean together are not read as claims.
@Suite struct ClaimSenseTests {
  func claims(_ text: String) -> [Claim] {
    ExtractorTests().extract(text).claims
  }

  func changes(_ text: String) -> [(current: String, base: String?)] {
    claims(text).compactMap {
      guard case .change(let current, let base, _) = $0 else { return nil }
      return (current.quantity.text, base?.quantity.text)
    }
  }

  @Test func aChangeNeverPairsAPercentWithMoney() {
    let read = changes(
      "Occupancy rose to 68.2% from 59.4%, up 8.8%, and the daily rate reached $182, up 12% from $171."
    )
    #expect(read.map(\.current) == ["68.2%", "$182"])
    #expect(read.map(\.base) == ["59.4%", "$171"])
  }

  @Test func earningsPerShareAreNotComparedWithNetIncome() {
    #expect(changes("Net income rose 28% to $16.72 million from $2.84 a share.").isEmpty)
  }

  @Test func aSlippedScaleWordIsStillAClaim() {
    // $2.1 million against $1.9 billion is a thousand times apart: a scale word slipped.
    #expect(changes("Revenue rose 10% to $2.1 million from $1.9 billion.").count == 1)
  }

  @Test func aPartFarLargerThanItsWholeIsNoShare() {
    let read = claims("Its revenue of 297.8 billion yuan was 69.5 percent of 5 million yuan.")
    #expect(!read.contains { if case .share = $0 { true } else { false } })
  }

  @Test func eachListItemIsASentence() {
    let read = changes(
      """
      * Profit rose 7.2 percent to 49.7 million euros
      * Revenue was 100.6 million euros, from 99.7 million euros
      """)
    // The second item's "from" gives no base to the first.
    #expect(read.isEmpty, "\(read)")
  }

  @Test(arguments: ["Orders were lower", "Revenue was $5 million, higher", "Costs were lower."])
  func aSentenceMayEndOnADirection(sentence: String) {
    #expect(changes(sentence).isEmpty)
  }

  @Test func aHeadlineIsASentence() {
    let read = changes(
      """
      Kestrel profit up 50% to $12 million
      The company said revenue was $10 million from $8 million a year earlier, and rose 25%.
      """)
    // The headline takes no base from the body, nor the body's change its own base as new.
    #expect(read.map(\.current) == ["$10 million"], "\(read)")
    #expect(read.map(\.base) == ["$8 million"], "\(read)")
  }

  @Test func wrappedLinesStayOneSentence() {
    let sentences = ProseScanner.sentences(
      in: """
        HONG KONG, March 3 - Total loans at Kestrel Bank rose 3.3 pct to 517.19
        Billion dlrs from 500.68 billion dlrs in December, the bank said.
        """)
    #expect(sentences.count == 1)
  }

  @Test(arguments: [
    (
      "Assets amounted to $536,342 (including work in progress of $4,046) and $556,713 in 2018.",
      ["$4,046"]
    ),
    ("Costs rose $28.7 million ($12.2 million of which was pay), and $14.9 million in fees.", []),
  ])
  func aListInAnAsideEndsWithTheAside(sentence: String, parts: [String]) {
    let read = claims(sentence).compactMap { claim -> [String]? in
      guard case .composition(_, let parts, _, _) = claim else { return nil }
      return parts.map(\.quantity.text)
    }
    #expect(read == (parts.isEmpty ? [] : [parts]), "\(read)")
  }

  @Test func oneDigitChangedIsAnotherFigureNotARestatement() {
    let read = claims(
      """
      Acme said operating income was 3.8 billion yen in 2020.
      Acme said operating income was 5.8 billion yen in 2020, in its other unit.
      """)
    #expect(!read.contains { if case .restatement = $0 { true } else { false } })
  }
}

/// Changes stated by their direction alone.
@Suite struct DirectionReaderTests {
  func directions(_ text: String) -> [String] {
    ExtractorTests().extract(text).claims.compactMap {
      guard case .change(let current, let base?, let change) = $0, change.isDirection else {
        return nil
      }
      let way = change.stated.hedge == .moreThan ? "up" : "down"
      return "\(way) \(current.quantity.text) from \(base.quantity.text)"
    }
  }

  @Test(arguments: [
    (
      "The margin dropped to 2.42 per cent compared to 3.15 per cent.",
      "down 2.42 per cent from 3.15 per cent"
    ),
    ("Net NPA fell to 0.84 per cent (0.94 per cent).", "down 0.84 per cent from 0.94 per cent"),
    ("The ratio was 18.4% of revenue, up from 18.9% a year ago.", "up 18.4% from 18.9%"),
    (
      "Pre-tax profit increased to 177.5 million pounds from 171.7 million pounds.",
      "up 177.5 million pounds from 171.7 million pounds"
    ),
  ])
  func readsADirectionWithItsFigures(sentence: String, expected: String) {
    #expect(directions(sentence) == [expected])
  }

  @Test func anImprovementIsNoDirection() {
    // A cost ratio improves by falling.
    #expect(directions("The efficiency ratio improved to 54.32% from 56.55%.").isEmpty)
  }

  @Test func aRevisedBaseIsTheNextChangesNewFigure() {
    #expect(
      directions("The deficit narrowed to 567 mln dlrs from 738 mln, revised down from 742 mln.")
        == ["down 567 mln dlrs from 738 mln", "down 738 mln from 742 mln"])
  }

  @Test func aRateKeepsItsOwnReading() {
    #expect(directions("Revenue rose 5% to $10 million from $9.5 million.").isEmpty)
  }
}
