/// What a cell of a table as reports print it holds: in an article's table or a data file's.
package enum ReportCell {
  /// Nothing.
  case empty
  /// A mark for no value: "—", "–", "-", "n/a".
  case absent
  /// A figure.
  case number(Quantity)
  /// Words: a label or a heading.
  case text(String)

  /// The figure, if the cell holds one.
  package var quantity: Quantity? {
    if case .number(let quantity) = self { return quantity }
    return nil
  }

  /// Whether the cell holds a year or two written alone, as a column heading does ("2019",
  /// "2019 (1)", "2021 - 2022").
  package var isYear: Bool {
    guard let quantity, quantity.scaleWord == nil, !quantity.value.isNegative,
      case .count = quantity.unit
    else { return false }
    // "2025 and thereafter" too.
    let groups = quantity.text.split { !$0.isNumber }
    guard !groups.isEmpty, groups.count <= 2 else { return false }
    return groups.allSatisfy { $0.count == 4 && (1900...2100).contains(Int($0) ?? 0) }
  }

  /// Reads a cell's text: parentheses are a negative, a footnote marker after the figure is
  /// dropped.
  package init(_ written: Substring) {
    var text = Self.withoutFootnote(written).text
    text = Self.trimmed(text)
    // "(6 )" and "$ (1,234)" as some reports print them.
    var trimmed = String(Self.trimmed(text))
    while let range = trimmed.firstRange(of: "( ") ?? trimmed.firstRange(of: " )")
      ?? trimmed.firstRange(of: "$ (")
    {
      trimmed.replaceSubrange(range, with: trimmed[range].filter { $0 != " " })
    }
    if trimmed.isEmpty {
      self = .empty
      return
    }
    let compact = trimmed.lowercased().filter { $0 != " " }
    if Self.absentMarks.contains(compact) {
      self = .absent
      return
    }
    if let quantity = try? QuantityParser.parse(trimmed), quantity.hedge == nil {
      self = .number(quantity)
    } else {
      self = .text(trimmed)
    }
  }

  /// A cell's text without the footnote marker after it ("$77,095 (1)", "2019(a)", "12.3*"),
  /// and the marker ("1", "a", "*"), if any.
  package static func withoutFootnote(_ written: Substring) -> (text: Substring, marker: String?) {
    var text = trimmed(written)
    var marker: String?
    while let last = text.last, "*†‡".contains(last) {
      marker = String(last)
      text = text.dropLast()
    }
    if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
      let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
      if inside.count <= 2, inside.allSatisfy({ $0.isLetter || $0.isNumber }),
        text[..<open].last.map({ $0 == " " || $0.isNumber || $0 == "%" }) == true
      {
        marker = String(inside)
        text = text[..<open]
      }
    }
    return (trimmed(text), marker)
  }

  /// `text` without white space at either end.
  static func trimmed(_ text: Substring) -> Substring {
    var text = text
    while let first = text.first, first.isWhitespace { text = text.dropFirst() }
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return text
  }

  /// Marks for a cell with no value, with spaces removed, in lower case.
  static let absentMarks: Set<String> = [
    "—", "–", "-", "--", "−", "n/a", "na", "n.a.", "nm", "n.m.", "nil", "—%", "–%", "-%", "$—",
    "$–", "$-", "€—", "€-", "£—", "£-", "*", "x", "—x", "n/m",
  ]
}

/// The scale and currency a table's caption, headings or columns give its cells: "(in thousands)",
/// "$m", "(€ thousands)", "US$'000", "RMB in millions".
package struct ReportScale {
  /// The power of ten and its word, when a scale is given.
  package var power: Int?
  package var word: String?
  /// The currency, when one is given.
  package var currency: String?

  package init(_ text: String) {
    let lower = " " + String(text.lowercased().map { $0 == "’" ? "'" : $0 }) + " "
    func has(_ words: [String]) -> Bool { words.contains { lower.contains($0) } }
    if has(["thousand", "'000", "$000", "(000", " 000s", "000's", "€000", "£000", " k)"]) {
      (power, word) = (3, "thousand")
    } else if has([
      "million", "$m ", "$m)", "€m", "£m", " mn", "(m)", "mln", "$mn", " mm)", "(mm", "$ m)",
    ]) {
      (power, word) = (6, "million")
    } else if has(["billion", "$bn", "€bn", "£bn", " bn", "(bn)", "$b)", "bln"]) {
      (power, word) = (9, "billion")
    }
    for (marks, code) in Self.currencies where marks.contains(where: lower.contains) {
      currency = code
      break
    }
  }

  /// A currency as a data file names it: an ISO code ("usd" is USD) or a mark ("$", "€");
  /// nil when it names none.
  package static func currencyCode(_ text: String) -> String? {
    if text.count == 3, text.allSatisfy({ $0.isLetter && $0.isASCII }) { return text.uppercased() }
    return ReportScale(text).currency
  }

  /// Currency marks in a caption, the specific before the general ("hk$" before "$").
  static let currencies: [([String], String)] = [
    (["hk$", "hkd"], "HKD"), (["a$", "aud"], "AUD"), (["c$", "cad"], "CAD"),
    (["nt$", "twd"], "TWD"), (["us$", "usd"], "USD"), (["s$", "sgd"], "SGD"),
    (["dollar", "$"], "USD"),
    (["€", "eur"], "EUR"), (["£", "gbp", "sterling", "pounds"], "GBP"),
    (["rmb", "cny", "yuan", "renminbi"], "CNY"), (["¥", "jpy", " yen"], "JPY"),
    (["chf", "swiss franc"], "CHF"), (["₹", "inr", "rupee"], "INR"),
  ]
}

extension ReportScale {
  /// A scale as a data file names it: "thousands", "millions", "billions" (or "thousand",
  /// "k", "m", "mn", "bn", "1000", "1000000"); nil for a name it does not know.
  package static func named(_ name: String) -> (power: Int, word: String)? {
    switch name.lowercased().filter({ $0 != " " && $0 != "," }) {
    case "thousand", "thousands", "k", "000", "'000", "1000": return (3, "thousand")
    case "million", "millions", "m", "mn", "mm", "1000000": return (6, "million")
    case "billion", "billions", "bn", "b", "1000000000": return (9, "billion")
    case "one", "ones", "units", "1": return (0, "")
    default: return nil
    }
  }

  /// Gives `quantity` the scale (`power`, `word`) and `currency` when it has none of its own:
  /// a percent takes neither, an amount per share (in currency units) no scale, and a count
  /// of things ("Number of stores", "Employees") no currency, by the `label` of its row.
  package static func apply(
    power: Int?, word: String?, currency: String?, to quantity: inout Quantity,
    label: String = ""
  ) {
    guard quantity.unit != .percent, quantity.scaleWord == nil else { return }
    let label = label.lowercased()
    let isPerShare = ["per share", "per diluted share", "per basic share", "eps", "per unit"]
      .contains { label.contains($0) }
    let isCount = ["number of", "employees", "headcount", "customers", "subscribers", "stores"]
      .contains { label.contains($0) }
    if !isPerShare, let power, let word, power != 0 {
      let shift = ExactDecimal.powerOfTen(power)
      quantity.value = quantity.value * shift
      quantity.precision = quantity.precision * shift
      quantity.scaleWord = word
      quantity.scalePower = power
      quantity.isWrittenInFull = false
    }
    if !isCount, quantity.unit == .count(nil), let currency { quantity.unit = .currency(currency) }
  }
}
