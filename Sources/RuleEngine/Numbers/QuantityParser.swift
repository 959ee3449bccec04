/// Problems with a written figure; wording lives here (`message`: lower case, says what to do).
public enum QuantityError: Error, Sendable, Hashable {
  /// The text holds nothing but spaces.
  case empty
  /// No number where one was expected: the text found there and its 0-based Character offset.
  case notANumber(String, offset: Int)
  /// More than 30 significant digits, at the Character offset of the number's first digit.
  case tooManyDigits(offset: Int)
  /// Text that is not part of the figure, and the Character offset where it starts.
  case unexpectedText(String, offset: Int)

  /// The 0-based Character offset of the problem in the parsed text.
  public var offset: Int {
    switch self {
    case .empty: return 0
    case .notANumber(_, let offset): return offset
    case .tooManyDigits(let offset): return offset
    case .unexpectedText(_, let offset): return offset
    }
  }

  /// What is wrong and what to write instead.
  public var message: String {
    let example = "write a number such as '23.16 million', '$900m' or '70%'"
    switch self {
    case .empty:
      return "the figure is empty; \(example)"
    case .notANumber(let text, _):
      return "'\(text)' is not a figure; \(example)"
    case .tooManyDigits:
      return "the figure has more than 30 significant digits; round it to 30 digits or fewer"
    case .unexpectedText(let text, _):
      return "'\(text)' is not part of a figure; remove it, or write one figure such as "
        + "'13 million units', 'RMB 6.4 billion' or 'nearly 19 million'"
    }
  }
}

/// Reads written figures ("RMB 6.4 billion", "nearly 19 million units", "-59%") as quantities.
public enum QuantityParser {
  /// Parses a whole string as one figure ("RMB 6.4 billion", "+70%", "nearly 19 million units").
  public static func parse(_ text: String) throws(QuantityError) -> Quantity {
    let whole = text[...]
    switch FigureScanner.scan(whole, wholeText: true) {
    case .success(let (quantity, _)): return quantity
    case .failure(let error): throw error.located(in: whole)
    }
  }

  /// Parses a figure at the start of `text` (after optional spaces) and returns it with the index
  /// just past it, or nil when no figure starts there. For later use scanning prose.
  ///
  /// Prose differs from a table cell: parentheses are an aside rather than a negative, and the
  /// words after a figure are the sentence, so no count noun is taken. The figure must end at a
  /// word boundary ("13th" and "5mm" are not figures).
  public static func parsePrefix(_ text: Substring) -> (Quantity, Substring.Index)? {
    guard case .success(let (quantity, end)) = FigureScanner.scan(text, wholeText: false) else {
      return nil
    }
    return (quantity, text.utf8.index(text.startIndex, offsetBy: end))
  }
}

// MARK: - Failures located by index

/// A problem found while scanning, located by UTF-8 offset until it is reported in Characters.
private struct ScanFailure: Error {
  enum Kind {
    case empty
    case notANumber
    case tooManyDigits
    case unexpectedText
  }

  var kind: Kind
  var range: Range<Int>

  func located(in text: Substring) -> QuantityError {
    let lower = text.utf8.index(text.startIndex, offsetBy: range.lowerBound)
    let upper = text.utf8.index(text.startIndex, offsetBy: range.upperBound)
    let offset = text.distance(from: text.startIndex, to: lower)
    let written = String(text[lower..<upper])
    switch kind {
    case .empty: return .empty
    case .notANumber: return .notANumber(written, offset: offset)
    case .tooManyDigits: return .tooManyDigits(offset: offset)
    case .unexpectedText: return .unexpectedText(written, offset: offset)
    }
  }
}

// MARK: - Vocabulary

/// A unit written after the number.
private enum Suffix: Sendable {
  case percent
  case percentagePoints
  case basisPoints
  case multiple
  case currency(String)
}

