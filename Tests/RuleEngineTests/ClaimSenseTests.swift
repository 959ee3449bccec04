import Testing

@testable import RuleEngine

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

  @Test func oneDigitChangedIsAnotherFigureNotARestatement() {
    let read = claims(
      """
      Acme said operating income was 3.8 billion yen in 2020.
      Acme said operating income was 5.8 billion yen in 2020, in its other unit.
      """)
    #expect(!read.contains { if case .restatement = $0 { true } else { false } })
  }
}
