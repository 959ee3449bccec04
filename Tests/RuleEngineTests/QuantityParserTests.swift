import FactlintModel
import Testing

/// One written figure and everything it must parse to.
struct FigureExample: Sendable, CustomTestStringConvertible {
  var text: String
  var value: String
  var unit: QuantityUnit
  var precision: String
  var hedge: Hedge?
  var rounded: (low: String?, high: String?)
  var lenient: (low: String?, high: String?)

  var testDescription: String { "\"\(text)\"" }
}

private func decimal(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(text) else { fatalError("bad decimal literal \(text)") }
  return value
}

private func range(_ bounds: (low: String?, high: String?)) -> ValueRange {
  ValueRange(low: bounds.low.map(decimal), high: bounds.high.map(decimal))
}

/// A table row; `rounded` and `lenient` are the intervals `Quantity.range` must give.
private func figure(
  _ text: String, _ value: String, _ unit: QuantityUnit, precision: String, hedge: Hedge? = nil,
  rounded: (String?, String?), lenient: (String?, String?)
) -> FigureExample {
  FigureExample(
    text: text, value: value, unit: unit, precision: precision, hedge: hedge,
    rounded: rounded, lenient: lenient)
}

/// Rows for figures that differ only in how the same thing is written.
private func figures(
  _ texts: [String], _ value: String, _ unit: QuantityUnit, precision: String, hedge: Hedge? = nil,
  rounded: (String?, String?), lenient: (String?, String?)
) -> [FigureExample] {
  texts.map {
    figure(
      $0, value, unit, precision: precision, hedge: hedge, rounded: rounded, lenient: lenient)
  }
}

private let plainNumbers: [FigureExample] =
  [
    figure(
      "1,234.5", "1234.5", .count(nil), precision: "0.1",
      rounded: ("1234.45", "1234.55"), lenient: ("1234.45", "1234.6")),
    figure(
      "0.50", "0.5", .count(nil), precision: "0.01",
      rounded: ("0.495", "0.505"), lenient: ("0.495", "0.51")),
    figure(
      ".5", "0.5", .count(nil), precision: "0.1",
      rounded: ("0.45", "0.55"), lenient: ("0.45", "0.6")),
    // A count written in full is exact, unless it ends in zeros, which may be rounding; an amount
    // of money written in full is rounded to the unit.
    figure("+70", "70", .count(nil), precision: "1", rounded: ("65", "75"), lenient: ("65", "80")),
    figure(
      "1,203,519", "1203519", .count(nil), precision: "1",
      rounded: ("1203519", "1203519"), lenient: ("1203519", "1203519")),
    figure(
      "1,200,000", "1200000", .count(nil), precision: "1",
      rounded: ("1150000", "1250000"), lenient: ("1150000", "1300000")),
    figure(
      "1234567", "1234567", .count(nil), precision: "1",
      rounded: ("1234567", "1234567"), lenient: ("1234567", "1234567")),
    figure("007", "7", .count(nil), precision: "1", rounded: ("7", "7"), lenient: ("7", "7")),
    figure("0", "0", .count(nil), precision: "1", rounded: ("0", "0"), lenient: ("0", "0")),
    figure(
      "0.000000000000000000000000000000000000012", "1.2e-38", .count(nil), precision: "1e-39",
      rounded: ("1.15e-38", "1.25e-38"), lenient: ("1.15e-38", "1.3e-38")),
  ]
  + figures(
    ["-3", "\u{2212}3"], "-3", .count(nil), precision: "1",
    rounded: ("-3", "-3"), lenient: ("-3", "-3"))
  + figures(
    ["(1,234)", " (1,234) "], "-1234", .count(nil), precision: "1",
    rounded: ("-1234", "-1234"), lenient: ("-1234", "-1234"))
  + figures(
    ["-12.5", "\u{2212}12.5", "(12.5)"], "-12.5", .count(nil), precision: "0.1",
    rounded: ("-12.55", "-12.45"), lenient: ("-12.6", "-12.45"))