/// Words or a symbol with their meaning, keyed by first scalar so that scanning prose rules most
/// phrases out with one comparison.
private struct Phrase<Meaning: Sendable>: Sendable {
  /// The words, each as its lower-cased scalars.
  let words: [[Unicode.Scalar]]
  let meaning: Meaning
  let first: Unicode.Scalar

  init(_ words: [String], _ meaning: Meaning) {
    self.words = words.map { $0.unicodeScalars.map(lowered) }
    self.meaning = meaning
    first = self.words[0][0]
  }

  static func list(_ entries: [([String], Meaning)]) -> [Phrase] {
    entries.map { Phrase($0.0, $0.1) }
  }

  static func list(_ entries: [(String, Meaning)]) -> [Phrase] {
    entries.map { Phrase([$0.0], $0.1) }
  }
}

private enum Vocabulary {
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
    ("NT$", "TWD"), ("US$", "USD"), ("HK$", "HKD"), ("S$", "SGD"), ("A$", "AUD"), ("C$", "CAD"),
    ("R$", "BRL"), ("$", "USD"), ("\u{20AC}", "EUR"), ("\u{00A3}", "GBP"), ("\u{00A5}", "JPY"),
    ("\u{20B9}", "INR"), ("\u{20A9}", "KRW"), ("\u{20B1}", "PHP"),
  ])

  /// ISO 4217 codes, and "RMB", written before or after the number.
  static let currencyCodes = Phrase<String>.list([
    ("rmb", "CNY"), ("cny", "CNY"), ("usd", "USD"), ("eur", "EUR"), ("gbp", "GBP"),
    ("hkd", "HKD"), ("jpy", "JPY"), ("inr", "INR"), ("chf", "CHF"), ("sgd", "SGD"),
    ("aud", "AUD"), ("cad", "CAD"), ("krw", "KRW"), ("twd", "TWD"), ("brl", "BRL"),
    ("dkk", "DKK"), ("nok", "NOK"), ("sek", "SEK"), ("php", "PHP"), ("mxn", "MXN"),
    ("zar", "ZAR"), ("nzd", "NZD"), ("idr", "IDR"), ("thb", "THB"), ("myr", "MYR"),
    ("sar", "SAR"), ("aed", "AED"), ("try", "TRY"), ("pln", "PLN"),
  ])

  /// Units written after the number, as sequences of words.
  static let suffixWords = Phrase<Suffix>.list([
    (["per", "cent"], .percent), (["percent"], .percent),
    (["percentage", "points"], .percentagePoints), (["percentage", "point"], .percentagePoints),
    (["pp"], .percentagePoints), (["ppt"], .percentagePoints), (["ppts"], .percentagePoints),
    (["basis", "points"], .basisPoints), (["basis", "point"], .basisPoints),
    (["bp"], .basisPoints), (["bps"], .basisPoints),
    (["x"], .multiple), (["times"], .multiple),
    (["yuan"], .currency("CNY")), (["renminbi"], .currency("CNY")),
    (["us", "dollars"], .currency("USD")), (["us", "dollar"], .currency("USD")),
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

// MARK: - Characters

private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
  scalar.value >= 0x30 && scalar.value <= 0x39
}

private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
  let value = scalar.value | 0x20
  if value >= 0x61 && value <= 0x7A { return true }
  return scalar.value >= 0x80 && scalar.properties.isAlphabetic
}

/// Combining marks continue a word: "cafe\u{301}s" is one word.
private func isMark(_ scalar: Unicode.Scalar) -> Bool {
  guard scalar.value >= 0x300 else { return false }
  switch scalar.properties.generalCategory {
  case .nonspacingMark, .spacingMark, .enclosingMark: return true
  default: return false
  }
}

private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x20, 0x09, 0x0A, 0x0D: return true
  case 0..<0x80: return false
  default: return scalar.properties.isWhitespace
  }
}

private func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
  guard scalar.value >= 0x41 && scalar.value <= 0x5A else { return scalar }
  return Unicode.Scalar(UInt8(scalar.value + 0x20))
}

private func isMinus(_ scalar: Unicode.Scalar) -> Bool {
  scalar == "-" || scalar == "\u{2212}"
}

