// The scanner of written figures, and the characters it tells apart.

// MARK: - Characters

func isDigit(_ scalar: Unicode.Scalar) -> Bool {
  scalar.value >= 0x30 && scalar.value <= 0x39
}

func isLetter(_ scalar: Unicode.Scalar) -> Bool {
  let value = scalar.value | 0x20
  if value >= 0x61 && value <= 0x7A { return true }
  return scalar.value >= 0x80 && scalar.properties.isAlphabetic
}

/// Combining marks continue a word: "cafe\u{301}s" is one word.
func isMark(_ scalar: Unicode.Scalar) -> Bool {
  guard scalar.value >= 0x300 else { return false }
  switch scalar.properties.generalCategory {
  case .nonspacingMark, .spacingMark, .enclosingMark: return true
  default: return false
  }
}

func isSpace(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x20, 0x09, 0x0A, 0x0D: return true
  case 0..<0x80: return false
  default: return scalar.properties.isWhitespace
  }
}

func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
  guard scalar.value >= 0x41 && scalar.value <= 0x5A else { return scalar }
  return Unicode.Scalar(UInt8(scalar.value + 0x20))
}

func isMinus(_ scalar: Unicode.Scalar) -> Bool {
  scalar == "-" || scalar == "\u{2212}"
}

// MARK: - Scanning

/// The digits of a number as written.
struct Numeral {
  var significand: Int128 = 0
  var fractionDigits = 0
  var hasPoint = false
  /// Whether the number was written as a word ("five").
  var isWord = false
  var end: Int
}

/// Scans one figure over the text's UTF-8 bytes, decoding scalars where it looks at them;
/// positions are byte offsets from the start of the text.
struct FigureScanner {
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

  /// The written token at `index`, up to the next space: what a message quotes. At most
  /// ``tokenLimit`` scalars, so that a failure costs a bounded count however long the run.
  func token(at index: Int) -> Range<Int> {
    var tokenEnd = index
    var count = 0
    while count < Self.tokenLimit, let scalar = scalar(at: tokenEnd), !isSpace(scalar) {
      tokenEnd = after(tokenEnd)
      count += 1
    }
    return index..<tokenEnd
  }

  /// The most of a token a failure quotes.
  static let tokenLimit = 64

