import FactlintModel
import Testing

private func decimal(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(text) else { fatalError("bad decimal literal \(text)") }
  return value
}

@Suite("ExactDecimal")
struct ExactDecimalTests {
  // MARK: Parsing and printing

  @Test func addsTenthsExactly() {
    #expect((decimal("0.1") + decimal("0.2")).description == "0.3")
    #expect(decimal("0.1") + decimal("0.2") == decimal("0.3"))
  }

  @Test(arguments: [
    ("13000000", "13000000"), ("-0.05", "-0.05"), ("1e3", "1000"), ("1E3", "1000"),
    ("1.5e-2", "0.015"), ("2.5e+1", "25"), ("+7", "7"), ("-0", "0"), ("0.000", "0"),
    (".5", "0.5"), ("5.", "5"), ("0012.3400", "12.34"), ("-123.456", "-123.456"),
    ("123456789012345678901234567890123456", "123456789012345678901234567890123456"),
  ])
  func printsInPlainNotation(text: String, printed: String) {
    #expect(ExactDecimal(text)?.description == printed)
  }

  @Test(arguments: [
    "", "-", "+", ".", "abc", "1.2.3", "1e", "1e+", "1e3.5", "1,000", " 1", "1 ", "--1", "1e1001",
    "1234567890123456789012345678901234567",
  ])
  func rejectsWhatIsNotADecimal(text: String) {
    #expect(ExactDecimal(text) == nil)
  }

  @Test func roundTripsThroughDescription() {
    for text in ["0.3", "13000000", "-0.05", "1", "-987654321.123456789"] {
      #expect(ExactDecimal(decimal(text).description) == decimal(text))
    }
  }

  // MARK: Normalisation and equality

  @Test func dropsTrailingZerosSoEqualValuesAreEqual() {
    #expect(decimal("1.50") == decimal("1.5"))
    #expect(decimal("1.50").hashValue == decimal("1.5").hashValue)
    #expect(decimal("1.50").significand == 15)
    #expect(decimal("1.50").exponent == -1)
    #expect(decimal("1500").significand == 15)
    #expect(decimal("1500").exponent == 2)
    #expect(ExactDecimal(significand: 0, exponent: 7) == .zero)
    #expect(decimal("-0") == .zero)
    #expect(ExactDecimal(significand: 120, exponent: -3) == decimal("0.12"))
  }

  @Test func knowsItsLeadingDigitPlace() {
    #expect(decimal("23.16").leadingExponent == 1)
    #expect(decimal("0.05").leadingExponent == -2)
    #expect(decimal("13000000").leadingExponent == 7)
    #expect(ExactDecimal.powerOfTen(-3) == decimal("0.001"))
    #expect(ExactDecimal.powerOfTen(6) == 1_000_000)
  }

  @Test func takesMagnitudeAndSign() {
    #expect(decimal("-2.5").magnitude == decimal("2.5"))
    #expect(decimal("-2.5").isNegative)
    #expect(!ExactDecimal.zero.isNegative)
    #expect(ExactDecimal.zero.isZero)
    #expect(-decimal("2.5") == decimal("-2.5"))
  }

  // MARK: Comparison

  @Test(arguments: [
    ("1", "2"), ("-2", "-1"), ("-1", "0"), ("0", "0.001"), ("-0.001", "0"), ("-5", "3"),
    ("0.3", "0.31"), ("9.99", "10"), ("12500000", "13500000"), ("-13500000", "-12500000"),
    ("0.000001", "1000000"), ("1.2345", "1.235"), ("-1.235", "-1.2345"),
  ])
  func ordersByValue(smaller: String, larger: String) {
    #expect(decimal(smaller) < decimal(larger))
    #expect(!(decimal(larger) < decimal(smaller)))
    #expect(decimal(smaller) <= decimal(larger))
    #expect(max(decimal(smaller), decimal(larger)) == decimal(larger))
  }

