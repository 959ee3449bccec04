import Checks
import Testing

@testable import FactlintModel
@testable import FactlintTestSupport
@testable import RuleEngine

/// Writes true values the way a writer would: rounded to a few significant digits, with a scale
/// word, a currency or a percent sign.
struct Writer {
  var random: SeededGenerator

  static let scales: [(power: Int, words: [String])] = [
    (0, [""]), (3, [" thousand", "k"]), (6, [" million", "m", "mn"]), (9, [" billion", "bn"]),
  ]

  /// A random exact value with `digits` significant digits around `10^magnitude`.
  mutating func value(digits: Int, magnitude: Int) -> ExactDecimal {
    let significand =
      Int128(Int.random(in: 1...9, using: &random)) * ExactDecimal.tenToThe(digits - 1)
      + Int128(Int.random(in: 0..<Int(ExactDecimal.tenToThe(digits - 1)), using: &random))
    return ExactDecimal(significand: significand, exponent: magnitude - digits + 1)
  }

  /// `value` rounded to nearest at a random number of significant digits and written with a
  /// random scale word no larger than the value; `prefix` and `suffix` add a unit.
  mutating func write(_ value: ExactDecimal, prefix: String = "", suffix: String = "") -> String {
    let lead = value.leadingExponent
    let digits = Int.random(in: 2...5, using: &random)
    // A writer uses a scale word so that the digits kept end at or after the units ("23.2
    // million", not "23200 thousand"); written in full, trailing zeros are fine ("23,200,000").
    let fitting = Self.scales.filter {
      $0.power == 0 || ($0.power <= lead && lead - $0.power < digits)
    }
    let scale = fitting.randomElement(using: &random)!
    let word = scale.words.randomElement(using: &random)!
    let scaled = value.divided(by: .powerOfTen(scale.power), significantDigits: 34)!
    // Whole numbers may end in zeros that are rounding ("23000"), as writers do.
    let place = scaled.leadingExponent - digits + 1
    let rounded = scaled.rounded(toPower: place, .nearest)
    var text = Wording.fixed(rounded.magnitude, decimals: max(0, -place))
    if rounded.isNegative { text = "-" + text }
    return prefix + text + word + suffix
  }

  /// A percent rounded to 0 to 2 decimals.
  mutating func percent(_ value: ExactDecimal) -> String {
    let decimals = Int.random(in: 0...2, using: &random)
    let rounded = value.rounded(toPower: -decimals, .nearest)
    let sign = rounded.isNegative ? "" : "+"
    return sign + Wording.fixed(rounded, decimals: decimals) + "%"
  }
}

@Suite struct PropertyTests {
  static let casesPerRelation = 34_000

  func figure(
    _ metric: String, _ period: String, _ text: String, changes: [StatedChange] = [],
    rate: ExchangeRate? = nil
  ) throws -> Figure {
    Figure(
      key: FigureKey(entity: "e", metric: metric, period: Period(period)!),
      quantity: try QuantityParser.parse(text),
      location: SourceLocation(file: "generated", line: 1, column: 1), changes: changes,
      rate: rate)
  }

  @Test func trueGrowthIsNeverFlagged() throws {
    var writer = Writer(random: SeededGenerator(seed: 1))
    let check = try GrowthCheck(
      parameters: Parameters(ruleLocation: SourceLocation(file: "r", line: 1, column: 1)))
    var flagged: [String] = []
    for _ in 0..<Self.casesPerRelation {
      let old = writer.value(
        digits: Int.random(in: 3...9, using: &writer.random),
        magnitude: Int.random(in: 2...11, using: &writer.random))
      let signedOld =
        Bool.random(using: &writer.random) && Int.random(in: 0..<10, using: &writer.random) == 0
        ? -old : old
      let rate = writer.value(digits: 4, magnitude: Int.random(in: -1...2, using: &writer.random))
      let growth = Bool.random(using: &writer.random) ? rate : -rate.divided(by: 10)!
      guard growth > -100 else { continue }
      let new = signedOld + old * growth.divided(by: .hundred, significantDigits: 34)!
      // Amounts, not counts: a count written in full is exact, and a true count is whole.
      let oldText = writer.write(signedOld, prefix: "$")
      let newText = writer.write(new, prefix: "$")
      let stated = writer.percent(growth)
      let change = StatedChange(
        base: .previous(nil), baseText: "previous", stated: try QuantityParser.parse(stated),
        location: SourceLocation(file: "generated", line: 2, column: 1))
      let figures = [
        try figure("m", "2020", oldText), try figure("m", "2021", newText, changes: [change]),
      ]
      let findings = check.evaluate(Selection(figures: figures), in: Dataset(figures: figures))
      if let finding = findings.first {
        flagged.append("\(oldText) -> \(newText) stated \(stated): \(finding.message)")
      }
    }
    #expect(flagged.isEmpty, "\(flagged.count) true claims flagged, e.g. \(flagged.prefix(3))")
  }

