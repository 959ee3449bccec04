// The words and symbols of figures: hedges, currencies, scale words, units and number words,
// as the quantity scanner looks them up.

/// A unit written after the number.
enum Suffix: Sendable {
  case percent
  case percentagePoints
  case basisPoints
  case multiple
  case currency(String)
  /// Index or score points, which are not percentage points.
  case points
  /// A currency's minor unit: cents, pence, sen, paise; the number is in hundredths.
  case minorCurrency(String, written: String)
  /// A physical or capacity unit, by its usual symbol: "GB", "MW", "tonnes", "sq ft".
  case measure(String)
}

/// Words or a symbol with their meaning, keyed by first scalar so that scanning prose rules most
/// phrases out with one comparison.
struct Phrase<Meaning: Sendable>: Sendable {
  /// The words, each as its lower-cased scalars.
  let words: [[Unicode.Scalar]]
  let meaning: Meaning
  let first: Unicode.Scalar

  init(_ words: [String], _ meaning: Meaning) {
    self.words = words.map { $0.unicodeScalars.map(lowered) }
    self.meaning = meaning
    first = self.words[0][0]
  }

  static func list(_ entries: [([String], Meaning)]) -> PhraseTable<Meaning> {
    PhraseTable(entries.map { Phrase($0.0, $0.1) })
  }

  static func list(_ entries: [(String, Meaning)]) -> PhraseTable<Meaning> {
    PhraseTable(entries.map { Phrase([$0.0], $0.1) })
  }
}

/// Phrases in their order, with the positions of those starting with each ASCII scalar, so that
/// a word is compared only with the phrases that share its first letter.
struct PhraseTable<Meaning: Sendable>: Sendable {
  let phrases: [Phrase<Meaning>]
  /// For each ASCII scalar, the positions of the phrases it starts, in order.
  let byFirst: [[Int]]
  /// The positions of the phrases that start with a scalar beyond ASCII.
  let others: [Int]

  init(_ phrases: [Phrase<Meaning>]) {
    self.phrases = phrases
    var byFirst = [[Int]](repeating: [], count: 128)
    var others: [Int] = []
    for (position, phrase) in phrases.enumerated() {
      if phrase.first.isASCII {
        byFirst[Int(phrase.first.value)].append(position)
      } else {
        others.append(position)
      }
    }
    self.byFirst = byFirst
    self.others = others
  }

  /// The positions of the phrases that may start with `first`.
  func candidates(_ first: Unicode.Scalar) -> [Int] {
    first.isASCII ? byFirst[Int(first.value)] : others
  }
}

enum Vocabulary {
  /// Hedge words; each must be followed by a space, so "overall" and "some5" are not hedges.
  static let hedgeWords = Phrase<Hedge>.list([
    (["just", "under"], .nearly), (["nearly"], .nearly), (["almost"], .nearly),
    (["about"], .about), (["around"], .about), (["roughly"], .about),
    (["approximately"], .about), (["some"], .about),
    (["more", "than"], .moreThan), (["over"], .moreThan), (["above"], .moreThan),
    (["at", "least"], .atLeast),
    (["less", "than"], .lessThan), (["fewer", "than"], .lessThan), (["under"], .lessThan),
    (["below"], .lessThan),
    (["up", "to"], .upTo), (["at", "most"], .upTo),
  ])

  /// Hedge symbols; two-character ones come first so ">=" is not read as ">".
  static let hedgeSymbols = Phrase<Hedge>.list([
    (">=", .atLeast), ("<=", .upTo), ("\u{2265}", .atLeast), ("\u{2264}", .upTo),
    ("~", .about), (">", .moreThan), ("<", .lessThan),
  ])

  /// Words that are a multiple by themselves, with the precision a writer means by them.
  static let multipleWords = Phrase<(value: ExactDecimal, precision: ExactDecimal)>.list([
    ("doubled", (2, tenth)), ("tripled", (3, tenth)), ("trebled", (3, tenth)),
    ("quadrupled", (4, tenth)), ("twice", (2, tenth)), ("halved", (half, twentieth)),
    ("doubling", (2, tenth)), ("tripling", (3, tenth)), ("quadrupling", (4, tenth)),
    ("halving", (half, twentieth)),
  ])
  static let tenth = ExactDecimal("0.1")!
  static let half = ExactDecimal("0.5")!
  static let twentieth = ExactDecimal("0.05")!