private let scaledNumbers: [FigureExample] =
  figures(
    [
      "13 million", "13m", "13M", "13 mn", "13mln", "13 Million", "13 MILLION", "13\u{00A0}million",
    ],
    "13000000", .count(nil), precision: "1000000",
    rounded: ("12500000", "13500000"), lenient: ("12500000", "14000000"))
  + [
    figure(
      "23.16 million", "23160000", .count(nil), precision: "10000",
      rounded: ("23155000", "23165000"), lenient: ("23155000", "23170000")),
    figure(
      "1.20bn", "1200000000", .count(nil), precision: "10000000",
      rounded: ("1195000000", "1205000000"), lenient: ("1195000000", "1210000000")),
    figure(
      "(1.5m)", "-1500000", .count(nil), precision: "100000",
      rounded: ("-1550000", "-1450000"), lenient: ("-1600000", "-1450000")),
  ]
  + figures(
    ["1.2bn", "1.2 billion", "1.2 bn", "1.2bln", "1.2b", "1.2B", "1.2 Bn"],
    "1200000000", .count(nil), precision: "100000000",
    rounded: ("1150000000", "1250000000"), lenient: ("1150000000", "1300000000"))
  + figures(
    ["5 thousand", "5k", "5K", "5 Thousand"], "5000", .count(nil), precision: "1000",
    rounded: ("4500", "5500"), lenient: ("4500", "6000"))
  + figures(
    ["2 trillion", "2tn", "2 trn", "2T"], "2000000000000", .count(nil),
    precision: "1000000000000",
    rounded: ("1500000000000", "2500000000000"), lenient: ("1500000000000", "3000000000000"))

private let money: [FigureExample] =
  [
    figure(
      "$900m", "900000000", .currency("USD"), precision: "1000000",
      rounded: ("899500000", "900500000"), lenient: ("899500000", "901000000")),
    figure(
      "HK$7.8bn", "7800000000", .currency("HKD"), precision: "100000000",
      rounded: ("7750000000", "7850000000"), lenient: ("7750000000", "7900000000")),
    figure(
      "$1,234", "1234", .currency("USD"), precision: "1",
      rounded: ("1233.5", "1234.5"), lenient: ("1233.5", "1235")),
    figure(
      "($1,234)", "-1234", .currency("USD"), precision: "1",
      rounded: ("-1234.5", "-1233.5"), lenient: ("-1235", "-1233.5")),
    figure(
      "$(1,234)", "-1234", .currency("USD"), precision: "1",
      rounded: ("-1234.5", "-1233.5"), lenient: ("-1235", "-1233.5")),
    figure(
      "USD 5", "5", .currency("USD"), precision: "1", rounded: ("4.5", "5.5"),
      lenient: ("4.5", "6")),
    figure(
      "EUR5m", "5000000", .currency("EUR"), precision: "1000000",
      rounded: ("4500000", "5500000"), lenient: ("4500000", "6000000")),
    figure(
      "\u{20AC}2.50", "2.5", .currency("EUR"), precision: "0.01",
      rounded: ("2.495", "2.505"), lenient: ("2.495", "2.51")),
  ]
  + figures(
    [
      "RMB 6.4 billion", "RMB6.4bn", "Rmb 6.4 billion", "CNY 6.4 billion", "6.4 billion yuan",
      "6.4 billion renminbi", "6.4 billion CNY", "6.4bn RMB",
    ],
    "6400000000", .currency("CNY"), precision: "100000000",
    rounded: ("6350000000", "6450000000"), lenient: ("6350000000", "6500000000"))
  + figures(
    ["-$5m", "$-5m", "\u{2212}$5m", "-US$5m", "USD -5m", "-5 million dollars"],
    "-5000000", .currency("USD"), precision: "1000000",
    rounded: ("-5500000", "-4500000"), lenient: ("-6000000", "-4500000"))