  @Test func comparesValuesWhosePlacesAreFarApart() {
    // Subtracting these cannot align them in 38 digits; comparing must still terminate.
    #expect(decimal("1e-30") < decimal("1e10"))
    #expect(decimal("-1e10") < decimal("1e-30"))
    #expect(decimal("1e40") > 1)
    #expect(decimal("-1e-1000") > decimal("-1e1000"))
  }

  @Test func ordersValuesThatDifferPastThirtySixDigits() {
    // Subtracting these rounds the difference away; comparison must still see it.
    let lower = ExactDecimal(significand: .max)
    let upper = ExactDecimal(significand: .max / 10 + 1, exponent: 1)
    #expect(lower != upper)
    #expect(lower < upper)
    #expect(!(upper < lower))
    #expect(-upper < -lower)
  }

  // MARK: Arithmetic and its overflow paths

  @Test func addsSubtractsAndMultipliesExactly() {
    #expect(decimal("23.16") - decimal("13") == decimal("10.16"))
    #expect(decimal("1.5") * decimal("-0.2") == decimal("-0.3"))
    #expect(decimal("1e20") + decimal("1e-10") == decimal("100000000000000000000.0000000001"))
    var total = decimal("6.2")
    total += decimal("0.2")
    #expect(total == decimal("6.4"))
  }

  @Test func addsPastThirtyEightDigitsWithoutTrapping() {
    let largest = ExactDecimal(significand: .max)
    let sum = largest + largest
    #expect(sum.leadingExponent == 38)
    #expect(sum > largest)
    #expect((-largest) - largest == -sum)
    #expect(decimal("1e1000") + decimal("1e-1000") == decimal("1e1000"))
    #expect(decimal("1e-1000") - decimal("1e1000") == decimal("-1e1000"))
    #expect(decimal("1e40") + 1 == decimal("1e40"))
  }

  @Test func multipliesPastThirtyEightDigitsWithoutTrapping() {
    let largest = ExactDecimal(significand: .max)
    let square = largest * largest
    #expect(square.leadingExponent == 76)
    #expect((-largest * largest).isNegative)
    #expect(decimal("1e-1000") * decimal("1e-1000") == ExactDecimal.powerOfTen(-2000))
    #expect(decimal("1e1000") * decimal("1e1000") == ExactDecimal.powerOfTen(2000))
    let third = decimal("1").divided(by: 3)!
    #expect((third * third).description.hasPrefix("0.1111111111"))
  }

  @Test func negatesTheMostNegativeSignificandWithoutTrapping() {
    // -Int128.max - 1 is Int128.min, which has no negation; it is kept one digit shorter.
    let lowest = ExactDecimal(significand: -.max) - 1
    #expect(lowest.isNegative)
    #expect(lowest.magnitude == -lowest)
    #expect(-lowest > 0)
    let shortened = ExactDecimal(significand: .min)
    #expect(shortened.description == "-170141183460469231731687303715884105730")
  }

  // MARK: Division

