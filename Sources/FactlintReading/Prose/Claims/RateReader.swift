import FactlintModel

/// Exchange rates stated in prose: "$1 = RMB 7.1348", "at 0.92 euros per dollar", and the
/// conversions made at them.
extension ExtractionState {
  mutating func readRates(_ sentence: inout SentenceFigures) {
    let tokens = sentence.tokens
    for (position, token) in tokens.enumerated() {
      guard let left = token.figure, let base = currency(of: left, at: position, in: sentence)
      else { continue }
      // "$1 = RMB 7.1348", "US$1 to RMB 7.13".
      if sentence.figures[left].quantity.value == .one, position + 2 < tokens.count,
        tokens[position + 1].isMark("=") || tokens[position + 1].word == "to",
        let right = tokens[position + 2].figure,
        case .currency(let quote) = sentence.figures[right].quantity.unit, quote != base
      {
        let rate = Self.rateQuantity(sentence.figures[right].quantity)
        rates.append(
          ExchangeRate(
            base: base, quote: quote, rate: rate, location: locate(sentence.figures[right].range)))
        sentence.isRelation[left] = true
        sentence.isRelation[right] = true
        continue
      }
      // "0.92 euros per dollar", "7.13 yuan to the dollar".
      var next = position + 1
      if sentence.word(at: next).map(Self.kronerWords.contains) == true { next += 1 }
      guard let connector = sentence.word(at: next), ["per", "to", "a", "for"].contains(connector)
      else { continue }
      next += 1
      if sentence.word(at: next) == "the" || sentence.word(at: next) == "one" { next += 1 }
      if sentence.word(at: next) == "us" { next += 1 }
      guard let currencyWord = sentence.word(at: next),
        let code = Self.currencyWords[currencyWord], code != base
      else { continue }
      let rate = Self.rateQuantity(sentence.figures[left].quantity)
      rates.append(
        ExchangeRate(
          base: code, quote: base, rate: rate, location: locate(sentence.figures[left].range)))
      sentence.isRelation[left] = true
    }
  }

  /// A rate written as an amount ("RMB 7.1348") as a plain number with the same precision.
  static func rateQuantity(_ amount: Quantity) -> Quantity {
    var rate = amount
    rate.unit = .count(nil)
    if let first = amount.text.firstIndex(where: \.isNumber),
      let last = amount.text.lastIndex(where: \.isNumber)
    {
      rate.text = String(amount.text[first...last])
    }
    return rate
  }

  /// Whether two units can be compared in prose, where a bare number takes the unit of the
  /// figure it is compared with ("$56 million, up 7% from 52.3 million").
  static func fits(_ lhs: QuantityUnit, _ rhs: QuantityUnit) -> Bool {
    if lhs.isComparable(with: rhs) { return true }
    switch (lhs, rhs) {
    case (.count(nil), .currency), (.currency, .count(nil)): return true
    default: return false
    }
  }

  /// `figure` with the unit of `reference` when it is a bare number and the reference is money.
  static func adopting(_ figure: Figure, unitOf reference: Figure) -> Figure {
    guard case .count(nil) = figure.quantity.unit, case .currency = reference.quantity.unit else {
      return figure
    }
    var copy = figure
    copy.quantity.unit = reference.quantity.unit
    return copy
  }

  /// The currency of a figure, reading "7.46 kroner" as the crown of the sentence's other
  /// amounts (DKK, NOK or SEK), since the word alone does not say which.
  func currency(of local: Int, at position: Int, in sentence: SentenceFigures) -> String? {
    if case .currency(let code) = sentence.figures[local].quantity.unit { return code }
    guard case .count(nil) = sentence.figures[local].quantity.unit,
      sentence.word(at: position + 1).map(Self.kronerWords.contains) == true
    else { return nil }
    return sentence.figures.lazy.compactMap { figure -> String? in
      guard case .currency(let code) = figure.quantity.unit,
        ["DKK", "NOK", "SEK"].contains(code)
      else { return nil }
      return code
    }.first
  }

  static let kronerWords: Set<String> = ["kroner", "krone", "kronor", "crowns"]

  /// A sentence that states a rate and an amount in one of its currencies converts an amount
  /// given earlier: "revenue equated to about $81 million, at 0.92 euros per dollar".
  mutating func readConversionsAtRates(_ sentence: inout SentenceFigures, from first: Int) {
    guard first < rates.count else { return }
    let converted = Set(
      claims.compactMap { claim -> SourceLocation? in
        if case .conversion(let source, let converted, _) = claim {
          return source.location == converted.location ? nil : converted.location
        }
        return nil
      })
    for rate in rates[first...] {
      for local in sentence.figures.indices where !sentence.isRelation[local] {
        guard let global = sentence.globalIndex[local],
          case .currency(let code) = sentence.figures[local].quantity.unit,
          code == rate.base || code == rate.quote,
          let metric = figures[global].metric,
          !converted.contains(figures[global].figure.location),
          !claims.contains(where: { claim in
            if case .conversion(let source, _, _) = claim {
              return source.location == figures[global].figure.location
            }
            return false
          })
        else { continue }
        let other = code == rate.base ? rate.quote : rate.base
        guard
          let source = figures[..<global].last(where: {
            $0.figure.quantity.unit == .currency(other) && $0.role != .relation
              && $0.metric.map { ProseWords.sameMetric($0, metric) } == true
          })
        else { continue }
        claims.append(
          .conversion(
            source: source.figure.bound(.metric), converted: figures[global].figure.bound(.frame),
            rate: rate))
      }
    }
  }

  static let currencyWords = [
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yuan": "CNY", "renminbi": "CNY",
    "yen": "JPY", "rupee": "INR", "franc": "CHF", "won": "KRW",
  ]
}