  func notANumber(at index: Int, figureStart: Int) -> ScanFailure {
    // Reading a prefix of prose, a failure only says that no figure starts here.
    guard wholeText else { return ScanFailure(kind: .notANumber, range: index..<index) }
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
    in table: PhraseTable<Meaning>, at index: Int, asWords: Bool,
    where accepts: (Int) -> Bool = { _ in true }
  ) -> (Meaning, Int)? {
    guard let scalar = scalar(at: index) else { return nil }
    let first = lowered(scalar)
    for position in table.candidates(first) where table.phrases[position].first == first {
      let phrase = table.phrases[position]
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
    // A sign ending in a letter ("$US", "$A") must not run into a word: "$abc" is no figure.
    let found =
      firstPhrase(in: Vocabulary.currencySymbols, at: index, asWords: false) { end in
        !(bytes[end - 1] >= 0x41 && scalar(at: end).map(isLetter) == true)
      }
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
    // A currency sign after the number: "1,200€".
    if first.value >= 0x80, let code = Vocabulary.postfixSymbol(first) {
      return (.currency(code), after(index))
    }
    return firstPhrase(in: Vocabulary.suffixWords, at: index, asWords: true)
      ?? currencyCode(at: index).map { (.currency($0), $1) }
  }

  /// A number written as a word ("five", "twenty-five"), when a scale word or a unit follows it
  /// ("five percent", "three million units"); "a" counts only before a scale word ("a million").
  func numberWord(at start: Int) -> Numeral? {
    // This runs at the start of every word of prose, so it rules most words out by their first
    // letter and length, and looks the rest up by their letters packed in an integer.
    guard let (tens, wordEnd) = numberWordValue(at: start) else { return nil }
    let isArticle = wordEnd == start + 1
    var value = tens
    var end = wordEnd
    // "twenty-five"
    if tens >= 20, tens % 10 == 0, scalar(at: end) == "-",
      let (unit, unitEnd) = numberWordValue(at: after(end)), unit >= 1, unit < 10
    {
      value += unit
      end = unitEnd
    }
    guard isBoundary(end) else { return nil }
    let next = skippingSpaces(from: end)
    guard next > end else { return nil }
    // "a" is the commonest word of all: only a scale word's first letter may follow it.
    if isArticle {
      guard next < self.end else { return nil }
      switch bytes[next] | 0x20 {
      case 0x68, 0x74, 0x6D, 0x62, 0x6C, 0x63: break  // h t m b l c
      default: return nil
      }
    }
    // A scale word of one letter ("a m") is too often something else after a word.
    let isScale = scaleWordAt(next).map { $0.written.utf8.count > 1 } ?? false
    if isArticle {
      guard isScale else { return nil }
    } else if !isScale {
      guard let (found, _) = suffix(at: next) else { return nil }
      switch found {
      case .percent, .percentagePoints, .basisPoints, .currency, .minorCurrency: break
      // "three times" and "at one point" are no quantities.
      case .multiple, .points: return nil
      case .measure: break
      }
    }
    var numeral = Numeral(end: end)
    numeral.significand = value
    numeral.isWord = true
    return numeral
  }

  /// The value of the number word at `start` and its end, or nil when no number word is there.
  func numberWordValue(at start: Int) -> (Int128, Int)? {
    guard start < end else { return nil }
    switch bytes[start] | 0x20 {
    case 0x6F, 0x74, 0x66, 0x73, 0x65, 0x6E, 0x61: break  // o t f s e n a
    default: return nil
    }
    var key: UInt64 = 0
    var index = start
    while index < end, index - start <= 9 {
      let byte = bytes[index] | 0x20
      guard byte >= 0x61 && byte <= 0x7A, bytes[index] >= 0x41 else { break }
      key = key << 5 | UInt64(byte - 0x60)
      index += 1
    }
    guard index - start <= 9, isBoundary(index) || scalar(at: index) == "-" else { return nil }
    // A binary search of the sorted keys: cheaper than hashing, for every common word.
    let table = Vocabulary.numberWordKeys
    let found = table.partitionIndex { $0.key >= key }
    guard found < table.count, table[found].key == key else { return nil }
    return (table[found].value, index)
  }

  /// Reads digits with optional thousands commas and decimal point; nil when none start here.
  func numeral(at start: Int) throws(ScanFailure) -> Numeral? {
    guard let first = scalar(at: start) else { return nil }
    if isLetter(first) { return numberWord(at: start) }
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
        // Commas group thousands, 1 to 3 digits first and then groups of exactly three, or as
        // Indian numbers are grouped, in lakhs and crores: "5,79,627" is 579,627.
        guard leading <= 3, first != "0" else { throw malformed() }
        var groups: [Int] = []
        while scalar(at: index) == ",", followedByDigit(index) {
          index = after(index)
          groups.append(try digits(fraction: false))
        }
        let western = groups.allSatisfy { $0 == 3 }
        let indian =
          leading <= 2 && groups.count >= 2 && groups.last == 3
          && groups.dropLast().allSatisfy { $0 == 2 }
        guard western || indian else { throw malformed() }
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
    // "-$5m", "$-5m", "($1,234)", "$(1,234)", "minus 3%".
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
      } else if !sawSign, parenthesis == nil, currency == nil, scalar == "m" || scalar == "M",
        let next = matchLiteral(Vocabulary.minusWord, at: index), isBoundary(next),
        skippingSpaces(from: next) > next
      {
        sawSign = true
        negative = true
        index = skippingSpaces(from: next)
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
    let high = rangeEnd(after: numeral, currency: currency)
    if let high { index = high.end }

    // A scale word, or two where the second is larger: "4 hundred million", "1.2 lakh crore".
    var scaleWord: String?
    var scalePower = 0
    var scaleCursor = index
    while let word = scaleWordAt(skippingSpaces(from: scaleCursor)),
      scaleWord == nil || (word.power > scalePower && word.written.utf8.count > 1)
    {
      scaleWord = scaleWord.map { $0 + " " + word.written } ?? word.written
      scalePower += word.power
      scaleCursor = word.end
      index = word.end
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
    } else if !wholeText, currency == nil, scaleWord == nil, !numeral.isWord,
      scalar(at: index) == "p", isBoundary(after(index))
    {
      // Pence written after the number: "164p".
      unitSuffix = .minorCurrency("GBP", written: "p")
      index = after(index)
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

    let unit: QuantityUnit
    var power = scalePower
    var writtenUnit: String?
    switch unitSuffix {
    case nil: unit = currency.map(QuantityUnit.currency) ?? .count(noun)
    case .percent?: unit = .percent
    case .percentagePoints?: unit = .percentagePoints
    case .basisPoints?:
      unit = .percentagePoints
      power -= 2
      writtenUnit = "basis points"
    case .multiple?:
      // "downloaded 100 million times" counts occurrences: no ratio is that large.
      unit = scalePower > 0 ? .count("times") : .multiple
    case .currency(let code)?: unit = .currency(code)
    case .points?: unit = .count("points")
    case .minorCurrency(let code, let written)?:
      unit = .currency(code)
      power -= 2
      writtenUnit = written
    case .measure(let symbol)?: unit = .count(symbol)
    }
    let isAmount: Bool
    switch unit {
    case .count, .currency: isAmount = true
    case .percent, .percentagePoints, .multiple: isAmount = false
    }
    let figureEnd = try finish(at: index)
    var quantity = Quantity(
      value: ExactDecimal(
        significand: negative ? -numeral.significand : numeral.significand,
        exponent: power - numeral.fractionDigits),
      unit: unit, scaleWord: scaleWord, scalePower: scalePower,
      precision: .powerOfTen(power - numeral.fractionDigits),
      isWrittenInFull: isAmount && !numeral.hasPoint && scaleWord == nil && high == nil,
      hedge: hedge, text: string(figureStart..<figureEnd))
    if let writtenUnit { quantity.setWrittenUnit(writtenUnit, power: power - scalePower) }
    if let high {
      quantity.setRange(
        high: ExactDecimal(significand: high.significand, exponent: power - high.fractionDigits),
        precision: .powerOfTen(power - high.fractionDigits))
    }
    return (quantity, figureEnd)
  }

  /// A scale word at `index` ("million", "bn", "m") as written, its end and its power of ten.
  func scaleWordAt(_ index: Int) -> (written: String, end: Int, power: Int)? {
    let wordEnd = letterRunEnd(from: index)
    guard wordEnd > index else { return nil }
    let written = string(index..<wordEnd)
    guard let power = Vocabulary.scalePower(of: written) else { return nil }
    // "80 m.p.h." is a speed, not 80 million; "Rs 4,502 crore.Other" lacks a space only.
    if wordEnd == after(index), scalar(at: wordEnd) == ".", let next = scalar(at: after(wordEnd)),
      isLetter(next)
    {
      return nil
    }
    return (written, wordEnd, power)
  }

  /// The high end of a range written with a dash right after the low end's digits: "3-6%",
  /// "$62-$68", "15,000–20,000", "$10-15 billion". The two ends share the scale word and unit
  /// that follow; a high end not above the low one ("2019-20", a score of "3-1") is no range.
  func rangeEnd(after low: Numeral, currency: String?) -> Numeral? {
    guard !low.isWord, let dash = scalar(at: low.end), dash == "-" || dash == "\u{2013}" else {
      return nil
    }
    var start = after(low.end)
    if let currency, let (code, next) = currencyPrefix(at: start) {
      guard code == currency else { return nil }
      start = next
    }
    guard let first = scalar(at: start), isDigit(first),
      let high = try? numeral(at: start), !high.isWord
    else { return nil }
    let lowValue = ExactDecimal(significand: low.significand, exponent: -low.fractionDigits)
    let highValue = ExactDecimal(significand: high.significand, exponent: -high.fractionDigits)
    guard lowValue < highValue else { return nil }
    return high
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