  @Test func dividesRoundingInEachDirection() throws {
    let down = try #require(decimal("1").divided(by: 3, significantDigits: 30, .down))
    let up = try #require(decimal("1").divided(by: 3, significantDigits: 30, .up))
    #expect(down.description == "0." + String(repeating: "3", count: 30))
    #expect(up.description == "0." + String(repeating: "3", count: 29) + "4")
    #expect(up - down == ExactDecimal.powerOfTen(-30))
    let nearest = try #require(decimal("2").divided(by: 3))
    #expect(nearest.description == "0." + String(repeating: "6", count: 29) + "7")
    #expect(
      decimal("2").divided(by: 3, significantDigits: 30, .towardZero)?.description
        == "0." + String(repeating: "6", count: 30))
  }

  @Test func dividesNegativesRoundingTowardTheRightInfinity() throws {
    let down = try #require(decimal("-1").divided(by: 3, significantDigits: 5, .down))
    let up = try #require(decimal("1").divided(by: -3, significantDigits: 5, .up))
    #expect(down == decimal("-0.33334"))
    #expect(up == decimal("-0.33333"))
    #expect(decimal("-2").divided(by: 3, significantDigits: 3, .nearest) == decimal("-0.667"))
    #expect(decimal("-2").divided(by: 3, significantDigits: 3, .towardZero) == decimal("-0.666"))
  }

  @Test func dividesExactlyWhenTheQuotientIsShort() {
    #expect(decimal("23.16").divided(by: decimal("13")) != nil)
    #expect(decimal("10").divided(by: 4) == decimal("2.5"))
    #expect(decimal("1").divided(by: decimal("0.125")) == 8)
    #expect(ExactDecimal.zero.divided(by: 7) == .zero)
  }

  @Test func returnsNilForDivisionByZero() {
    #expect(decimal("1").divided(by: .zero) == nil)
    #expect(ExactDecimal.zero.divided(by: decimal("0.000")) == nil)
  }

  @Test func roundsAQuotientOnlyOnce() {
    // 374 / 3 = 124.67; rounding to 125 first and then to two digits would give 130.
    #expect(decimal("374").divided(by: 3, significantDigits: 2, .nearest) == 120)
    #expect(decimal("374").divided(by: 3, significantDigits: 2, .up) == 130)
    #expect(decimal("374").divided(by: 3, significantDigits: 2, .down) == 120)
  }

  @Test func shortensLongOperandsOnTheSideTheRoundingAsks() throws {
    // 10^34 + 1 has 35 digits and must be shortened; rounding up must not land below the truth.
    let dividend = ExactDecimal(significand: Int128(10).power(34) + 1)
    let quotient = try #require(dividend.divided(by: -1, significantDigits: 35, .up))
    #expect(quotient >= -dividend)
    let lower = try #require(dividend.divided(by: -1, significantDigits: 35, .down))
    #expect(lower <= -dividend)
  }

  // MARK: Rounding to a place

  @Test(arguments: [
    ("23.16", -1, RoundingDirection.nearest, "23.2"), ("23.15", -1, .nearest, "23.2"),
    ("-23.15", -1, .nearest, "-23.2"), ("23.14", -1, .nearest, "23.1"),
    ("23.16", -1, .down, "23.1"), ("23.11", -1, .up, "23.2"), ("-23.16", -1, .towardZero, "-23.1"),
    ("-23.11", -1, .down, "-23.2"), ("-23.19", -1, .up, "-23.1"),
    ("1234", 2, .nearest, "1200"), ("1250", 2, .nearest, "1300"), ("1234", 2, .up, "1300"),
    ("0.004", 0, .up, "1"), ("-0.004", 0, .down, "-1"), ("0.004", 0, .nearest, "0"),
    ("23.16", -2, .nearest, "23.16"), ("23.16", -5, .up, "23.16"), ("0", 3, .up, "0"),
  ])
  func roundsToAPowerOfTen(value: String, power: Int, direction: RoundingDirection, result: String)
  {
    #expect(decimal(value).rounded(toPower: power, direction) == decimal(result))
  }

  @Test func roundsThirtyNineDigitsToTheirLeadingPlace() {
    // 1.5 * 10^38 + 1 has 39 digits; rounding it to 10^38 must not treat it as below 10^38.
    let value = ExactDecimal(significand: 15 * Int128(10).power(37) + 1)
    #expect(value.rounded(toPower: 38, .up) == ExactDecimal(significand: 2, exponent: 38))
    #expect(value.rounded(toPower: 38, .down) == ExactDecimal.powerOfTen(38))
    #expect(value.rounded(toPower: 38, .nearest) == ExactDecimal(significand: 2, exponent: 38))
    #expect(value.rounded(toPower: 39, .up) == ExactDecimal.powerOfTen(39))
    #expect(value.rounded(toPower: 39, .nearest) == .zero)
  }
}

extension Int128 {
  fileprivate func power(_ exponent: Int) -> Int128 {
    (0..<exponent).reduce(1) { product, _ in product * self }
  }
}