private let ratios: [FigureExample] =
  figures(
    ["70%", "70 %", "70 per cent", "70 percent", "70 Per Cent", "+70%", "70\u{202F}%"], "70",
    .percent, precision: "1", rounded: ("69.5", "70.5"), lenient: ("69.5", "71"))
  + [
    figure(
      "-59%", "-59", .percent, precision: "1",
      rounded: ("-59.5", "-58.5"), lenient: ("-60", "-58.5")),
    figure(
      "(5.2%)", "-5.2", .percent, precision: "0.1",
      rounded: ("-5.25", "-5.15"), lenient: ("-5.3", "-5.15")),
    figure(
      "0%", "0", .percent, precision: "1", rounded: ("-0.5", "0.5"), lenient: ("-1", "1")),
    figure(
      "1.5 percentage point", "1.5", .percentagePoints, precision: "0.1",
      rounded: ("1.45", "1.55"), lenient: ("1.45", "1.6")),
    figure(
      "2.5bp", "0.025", .percentagePoints, precision: "0.001",
      rounded: ("0.0245", "0.0255"), lenient: ("0.0245", "0.026")),
    figure(
      "-10 bps", "-0.1", .percentagePoints, precision: "0.01",
      rounded: ("-0.105", "-0.095"), lenient: ("-0.11", "-0.095")),
  ]
  + figures(
    ["3 pp", "3pp", "3 ppt", "3ppts", "3 percentage points", "3 Percentage Points"], "3",
    .percentagePoints, precision: "1", rounded: ("2.5", "3.5"), lenient: ("2.5", "4"))
  + figures(
    ["25 basis points", "25 basis point", "25 bp", "25bps", "25 BPS"], "0.25",
    .percentagePoints, precision: "0.01", rounded: ("0.245", "0.255"), lenient: ("0.245", "0.26"))

private let multiples: [FigureExample] =
  [
    figure(
      "2x", "2", .multiple, precision: "1", rounded: ("1.5", "2.5"), lenient: ("1.5", "3")),
    figure(
      "halved", "0.5", .multiple, precision: "0.05", hedge: .about,
      rounded: ("0.45", "0.55"), lenient: ("0.4", "0.6")),
    figure(
      "tripled", "3", .multiple, precision: "0.1", hedge: .about,
      rounded: ("2.9", "3.1"), lenient: ("2.8", "3.2")),
    figure(
      "trebled", "3", .multiple, precision: "0.1", hedge: .about,
      rounded: ("2.9", "3.1"), lenient: ("2.8", "3.2")),
    figure(
      "quadrupled", "4", .multiple, precision: "0.1", hedge: .about,
      rounded: ("3.9", "4.1"), lenient: ("3.8", "4.2")),
    figure(
      "more than doubled", "2", .multiple, precision: "0.1", hedge: .moreThan,
      rounded: ("2", nil), lenient: ("1.95", nil)),
    figure(
      "More Than tripled", "3", .multiple, precision: "0.1", hedge: .moreThan,
      rounded: ("3", nil), lenient: ("2.95", nil)),
    figure(
      "nearly doubled", "2", .multiple, precision: "0.1", hedge: .nearly,
      rounded: ("1.9", "2"), lenient: ("1.8", "2.05")),
    // Falling by more than half leaves less than half.
    figure(
      "more than halved", "0.5", .multiple, precision: "0.05", hedge: .lessThan,
      rounded: (nil, "0.5"), lenient: (nil, "0.525")),
  ]
  + figures(
    ["2.5x", "2.5X", "2.5 x", "2.5 times", "2.5\u{00D7}"], "2.5", .multiple, precision: "0.1",
    rounded: ("2.45", "2.55"), lenient: ("2.45", "2.6"))
  + figures(
    ["doubled", "Doubled", "twice"], "2", .multiple, precision: "0.1", hedge: .about,
    rounded: ("1.9", "2.1"), lenient: ("1.8", "2.2"))

