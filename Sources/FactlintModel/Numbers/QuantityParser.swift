/// Problems with a written figure; wording lives here (`message`: lower case, says what to do).
public enum QuantityError: Error, Sendable, Hashable {
  /// The text holds nothing but spaces.
  case empty
  /// No number where one was expected: the text found there and its 0-based offset in Unicode
  /// scalars, the unit columns count in.
  case notANumber(String, offset: Int)
  /// More than 30 significant digits, at the scalar offset of the number's first digit.
  case tooManyDigits(offset: Int)
  /// Text that is not part of the figure, and the scalar offset where it starts.
  case unexpectedText(String, offset: Int)

  /// The 0-based offset of the problem in the parsed text, in Unicode scalars.
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

  /// One figure for a range written with words, "$10 to $15 billion" or "between 5% and 10%",
  /// from its two ends as parsed: the low end takes the high end's scale word and unit when it
  /// has none of its own ("$10 to $15 billion" is $10 billion to $15 billion). Nil when the ends
  /// are not one range: other units, a hedge, or a high end not above the low one.
  public static func range(from low: Quantity, to high: Quantity, text: String) -> Quantity? {
    guard low.hedge == nil, high.hedge == nil, low.rangeHigh == nil, high.rangeHigh == nil,
      low.writtenUnit == nil, high.writtenUnit == nil, !low.value.isNegative,
      !high.value.isNegative
    else { return nil }
    var start = low
    if start.scaleWord == nil { start.takeScale(of: high) }
    switch (start.unit, high.unit) {
    case (.count(nil), .currency), (.count(nil), .percent), (.count(nil), .percentagePoints):
      start.unit = high.unit
    case (.currency(let lhs), .currency(let rhs)) where lhs == rhs: break
    case (.percent, .percent), (.percentagePoints, .percentagePoints), (.count, .count): break
    default: return nil
    }
    guard start.value < high.value else { return nil }
    // The ends of a range of amounts are alike in size; "12.6 billion yen to 142.8 billion yen"
    // is a change and the level it reached.
    if case .currency = start.unit, high.value > start.value * 10 { return nil }
    start.isWrittenInFull = false
    start.text = text
    start.setRange(high: high.value, precision: high.precision)
    return start
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
struct ScanFailure: Error {
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
    let offset = text.unicodeScalars.distance(from: text.startIndex, to: lower)
    let written = String(text[lower..<upper])
    switch kind {
    case .empty: return .empty
    case .notANumber: return .notANumber(written, offset: offset)
    case .tooManyDigits: return .tooManyDigits(offset: offset)
    case .unexpectedText: return .unexpectedText(written, offset: offset)
    }
  }
}