  /// Currency signs before the number; the longer ones first so "US$" is not read as "$".
  static let currencySymbols = Phrase<String>.list([
    ("NT$", "TWD"), ("US$", "USD"), ("US $", "USD"), ("$US", "USD"), ("HK$", "HKD"),
    ("HK $", "HKD"), ("S$", "SGD"), ("AU$", "AUD"), ("AU $", "AUD"), ("A$", "AUD"),
    ("$A", "AUD"), ("NZ$", "NZD"), ("NZ $", "NZD"), ("$NZ", "NZD"), ("C$", "CAD"),
    ("CA$", "CAD"), ("R$", "BRL"), ("$", "USD"), ("\u{20AC}", "EUR"), ("\u{00A3}", "GBP"),
    ("\u{00A5}", "JPY"),
    ("\u{20B9}", "INR"), ("\u{20A9}", "KRW"), ("\u{20B1}", "PHP"),
  ])

  /// Currency signs that may follow the number.
  static func postfixSymbol(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\u{20AC}": return "EUR"
    case "\u{00A3}": return "GBP"
    case "\u{00A5}": return "JPY"
    case "\u{20B9}": return "INR"
    default: return nil
    }
  }

  /// ISO 4217 codes, and "RMB", written before or after the number.
  static let currencyCodes = Phrase<String>.list([
    ("rmb", "CNY"), ("cny", "CNY"), ("usd", "USD"), ("eur", "EUR"), ("gbp", "GBP"),
    ("hkd", "HKD"), ("jpy", "JPY"), ("inr", "INR"), ("chf", "CHF"), ("sgd", "SGD"),
    ("aud", "AUD"), ("cad", "CAD"), ("krw", "KRW"), ("twd", "TWD"), ("brl", "BRL"),
    ("dkk", "DKK"), ("nok", "NOK"), ("sek", "SEK"), ("php", "PHP"), ("mxn", "MXN"),
    ("zar", "ZAR"), ("nzd", "NZD"), ("idr", "IDR"), ("thb", "THB"), ("myr", "MYR"),
    ("sar", "SAR"), ("aed", "AED"), ("try", "TRY"), ("pln", "PLN"), ("pkr", "PKR"),
    ("lkr", "LKR"), ("ils", "ILS"), ("hrk", "HRK"), ("rs.", "INR"), ("rs", "INR"),
    ("rm", "MYR"),
  ])

  /// Physical and capacity units written after the number, glued or spaced ("256GB", "5 MW",
  /// "2,000 sq ft"), with the symbol they are reported by. A bare "m" or "t" is left out: it is
  /// a scale word or a typo as often as a metre or a tonne.
  static let measureWords: [([String], Suffix)] =
    [
      ("kb", "KB"), ("mb", "MB"), ("gb", "GB"), ("tb", "TB"), ("pb", "PB"), ("kw", "kW"),
      ("mw", "MW"), ("gw", "GW"), ("kwh", "kWh"), ("mwh", "MWh"), ("gwh", "GWh"), ("twh", "TWh"),
      ("mph", "mph"), ("kph", "km/h"), ("km/h", "km/h"), ("km", "km"), ("kg", "kg"),
      ("tonnes", "tonnes"), ("tonne", "tonnes"), ("tons", "tons"), ("ton", "tons"),
      ("barrels", "barrels"), ("barrel", "barrels"), ("bpd", "barrels a day"), ("acres", "acres"),
      ("hectares", "hectares"), ("litres", "litres"), ("liters", "litres"), ("gallons", "gallons"),
      ("ounces", "ounces"), ("oz", "ounces"), ("lbs", "lb"), ("miles", "miles"), ("ghz", "GHz"),
      ("mhz", "MHz"), ("mah", "mAh"), ("m.p.h", "mph"),
    ].map { ([$0.0], .measure($0.1)) } + [
      (["sq", "ft"], .measure("sq ft")), (["sq", "m"], .measure("sq m")),
      (["square", "feet"], .measure("sq ft")), (["square", "foot"], .measure("sq ft")),
      (["square", "metres"], .measure("sq m")), (["square", "meters"], .measure("sq m")),
    ]

  /// Units written after the number, as sequences of words.
  static let suffixWords = Phrase<Suffix>.list(
    measureWords + [
      (["per", "cent"], .percent), (["percent"], .percent), (["pct"], .percent),
      (["pc"], .percent), (["per", "centage", "points"], .percentagePoints),
      (["percentage", "points"], .percentagePoints), (["percentage", "point"], .percentagePoints),
      (["pp"], .percentagePoints), (["ppt"], .percentagePoints), (["ppts"], .percentagePoints),
      (["basis", "points"], .basisPoints), (["basis", "point"], .basisPoints),
      (["bp"], .basisPoints), (["bps"], .basisPoints), (["points"], .points),
      (["point"], .points), (["pts"], .points), (["pt"], .points),
      (["x"], .multiple), (["times"], .multiple),
      (["chinese", "yuan"], .currency("CNY")), (["yuan"], .currency("CNY")),
      (["renminbi"], .currency("CNY")),
      (["australian", "dollars"], .currency("AUD")), (["australian", "dlrs"], .currency("AUD")),
      (["canadian", "dollars"], .currency("CAD")), (["canadian", "dlrs"], .currency("CAD")),
      (["new", "zealand", "dollars"], .currency("NZD")), (["n.z.", "dlrs"], .currency("NZD")),
      (["nz", "dollars"], .currency("NZD")), (["singapore", "dollars"], .currency("SGD")),
      (["taiwan", "dollars"], .currency("TWD")), (["h.k.", "dlrs"], .currency("HKD")),
      (["hk", "dlrs"], .currency("HKD")), (["u.s.", "dlrs"], .currency("USD")),
      (["us", "dlrs"], .currency("USD")), (["dlrs"], .currency("USD")), (["dlr"], .currency("USD")),
      (["cents"], .minorCurrency("USD", written: "cents")),
      (["cts"], .minorCurrency("USD", written: "cts")),
      (["pence"], .minorCurrency("GBP", written: "pence")),
      (["sen"], .minorCurrency("MYR", written: "sen")),
      (["paise"], .minorCurrency("INR", written: "paise")),
      (["paisa"], .minorCurrency("INR", written: "paisa")),
      (["paisas"], .minorCurrency("INR", written: "paisas")),
      (["danish", "kroner"], .currency("DKK")), (["norwegian", "kroner"], .currency("NOK")),
      (["swedish", "kronor"], .currency("SEK")), (["swedish", "krona"], .currency("SEK")),
      (["kroner"], .currency("DKK")), (["kronor"], .currency("SEK")), (["krona"], .currency("SEK")),
      (["shekels"], .currency("ILS")), (["shekel"], .currency("ILS")),
      (["kuna"], .currency("HRK")), (["kn"], .currency("HRK")),
      (["us", "dollars"], .currency("USD")), (["us", "dollar"], .currency("USD")),
      (["u.s.", "dollars"], .currency("USD")), (["u.s.", "dollar"], .currency("USD")),
      (["u.s.", "dlrs"], .currency("USD")),
      (["hong", "kong", "dollars"], .currency("HKD")),
      (["hong", "kong", "dollar"], .currency("HKD")),
      (["hk", "dollars"], .currency("HKD")), (["hk", "dollar"], .currency("HKD")),
      (["dollars"], .currency("USD")), (["dollar"], .currency("USD")),
      (["euros"], .currency("EUR")), (["euro"], .currency("EUR")),
      (["pounds"], .currency("GBP")), (["pound"], .currency("GBP")),
      (["yen"], .currency("JPY")),
      (["rupees"], .currency("INR")), (["rupee"], .currency("INR")),
      (["riyals"], .currency("SAR")), (["riyal"], .currency("SAR")),
      (["dirhams"], .currency("AED")), (["dirham"], .currency("AED")),
      (["rand"], .currency("ZAR")), (["ringgit"], .currency("MYR")), (["baht"], .currency("THB")),
      (["rupiah"], .currency("IDR")), (["zloty"], .currency("PLN")), (["won"], .currency("KRW")),
      (["swiss", "francs"], .currency("CHF")), (["francs"], .currency("CHF")),
      (["reais"], .currency("BRL")), (["lira"], .currency("TRY")),
    ])

  /// The number words keyed by their lower-case letters, five bits each, sorted by key.
  static let numberWordKeys: [(key: UInt64, value: Int128)] = numberWords.map { word, value in
    (word.utf8.reduce(UInt64(0)) { $0 << 5 | UInt64($1 - 0x60) }, value)
  }.sorted { $0.key < $1.key }

  /// The word that makes a number negative: "minus 3%".
  static let minusWord = Array("minus".unicodeScalars)

  /// Number words and their values, for quantities written in words ("five percent", "three
  /// million units"); they are read only where a scale word or a unit follows.
  static let numberWords: [String: Int128] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a": 1,
  ]

  /// The power of ten of a scale word. Single letters are case-sensitive where the other case
  /// means something else ("t" is tonnes); longer words are read in any case.
  static func scalePower(of word: String) -> Int? {
    switch word {
    case "k", "K": return 3
    case "m", "M": return 6
    case "b", "B": return 9
    case "T": return 12
    default: break
    }
    guard word.utf8.count > 1 else { return nil }
    switch asciiLowercased(word) {
    case "hundred": return 2
    case "thousand": return 3
    case "lakh", "lakhs": return 5
    case "million", "mn", "mln": return 6
    case "crore", "crores": return 7
    case "billion", "bn", "bln": return 9
    case "trillion", "tn", "trn": return 12
    default: return nil
    }
  }

  static func asciiLowercased(_ word: String) -> String {
    // Words are usually lower case already; only build a new string when one is not.
    if !word.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
      return word
    }
    var result = ""
    result.unicodeScalars.append(contentsOf: word.unicodeScalars.lazy.map(lowered))
    return result
  }
}