private let counts: [FigureExample] = [
  figure(
    "13 million units", "13000000", .count("units"), precision: "1000000",
    rounded: ("12500000", "13500000"), lenient: ("12500000", "14000000")),
  figure(
    "2,315 branches", "2315", .count("branches"), precision: "1",
    rounded: ("2315", "2315"), lenient: ("2315", "2315")),
  figure(
    "8.7 million tablets", "8700000", .count("tablets"), precision: "100000",
    rounded: ("8650000", "8750000"), lenient: ("8650000", "8800000")),
  figure(
    "8.7 million Tablet  PCs", "8700000", .count("tablet pcs"), precision: "100000",
    rounded: ("8650000", "8750000"), lenient: ("8650000", "8800000")),
  figure(
    "500 cafe\u{301}s", "500", .count("cafe\u{301}s"), precision: "1",
    rounded: ("450", "550"), lenient: ("450", "600")),
]

private let hedged: [FigureExample] =
  figures(
    ["nearly 19 million", "almost 19 million", "just under 19 million", "Nearly 19m"],
    "19000000", .count(nil), precision: "1000000", hedge: .nearly,
    rounded: ("18000000", "19000000"), lenient: ("17000000", "19500000"))
  + [
    figure(
      "nearly 19 million units", "19000000", .count("units"), precision: "1000000",
      hedge: .nearly, rounded: ("18000000", "19000000"), lenient: ("17000000", "19500000")),
    figure(
      "nearly $1.2bn", "1200000000", .currency("USD"), precision: "100000000", hedge: .nearly,
      rounded: ("1100000000", "1200000000"), lenient: ("1000000000", "1250000000")),
    figure(
      "nearly -5%", "-5", .percent, precision: "1", hedge: .nearly,
      rounded: ("-5", "-4"), lenient: ("-5.5", "-3")),
    figure(
      "about 1,200", "1200", .count(nil), precision: "1", hedge: .about,
      rounded: ("1100", "1300"), lenient: ("1000", "1400")),
  ]
  + figures(
    ["about 5%", "around 5%", "roughly 5%", "approximately 5%", "some 5%", "~5%", "~ 5%"], "5",
    .percent, precision: "1", hedge: .about, rounded: ("4", "6"), lenient: ("3", "7"))
  + figures(
    ["more than 20 million", "over 20 million", "above 20m", ">20 million", "> 20 million"],
    "20000000", .count(nil), precision: "1000000", hedge: .moreThan,
    rounded: ("20000000", nil), lenient: ("19500000", nil))
  + figures(
    ["at least 20 million", ">=20 million", "\u{2265} 20 million", "AT LEAST 20m"], "20000000",
    .count(nil), precision: "1000000", hedge: .atLeast,
    rounded: ("20000000", nil), lenient: ("19500000", nil))
  + figures(
    ["less than 5%", "under 5%", "below 5%", "fewer than 5%", "<5%"], "5", .percent,
    precision: "1", hedge: .lessThan, rounded: (nil, "5"), lenient: (nil, "5.5"))
  + figures(
    ["up to 30%", "at most 30%", "<=30%", "\u{2264}30%"], "30", .percent, precision: "1",
    hedge: .upTo, rounded: (nil, "30"), lenient: (nil, "30.5"))

@Suite("QuantityParser")
struct QuantityParserTests {
  static let examples = plainNumbers + scaledNumbers + money + ratios + multiples + counts + hedged

  @Test(arguments: examples)
  func parsesFigure(_ example: FigureExample) throws {
    let quantity = try QuantityParser.parse(example.text)
    #expect(quantity.value == decimal(example.value))
    #expect(quantity.unit == example.unit)
    #expect(quantity.precision == decimal(example.precision))
    #expect(quantity.hedge == example.hedge)
    #expect(quantity.range(.rounded) == range(example.rounded))
    #expect(quantity.range(.lenient) == range(example.lenient))
    #expect(quantity.text == example.text.withoutSurroundingSpaces())
  }