// MARK: - Scanning

/// The digits of a number as written.
private struct Numeral {
  var significand: Int128 = 0
  var fractionDigits = 0
  var hasPoint = false
  var end: Int
}

/// Scans one figure over the text's UTF-8 bytes, decoding scalars where it looks at them;
/// positions are byte offsets from the start of the text.
private struct FigureScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  /// Whether the figure is the whole text (a table cell, a data file value) rather than prose.
  let wholeText: Bool
  /// The end of the text, without trailing spaces when the figure is the whole text.
  let end: Int

  /// Scans `text` in place, copying its bytes only when they are not stored contiguously.
  static func scan(_ text: Substring, wholeText: Bool) -> Result<(Quantity, Int), ScanFailure> {
    let scan = { (bytes: UnsafeBufferPointer<UInt8>) in
      let scanner = FigureScanner(bytes, wholeText: wholeText)
      return Result { () throws(ScanFailure) -> (Quantity, Int) in try scanner.figure() }
    }
    return text.utf8.withContiguousStorageIfAvailable(scan)
      ?? Array(text.utf8).withUnsafeBufferPointer(scan)
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>, wholeText: Bool) {
    self.bytes = bytes
    self.wholeText = wholeText
    var end = bytes.count
    if wholeText {
      while end > 0 {
        var before = end - 1
        while before > 0 && bytes[before] & 0xC0 == 0x80 { before -= 1 }
        guard isSpace(Self.decode(bytes, at: before)) else { break }
        end = before
      }
    }
    self.end = end
  }

  /// The scalar whose UTF-8 sequence starts at `index`; the text is valid UTF-8, as it came from
  /// a String.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
    let lead = bytes[index]
    guard lead >= 0x80 else { return Unicode.Scalar(lead) }
    let length = sequenceLength(lead)
    var value = UInt32(lead & (0xFF >> (length + 1)))
    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// The length of the UTF-8 sequence that `lead` starts.
  static func sequenceLength(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
  }

  func scalar(at index: Int) -> Unicode.Scalar? {
    index < end ? Self.decode(bytes, at: index) : nil
  }

  func after(_ index: Int) -> Int {
    index + Self.sequenceLength(bytes[index])
  }

  /// The text between two offsets.
  func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  func skippingSpaces(from index: Int) -> Int {
    var index = index
    while let scalar = scalar(at: index), isSpace(scalar) { index = after(index) }
    return index
  }

  /// Whether a word or number may end before `index`: no letter or digit continues it.
  func isBoundary(_ index: Int) -> Bool {
    guard let scalar = scalar(at: index) else { return true }
    return !isLetter(scalar) && !isDigit(scalar) && !isMark(scalar)
  }

  func letterRunEnd(from index: Int) -> Int {
    var index = index
    while let scalar = scalar(at: index), isLetter(scalar) { index = after(index) }
    return index
  }

  /// The index past `literal` at `index`, ASCII letters in any case, or nil.
  func matchLiteral(_ literal: [Unicode.Scalar], at index: Int) -> Int? {
    var index = index
    for expected in literal {
      guard let scalar = scalar(at: index), lowered(scalar) == expected else { return nil }
      index = after(index)
    }
    return index
  }

  /// The index past the words at `index`, in any case and separated by spaces, or nil.
  func matchWords(_ words: [[Unicode.Scalar]], at index: Int) -> Int? {
    var index = index
    for (position, word) in words.enumerated() {
      if position > 0 {
        let next = skippingSpaces(from: index)
        guard next > index else { return nil }
        index = next
      }
      guard let next = matchLiteral(word, at: index), isBoundary(next) else { return nil }
      index = next
    }
    return index
  }

  /// The text from `index` to the end of its run of non-spaces, for a located message.
  func token(at index: Int) -> Range<Int> {
    var tokenEnd = index
    while let scalar = scalar(at: tokenEnd), !isSpace(scalar) { tokenEnd = after(tokenEnd) }
    return index..<tokenEnd
  }

  func notANumber(at index: Int, figureStart: Int) -> ScanFailure {
    // At the end of the text, or before a stray space ("- 5"), the figure so far is what failed
    // to be a number ("$", "about").
    guard let scalar = scalar(at: index), !isSpace(scalar) else {
      let rest = token(at: skippingSpaces(from: index))
      return ScanFailure(kind: .notANumber, range: figureStart..<max(rest.upperBound, index))
    }
    return ScanFailure(kind: .notANumber, range: token(at: index))
  }

  func unexpected(at index: Int) -> ScanFailure {
    ScanFailure(kind: .unexpectedText, range: index..<max(index, end))
  }

  // MARK: Pieces of a figure

  /// The first of `phrases` written at `index` whose end `accepts`, and that end. Words must end
  /// at a word boundary; symbols need not ("$5").
  func firstPhrase<Meaning>(
    in phrases: [Phrase<Meaning>], at index: Int, asWords: Bool,
    where accepts: (Int) -> Bool = { _ in true }
  ) -> (Meaning, Int)? {
    guard let scalar = scalar(at: index) else { return nil }
    let first = lowered(scalar)
    for position in phrases.indices where phrases[position].first == first {
      let phrase = phrases[position]
      let end =
        asWords ? matchWords(phrase.words, at: index) : matchLiteral(phrase.words[0], at: index)
      if let end, accepts(end) { return (phrase.meaning, end) }
    }
    return nil
  }

  func hedge(at index: Int) -> (Hedge, Int)? {
    // A hedge word needs a space after it ("over5" is no hedge), unless the text ends there and
    // the missing number is the problem.
    let found =
      firstPhrase(in: Vocabulary.hedgeWords, at: index, asWords: true) {
        skippingSpaces(from: $0) > $0 || $0 == end
      } ?? firstPhrase(in: Vocabulary.hedgeSymbols, at: index, asWords: false)
    return found.map { ($0, skippingSpaces(from: $1)) }
  }

  func multipleWord(at index: Int) -> (ExactDecimal, ExactDecimal, Int)? {
    firstPhrase(in: Vocabulary.multipleWords, at: index, asWords: true).map {
      ($0.value, $0.precision, $1)
    }
  }

  /// A currency sign or code before the number, and the index past it and any spaces.
  func currencyPrefix(at index: Int) -> (String, Int)? {
    let found =
      firstPhrase(in: Vocabulary.currencySymbols, at: index, asWords: false)
      ?? currencyCode(at: index)
    return found.map { ($0, skippingSpaces(from: $1)) }
  }

  /// The ISO code for a currency code or "RMB" at `index`, and its end; a digit may follow at
  /// once ("RMB6.4bn"), a letter may not.
  func currencyCode(at index: Int) -> (String, Int)? {
    firstPhrase(in: Vocabulary.currencyCodes, at: index, asWords: false) {
      scalar(at: $0).map(isLetter) != true
    }
  }

  /// The unit after the number, attached or after spaces, and the index past it.
  func suffix(at index: Int) -> (Suffix, Int)? {
    guard let first = scalar(at: index) else { return nil }
    if first == "%" { return (.percent, after(index)) }
    if first == "\u{00D7}" { return (.multiple, after(index)) }
    return firstPhrase(in: Vocabulary.suffixWords, at: index, asWords: true)
      ?? currencyCode(at: index).map { (.currency($0), $1) }
  }

  /// Reads digits with optional thousands commas and decimal point; nil when none start here.
  func numeral(at start: Int) throws(ScanFailure) -> Numeral? {
    guard let first = scalar(at: start) else { return nil }
    let startsWithPoint = first == "." && scalar(at: after(start)).map(isDigit) == true
    guard isDigit(first) || startsWithPoint else { return nil }
    var numeral = Numeral(end: start)
    var significantDigits = 0
    var index = start

    /// Reads a run of digits into the numeral and returns how many there were.
    func digits(fraction: Bool) throws(ScanFailure) -> Int {
      var count = 0
      while let scalar = scalar(at: index), isDigit(scalar) {
        let digit = Int128(scalar.value - 0x30)
        if numeral.significand != 0 || digit != 0 {
          significantDigits += 1
          guard significantDigits <= 30 else {
            throw ScanFailure(kind: .tooManyDigits, range: start..<start)
          }
          numeral.significand = numeral.significand * 10 + digit
        }
        if fraction { numeral.fractionDigits += 1 }
        count += 1
        index = after(index)
      }
      return count
    }
    func followedByDigit(_ index: Int) -> Bool {
      scalar(at: after(index)).map(isDigit) == true
    }
    func malformed() -> ScanFailure {
      var tokenEnd = start
      while let scalar = scalar(at: tokenEnd), isDigit(scalar) || scalar == "," || scalar == "." {
        tokenEnd = after(tokenEnd)
      }
      return ScanFailure(kind: .notANumber, range: start..<tokenEnd)
    }

    if !startsWithPoint {
      let leading = try digits(fraction: false)
      if scalar(at: index) == ",", followedByDigit(index) {
        // Commas group thousands only: 1 to 3 digits first, then groups of exactly three.
        guard leading <= 3, first != "0" else { throw malformed() }
        while scalar(at: index) == ",", followedByDigit(index) {
          index = after(index)
          guard try digits(fraction: false) == 3 else { throw malformed() }
        }
      }
    }
    if scalar(at: index) == ".", followedByDigit(index) {
      numeral.hasPoint = true
      index = after(index)
      _ = try digits(fraction: true)
    }
    // "1.2.3" and "1.5,3" are not one number; a point or comma then ends a sentence or clause.
    if let next = scalar(at: index), next == "." || next == ",", followedByDigit(index) {
      throw malformed()
    }
    numeral.end = index
    return numeral
  }

  /// Reads the words of a count noun up to the end of the text ("units", "tablet PCs").
  func noun(at start: Int) throws(ScanFailure) -> String {
    var words: [String] = []
    var index = start
    while index < end {
      let wordStart = index
      guard let first = scalar(at: index), isLetter(first) else { throw unexpected(at: index) }
      while let scalar = scalar(at: index),
        isLetter(scalar) || isDigit(scalar) || isMark(scalar) || scalar == "-" || scalar == "'"
          || scalar == "\u{2019}"
      {
        index = after(index)
      }
      guard index == end || isSpace(Self.decode(bytes, at: index)) else {
        throw unexpected(at: index)
      }
      let word = string(wordStart..<index)
      // "5 million million" is a slip, not five million millions.
      if words.isEmpty, Vocabulary.scalePower(of: word) != nil {
        throw unexpected(at: wordStart)
      }
      words.append(word.lowercased())
      index = skippingSpaces(from: index)
    }
    return words.joined(separator: " ")
  }

  // MARK: The figure

  func figure() throws(ScanFailure) -> (quantity: Quantity, end: Int) {
    let figureStart = skippingSpaces(from: 0)
    guard figureStart < end else {
      throw wholeText
        ? ScanFailure(kind: .empty, range: figureStart..<figureStart)
        : notANumber(at: figureStart, figureStart: figureStart)
    }
    var index = figureStart
    var hedge: Hedge?
    if let (found, next) = self.hedge(at: index) {
      hedge = found
      index = next
    }
    if let (value, precision, next) = multipleWord(at: index) {
      let quantity = Quantity(
        value: value, unit: .multiple, precision: precision,
        hedge: Self.multipleHedge(hedge, value: value),
        text: string(figureStart..<next))
      return (quantity, try finish(at: next))
    }

    // Sign, currency and a table's opening parenthesis, in the orders writers use:
    // "-$5m", "$-5m", "($1,234)", "$(1,234)".
    var negative = false
    var sawSign = false
    var currency: String?
    var parenthesis: Int?
    while let scalar = scalar(at: index) {
      if !sawSign, parenthesis == nil, wholeText, scalar == "(" {
        parenthesis = index
        index = after(index)
      } else if !sawSign, parenthesis == nil, scalar == "+" || isMinus(scalar) {
        sawSign = true
        negative = isMinus(scalar)
        index = after(index)
      } else if currency == nil, let (code, next) = currencyPrefix(at: index) {
        currency = code
        index = next
      } else {
        break
      }
    }

    guard let numeral = try numeral(at: index) else {
      throw notANumber(at: index, figureStart: figureStart)
    }
    index = numeral.end

    var scaleWord: String?
    var scalePower = 0
    let scaleStart = skippingSpaces(from: index)
    let scaleEnd = letterRunEnd(from: scaleStart)
    if scaleEnd > scaleStart,
      let power = Vocabulary.scalePower(of: string(scaleStart..<scaleEnd))
    {
      scaleWord = string(scaleStart..<scaleEnd)
      scalePower = power
      index = scaleEnd
    }

    if parenthesis != nil, scalar(at: index) == ")" {
      parenthesis = nil
      negative = true
      index = after(index)
    }

    var unitSuffix: Suffix?
    let suffixStart = skippingSpaces(from: index)
    if let (found, next) = suffix(at: suffixStart) {
      // "$5%" or "$5 yuan" name two units; neither can be trusted.
      if currency != nil { throw unexpected(at: suffixStart) }
      unitSuffix = found
      index = next
    }

    if let opened = parenthesis {
      guard scalar(at: index) == ")" else {
        throw ScanFailure(kind: .unexpectedText, range: opened..<after(opened))
      }
      negative = true
      index = after(index)
    }

    var noun: String?
    if wholeText, currency == nil, unitSuffix == nil, index < end {
      let nounStart = skippingSpaces(from: index)
      // A noun is a separate word: "13abc" is a typo, not 13 abc.
      guard nounStart > index else { throw unexpected(at: index) }
      noun = try self.noun(at: nounStart)
      index = end
    }

    let unit: Unit
    var power = scalePower
    switch unitSuffix {
    case nil: unit = currency.map(Unit.currency) ?? .count(noun)
    case .percent?: unit = .percent
    case .percentagePoints?: unit = .percentagePoints
    case .basisPoints?:
      unit = .percentagePoints
      power -= 2
    case .multiple?: unit = .multiple
    case .currency(let code)?: unit = .currency(code)
    }
    let isAmount: Bool
    switch unit {
    case .count, .currency: isAmount = true
    case .percent, .percentagePoints, .multiple: isAmount = false
    }
    let figureEnd = try finish(at: index)
    let quantity = Quantity(
      value: ExactDecimal(
        significand: negative ? -numeral.significand : numeral.significand,
        exponent: power - numeral.fractionDigits),
      unit: unit, scaleWord: scaleWord, scalePower: scalePower,
      precision: .powerOfTen(power - numeral.fractionDigits),
      isWrittenInFull: isAmount && !numeral.hasPoint && scaleWord == nil,
      hedge: hedge, text: string(figureStart..<figureEnd))
    return (quantity, figureEnd)
  }

  /// Checks what follows the figure: nothing but spaces in a whole text, a word boundary in prose.
  func finish(at index: Int) throws(ScanFailure) -> Int {
    if wholeText {
      let rest = skippingSpaces(from: index)
      guard rest == end else { throw unexpected(at: rest) }
    } else {
      guard isBoundary(index) else { throw unexpected(at: index) }
    }
    return index
  }

  /// A word multiple is approximate unless hedged otherwise; "halved" turns the hedge around,
  /// since "more than halved" leaves less than half.
  static func multipleHedge(_ hedge: Hedge?, value: ExactDecimal) -> Hedge {
    guard let hedge else { return .about }
    guard value < 1 else { return hedge }
    switch hedge {
    case .moreThan: return .lessThan
    case .atLeast: return .upTo
    case .lessThan: return .moreThan
    case .upTo: return .atLeast
    case .nearly, .about: return .about
    }
  }
}
