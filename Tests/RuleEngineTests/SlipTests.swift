import FactlintModel
import RuleEngine
import Testing

/// The likely causes named when a figure disagrees with the one it was meant to be.
@Suite struct SlipTests {
  static func quantity(_ text: String) throws -> Quantity { try QuantityParser.parse(text) }

  @Test(arguments: [
    ("$2.37 billion", "$2.73 billion", "digits swapped?"),
    ("12,840 employees", "12,480", "digits swapped?"),
    ("$2.73 million", "$2.73 billion", "is a scale word wrong?"),
    ("$45 million", "-$45 million", "is the sign wrong?"),
    ("$273 million", "$2,733 million", "a digit left out?"),
    // Digits swapped only as the writer's precision shows them: 2,731.4 million is "$2.73".
    ("$2.37 billion", "$2,731.4 million", "digits swapped?"),
  ])
  func causes(written: String, expected: String, cause: String) throws {
    let found = Slip.cause(
      written: try Self.quantity(written), expected: try Self.quantity(expected))
    #expect(found?.hasSuffix(cause) == true, "\(found ?? "nil")")
  }

  @Test(arguments: [
    // Another figure, not a slip of one: one digit changed, or far off.
    ("$2.5 billion", "$2.73 billion"), ("$1.1 billion", "$2.73 billion"), ("0", "$2 billion"),
  ])
  func noCause(written: String, expected: String) throws {
    #expect(
      Slip.cause(written: try Self.quantity(written), expected: try Self.quantity(expected)) == nil)
  }

  @Test(arguments: [
    ("$2.37 billion", "2730000000", "$2.73 billion"),
    ("12,840 employees", "12480", "12,480 employees"),
    ("about €1.5bn", "1460000000", "about €1.5bn"),
    ("RMB 6.40 billion", "6396000000", "RMB 6.40 billion"),
    ("3.2%", "3.25", "3.3%"),
  ])
  func rewritten(written: String, value: String, expected: String) throws {
    let value = try #require(ExactDecimal(value))
    #expect(Slip.rewritten(try Self.quantity(written), as: value) == expected)
  }

  @Test func aValueItsDigitsCannotHoldIsNotRewritten() throws {
    // Another sign, or a value that rounds to nothing at the written precision.
    #expect(Slip.rewritten(try Self.quantity("$45 million"), as: -45_000_000) == nil)
    #expect(Slip.rewritten(try Self.quantity("$2 billion"), as: 1_000_000) == nil)
  }
}