  @Test(arguments: [
    ("13 million", "million", 6), ("13m", "m", 6), ("23.16 million", "million", 6),
    ("1.2bn", "bn", 9), ("HK$7.8bn", "bn", 9), ("5k", "k", 3), ("2T", "T", 12),
    ("6.4 Billion yuan", "Billion", 9), ("13 M units", "M", 6),
  ])
  func keepsScaleWordAsWritten(text: String, word: String, power: Int) throws {
    let quantity = try QuantityParser.parse(text)
    #expect(quantity.scaleWord == word)
    #expect(quantity.scalePower == power)
  }

  @Test(arguments: ["70%", "1,234", "25 bp", "doubled", "$5"])
  func hasNoScaleWordWithoutOne(text: String) throws {
    let quantity = try QuantityParser.parse(text)
    #expect(quantity.scaleWord == nil)
    #expect(quantity.scalePower == 0)
  }

  @Test(arguments: [
    ("1,203,519", true), ("$1,234", true), ("(1,234)", true), ("2,315 branches", true),
    ("about 1,200", true), ("USD 5", true), ("-3", true),
    ("1,234.5", false), ("0.50", false), ("13 million", false), ("$900m", false),
    ("70%", false), ("3 pp", false), ("25 bp", false), ("2x", false), ("doubled", false),
  ])
  func marksWholeNumbersWrittenInFull(text: String, inFull: Bool) throws {
    #expect(try QuantityParser.parse(text).isWrittenInFull == inFull)
  }

  @Test(arguments: [
    ("US$5", "USD"), ("$5", "USD"), ("HK$5", "HKD"), ("S$5", "SGD"), ("A$5", "AUD"),
    ("C$5", "CAD"), ("NT$5", "TWD"), ("R$5", "BRL"), ("\u{20AC}5", "EUR"), ("\u{00A3}5", "GBP"),
    ("\u{00A5}5", "JPY"), ("\u{20B9}5", "INR"), ("\u{20A9}5", "KRW"),
    ("RMB 5", "CNY"), ("RMB5", "CNY"), ("USD 5", "USD"), ("EUR 5", "EUR"), ("GBP 5", "GBP"),
    ("HKD 5", "HKD"), ("JPY 5", "JPY"), ("CNY 5", "CNY"), ("INR 5", "INR"), ("CHF 5", "CHF"),
    ("SGD 5", "SGD"), ("AUD 5", "AUD"), ("CAD 5", "CAD"), ("KRW 5", "KRW"), ("TWD 5", "TWD"),
    ("BRL 5", "BRL"),
    ("5 yuan", "CNY"), ("5 renminbi", "CNY"), ("5 dollars", "USD"), ("5 US dollars", "USD"),
    ("5 euros", "EUR"), ("5 euro", "EUR"), ("5 pounds", "GBP"), ("5 yen", "JPY"),
    ("5 Hong Kong dollars", "HKD"), ("5 HK dollars", "HKD"), ("5 rupees", "INR"),
    ("5 CHF", "CHF"), ("5 SGD", "SGD"), ("5 RMB", "CNY"),
  ])
  func normalisesCurrencyToISOCode(text: String, code: String) throws {
    let quantity = try QuantityParser.parse(text)
    #expect(quantity.unit == .currency(code))
    #expect(quantity.value == 5)
  }

  @Test func keepsTextAsWrittenWithoutSurroundingSpaces() throws {
    let quantity = try QuantityParser.parse("  nearly 19 million units\n")
    #expect(quantity.text == "nearly 19 million units")
    #expect(try QuantityParser.parse(" ($1,234)\t").text == "($1,234)")
  }

  @Test func readsAHedgeBeforeACurrency() throws {
    let quantity = try QuantityParser.parse("nearly $1bn")
    #expect(quantity.hedge == .nearly)
    #expect(quantity.unit == .currency("USD"))
    #expect(quantity.value == decimal("1000000000"))
    #expect(quantity.precision == decimal("1000000000"))
  }

  @Test func acceptsThirtySignificantDigits() throws {
    let quantity = try QuantityParser.parse("0.000123456789012345678901234567890")
    #expect(quantity.value == decimal("0.00012345678901234567890123456789"))
    #expect(quantity.precision == ExactDecimal.powerOfTen(-33))
  }