  @Test func trueConversionsAreNeverFlagged() throws {
    var writer = Writer(random: SeededGenerator(seed: 2))
    let check = try ConversionCheck(
      parameters: Parameters(ruleLocation: SourceLocation(file: "r", line: 1, column: 1)))
    var flagged: [String] = []
    for _ in 0..<Self.casesPerRelation {
      let amount = writer.value(
        digits: Int.random(in: 3...9, using: &writer.random),
        magnitude: Int.random(in: 3...11, using: &writer.random))
      // The rate as published, to four or five significant digits, is taken as exact.
      let rate = writer.value(
        digits: Int.random(in: 4...5, using: &writer.random),
        magnitude: Int.random(in: -1...2, using: &writer.random))
      let converted = amount * rate
      let sourceText = writer.write(amount, prefix: "$")
      let convertedText = writer.write(converted, prefix: "RMB ")
      let location = SourceLocation(file: "generated", line: 3, column: 1)
      let exchange = ExchangeRate(
        base: "USD", quote: "CNY", rate: try QuantityParser.parse(rate.description),
        location: location)
      let figures = [
        try figure("revenue", "2024", sourceText),
        try figure("revenue", "2024", convertedText, rate: exchange),
      ]
      var located = figures
      located[1].location.line = 2
      let findings = check.evaluate(Selection(figures: located), in: Dataset(figures: located))
      if let finding = findings.first {
        flagged.append("\(sourceText) at \(rate) -> \(convertedText): \(finding.message)")
      }
    }
    #expect(flagged.isEmpty, "\(flagged.count) true claims flagged, e.g. \(flagged.prefix(3))")
  }

  @Test func trueTotalsAreNeverFlagged() throws {
    var writer = Writer(random: SeededGenerator(seed: 3))
    let location = SourceLocation(file: "r", line: 1, column: 1)
    var flagged: [String] = []
    for count in 0..<Self.casesPerRelation {
      let partCount = 2 + count % 4
      let negatedIndex = count % 7 == 0 ? partCount - 1 : nil
      var parts: [ExactDecimal] = []
      for _ in 0..<partCount {
        parts.append(
          writer.value(
            digits: Int.random(in: 3...9, using: &writer.random),
            magnitude: Int.random(in: 5...10, using: &writer.random)))
      }
      var total = ExactDecimal.zero
      for (index, part) in parts.enumerated() {
        total = index == negatedIndex ? total - part : total + part
      }
      var figures = [try figure("total", "2024", writer.write(total, prefix: "€"))]
      var selectors: [Selector] = []
      for (index, part) in parts.enumerated() {
        figures.append(try figure("part\(index)", "2024", writer.write(part, prefix: "€")))
        selectors.append(Selector(metric: "part\(index)", isNegated: index == negatedIndex))
      }
      let check = try TotalCheck(
        parameters: Parameters(
          values: [
            "total": (.selector(Selector(metric: "total")), location),
            "parts": (.selectors(selectors), location),
          ], ruleLocation: location))
      let findings = check.evaluate(Selection(figures: figures), in: Dataset(figures: figures))
      if let finding = findings.first {
        flagged.append("\(figures.map(\.quantity.text)): \(finding.message)")
      }
    }
    #expect(flagged.isEmpty, "\(flagged.count) true claims flagged, e.g. \(flagged.prefix(3))")
  }
}