  // MARK: Errors

  @Test(arguments: [
    ("", QuantityError.empty),
    ("   ", .empty),
    ("abc", .notANumber("abc", offset: 0)),
    ("  abc def", .notANumber("abc", offset: 2)),
    ("$", .notANumber("$", offset: 0)),
    ("about", .notANumber("about", offset: 0)),
    ("more than", .notANumber("more than", offset: 0)),
    ("$abc", .notANumber("abc", offset: 1)),
    ("- 5", .notANumber("- 5", offset: 0)),
    ("--5", .notANumber("-5", offset: 1)),
    ("-(5)", .notANumber("(5)", offset: 1)),
    ("\u{2265} x", .notANumber("x", offset: 2)),
    ("\u{1F1EC}\u{1F1E7} 5", .notANumber("\u{1F1EC}\u{1F1E7}", offset: 0)),
    ("1,23", .notANumber("1,23", offset: 0)),
    ("12,3456", .notANumber("12,3456", offset: 0)),
    ("1234,567", .notANumber("1234,567", offset: 0)),
    ("0,123", .notANumber("0,123", offset: 0)),
    ("$ 1.2.3m", .notANumber("1.2.3", offset: 2)),
    ("1.5,3", .notANumber("1.5,3", offset: 0)),
    ("1234567890123456789012345678901", .tooManyDigits(offset: 0)),
    ("about $1,234,567,890,123,456,789,012,345,678,901", .tooManyDigits(offset: 7)),
    (
      "0.0000000000000000000000000000000000000000000000001234567890123456789012345678901",
      .tooManyDigits(offset: 0)
    ),
    ("70% growth", .unexpectedText("growth", offset: 4)),
    ("13abc", .unexpectedText("abc", offset: 2)),
    ("(1,234", .unexpectedText("(", offset: 0)),
    ("1,234)", .unexpectedText(")", offset: 5)),
    ("1,234.", .unexpectedText(".", offset: 5)),
    ("$5%", .unexpectedText("%", offset: 2)),
    ("$5m units", .unexpectedText("units", offset: 4)),
    ("5 yuan in sales", .unexpectedText("in sales", offset: 7)),
    ("5 million million", .unexpectedText("million", offset: 10)),
    ("13 million units.", .unexpectedText(".", offset: 16)),
    ("5 million 3", .unexpectedText("3", offset: 10)),
    ("5 cafe\u{301}s!", .unexpectedText("!", offset: 8)),
    ("\u{00A3}5 \u{1F1EC}\u{1F1E7}", .unexpectedText("\u{1F1EC}\u{1F1E7}", offset: 3)),
    ("doubled sales", .unexpectedText("sales", offset: 8)),
    ("5 5", .unexpectedText("5", offset: 2)),
  ])
  func reportsProblemWithItsOffset(text: String, expected: QuantityError) {
    #expect(throws: expected) { try QuantityParser.parse(text) }
  }

  @Test(arguments: [
    (
      QuantityError.empty,
      "the figure is empty; write a number such as '23.16 million', '$900m' or '70%'"
    ),
    (
      .notANumber("abc", offset: 0),
      "'abc' is not a figure; write a number such as '23.16 million', '$900m' or '70%'"
    ),
    (
      .tooManyDigits(offset: 3),
      "the figure has more than 30 significant digits; round it to 30 digits or fewer"
    ),
    (
      .unexpectedText("growth", offset: 4),
      "'growth' is not part of a figure; remove it, or write one figure such as "
        + "'13 million units', 'RMB 6.4 billion' or 'nearly 19 million'"
    ),
  ])
  func explainsWhatToWrite(error: QuantityError, message: String) {
    #expect(error.message == message)
  }

  @Test func exposesTheOffsetOfEveryProblem() {
    #expect(QuantityError.empty.offset == 0)
    #expect(QuantityError.notANumber("x", offset: 3).offset == 3)
    #expect(QuantityError.tooManyDigits(offset: 4).offset == 4)
    #expect(QuantityError.unexpectedText("x", offset: 5).offset == 5)
  }

  // MARK: Prefixes in prose

  @Test(arguments: [
    ("RMB 6.4 billion ($900 million)", "RMB 6.4 billion"),
    ("  23.16 million smartphones in Q2 2017", "23.16 million"),
    ("70% from the previous quarter", "70%"),
    ("nearly 19 million units", "nearly 19 million"),
    ("more than doubled.", "more than doubled"),
    ("$900 million) in", "$900 million"),
    ("2019, sales", "2019"),
    ("1.5. Next", "1.5"),
    ("13 mice", "13"),
    ("$5m-$6m", "$5m"),
    ("25bps cut", "25bps"),
    ("3 percentage points higher", "3 percentage points"),
    ("6.4 billion yuan ($900m)", "6.4 billion yuan"),
  ])
  func readsFigureAtStartOfProse(text: String, figure: String) throws {
    let prose = text[...]
    let (quantity, end) = try #require(QuantityParser.parsePrefix(prose))
    #expect(quantity.text == figure)
    #expect(prose[..<end].drop { $0 == " " } == figure[...])
  }

  @Test(arguments: [
    "13th", "5mm", "(5%)", "over the year", "some analysts", "1,23", "", "   ", "Q2", "2Q23",
    "1234567890123456789012345678901",
  ])
  func findsNoFigureWhereNoneStarts(text: String) {
    #expect(QuantityParser.parsePrefix(text[...])?.0 == nil)
  }

  // MARK: Whatever the text

  /// Pieces that make up figures and near-figures, for texts no one thought to write.
  static let pieces = [
    "1", "0", "5", ",", ".", ",000", ".5", " ", "\u{00A0}", "$", "HK$", "\u{20AC}", "RMB", "(", ")",
    "-", "+", "\u{2212}", "%", "m", "bn", "k", "T", "pp", "bp", "x", " per cent", " yuan",
    " units", "about ", "more than ", "~", ">=", "doubled", "halved", "e\u{301}",
    "\u{1F1EC}\u{1F1E7}",
    "123456789012345678901234567890", "12,345,678,901,234,567,890,123,456,789", "0.000",
  ]

  @Test func neverTrapsAndKeepsItsPromises() {
    // A fixed seed keeps the texts the same from run to run.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<20_000 {
      let text = (0...next(6)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
      do {
        let quantity = try QuantityParser.parse(text)
        let rounded = quantity.range(.rounded)
        let lenient = quantity.range(.lenient)
        #expect(quantity.text == text.withoutSurroundingSpaces(), "\(text)")
        #expect(quantity.precision > 0, "\(text)")
        #expect(rounded.contains(quantity.value), "\(text)")
        #expect(lenient.hull(rounded) == lenient, "\(text)")
      } catch {
        #expect((0...text.count).contains(error.offset), "\(text)")
        #expect(!error.message.isEmpty)
      }
      if let (quantity, end) = QuantityParser.parsePrefix(text[...]) {
        #expect(text[..<end].drop { $0.isWhitespace } == quantity.text[...], "\(text)")
      }
    }
  }

  @Test func reportsACombiningMarkAfterTheNumber() {
    #expect(throws: QuantityError.self) { try QuantityParser.parse("5\u{301}") }
    #expect(QuantityParser.parsePrefix("5\u{301}"[...])?.0 == nil)
  }

  @Test func readsPrefixOfASubstringInPlace() throws {
    let sentence = "Xiaomi shipped 23.16 million smartphones."
    let start = try #require(sentence.firstIndex(of: "2"))
    let (quantity, end) = try #require(QuantityParser.parsePrefix(sentence[start...]))
    #expect(quantity.value == 23_160_000)
    #expect(sentence[end...] == " smartphones.")
  }
}

extension String {
  fileprivate func withoutSurroundingSpaces() -> String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
