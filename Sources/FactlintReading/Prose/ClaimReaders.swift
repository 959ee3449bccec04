import FactlintModel

/// The claim patterns of prose: rates, conversions, changes, compositions and shares.
extension ExtractionState {
  // MARK: - Rates: "$1 = RMB 7.1348", "at 0.92 euros per dollar"

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

  // MARK: - Conversions: "RMB 6.4 billion ($900 million)", "RMB 6.4 billion, or $900 million"

  mutating func readConversions(_ sentence: inout SentenceFigures) {
    let tokens = sentence.tokens
    for (position, token) in tokens.enumerated() {
      guard let source = token.figure, !sentence.isRelation[source],
        case .currency(let from) = sentence.figures[source].quantity.unit
      else { continue }
      var next = position + 1
      if next < tokens.count, tokens[next].isMark("(") {
        next += 1
      } else if next + 1 < tokens.count, tokens[next].isMark(","), tokens[next + 1].word == "or" {
        next += 2
      } else {
        continue
      }
      guard let converted = sentence.figure(at: next), !sentence.isRelation[converted],
        case .currency(let to) = sentence.figures[converted].quantity.unit, to != from
      else { continue }
      let rate = rates.last { Set([$0.base, $0.quote]) == Set([from, to]) }
      claims.append(
        .conversion(
          source: figure(source, sentence).bound(.frame),
          converted: figure(converted, sentence).bound(.frame), rate: rate))
      if rate == nil { pendingConversions.append((claims.count - 1, from, to)) }
    }
  }

  /// Gives conversions stated before their rate the rate the article states later.
  mutating func resolvePendingConversions() {
    for pending in pendingConversions {
      guard case .conversion(let source, let converted, nil) = claims[pending.claim],
        let rate = rates.last(where: {
          Set([$0.base, $0.quote]) == Set([pending.from, pending.to])
        })
      else { continue }
      claims[pending.claim] = .conversion(source: source, converted: converted, rate: rate)
    }
    pendingConversions = []
  }

  // MARK: - Changes: "up 7% from 52.3 million", "climbed 4.1% to €3.02 billion from €2.9 billion"

  /// The direction of the change a figure states, or nil when it states a level.
  func changeDirection(of local: Int, in sentence: SentenceFigures) -> Int? {
    let quantity = sentence.figures[local].quantity
    let position = sentence.positions[local]
    switch quantity.unit {
    case .multiple:
      if sentence.word(at: position + 1) == "as" { return nil }  // "twice as many"
      return quantity.value < 1 ? -1 : 1
    case .percent, .percentagePoints:
      break
    default:
      return nil
    }
    let before = sentence.word(at: position - 1)
    if before == "to" || before == "from" || before == "at" { return nil }
    // "increased $41.0 million, or 6.2%": the direction of the amount before the rate.
    if let amount = amountBefore(rate: position, in: sentence) {
      return amountDirection(of: amount, in: sentence)
    }
    // "rose 7%", "an increase of 70 per cent", "down by 3 pp".
    var cursor = position - 1
    while cursor >= 0, position - cursor <= 4 {
      if sentence.tokens[cursor].figure != nil { break }
      if let word = sentence.word(at: cursor) {
        // "made up 40% of sales" is a share, not a rise.
        if word == "up", let verb = sentence.word(at: cursor - 1),
          ["made", "make", "makes", "making"].contains(verb)
        {
          return nil
        }
        if let direction = ProseWords.direction(word) { return direction }
        if ["margin", "share", "stake", "rate", "of"].contains(word), cursor == position - 1,
          sentence.word(at: cursor - 1).flatMap(ProseWords.direction) == nil
        {
          return nil
        }
      }
      cursor -= 1
    }
    // "a 70% increase", "59% lower", "a year-on-year decrease of 59%".
    // "52.4%, up 6.1% from 46.3%" is a level: a comma ends the figure's phrase. "A 5% (€364m)
    // drop" states its amount in an aside first.
    let after = figureInParentheses(at: position + 1, in: sentence) == nil ? position : position + 3
    for offset in 1...2 {
      guard let word = sentence.word(at: after + offset) else { break }
      if let direction = ProseWords.direction(word) { return direction }
    }
    return nil
  }

  /// The amount written before a rate as the same change: "increased $41.0 million, or 6.2%",
  /// "up $58.4 million, or 8.1%", "gained 48.8 points, up 0.72%". The amount follows a
  /// direction word.
  func amountBefore(rate position: Int, in sentence: SentenceFigures) -> Int? {
    var cursor = position - 1
    // "gained 48.8 points, up 0.72%": the same change again, with a comma.
    guard let joint = sentence.word(at: cursor), ["or", "up", "down"].contains(joint) else {
      return nil
    }
    cursor -= 1
    if sentence.tokens.indices.contains(cursor), sentence.tokens[cursor].isMark(",") {
      cursor -= 1
    } else if joint != "or" {
      return nil
    }
    guard let amount = sentence.figure(at: cursor), isAmount(amount, sentence),
      amountDirection(of: amount, in: sentence) != nil
    else { return nil }
    return amount
  }

  /// The amount written after a rate as the same change: "increased by 9.7% or 12.6 billion
  /// yen", "rose 7%, or $41 million,", "a 5% (€364m) drop".
  func amountAfter(rate position: Int, in sentence: SentenceFigures) -> Int? {
    let amount: Int?
    if sentence.tokens.indices.contains(position + 1), sentence.tokens[position + 1].isMark("(") {
      amount = figureInParentheses(at: position + 1, in: sentence)
    } else {
      amount = figureAfterOr(following: position, in: sentence)
    }
    return amount.flatMap { isAmount($0, sentence) ? $0 : nil }
  }

  /// The figure alone in parentheses opening at `open`: "(€364m)", "(0.94 per cent)".
  func figureInParentheses(at open: Int, in sentence: SentenceFigures) -> Int? {
    guard sentence.tokens.indices.contains(open + 2), sentence.tokens[open].isMark("("),
      sentence.tokens[open + 2].isMark(")")
    else { return nil }
    return sentence.figure(at: open + 1)
  }

  /// The figure right after "or" or ", or" following the token at `position`: "118.5 million
  /// pounds or 31.31p per share", "increased by 9.7% or 12.6 billion yen".
  func figureAfterOr(following position: Int, in sentence: SentenceFigures) -> Int? {
    var cursor = position + 1
    if sentence.tokens.indices.contains(cursor), sentence.tokens[cursor].isMark(",") {
      cursor += 1
    }
    guard sentence.word(at: cursor) == "or", let found = sentence.figure(at: cursor + 1),
      sentence.globalIndex[found] != nil
    else { return nil }
    return found
  }

  /// Whether a figure can be a change's amount: money or a count, not a rate.
  func isAmount(_ local: Int, _ sentence: SentenceFigures) -> Bool {
    guard !sentence.isRelation[local], sentence.globalIndex[local] != nil else { return false }
    switch sentence.figures[local].quantity.unit {
    case .currency, .count: return true
    default: return false
    }
  }

  /// The direction word just before an amount: "increased $41.0 million", "up by $3 million".
  func amountDirection(of local: Int, in sentence: SentenceFigures) -> Int? {
    let position = sentence.positions[local]
    var cursor = position - 1
    if sentence.word(at: cursor) == "by" { cursor -= 1 }
    return sentence.word(at: cursor).flatMap(ProseWords.direction)
  }

  mutating func readChanges(_ sentence: inout SentenceFigures, mentions: [PeriodMention]) {
    for local in sentence.figures.indices where sentence.globalIndex[local] != nil {
      guard !sentence.isRelation[local], let direction = changeDirection(of: local, in: sentence)
      else { continue }
      sentence.isRelation[local] = true
      let position = sentence.positions[local]
      var stated = sentence.figures[local].quantity
      let written = stated.text.first
      if direction < 0, stated.unit != .multiple, !stated.value.isNegative, written != "+" {
        stated.value = -stated.value
      }
      // The change as an amount beside a percent: neither the current figure nor the base, but
      // no other change either, so the search for "to A" goes past it.
      var amount: Int?
      if stated.unit == .percent {
        amount =
          amountBefore(rate: position, in: sentence) ?? amountAfter(rate: position, in: sentence)
      }
      if let amount { sentence.isUsed.insert(amount) }
      defer { if let amount { sentence.isRelation[amount] = true } }
      var current =
        figureAfter("to", from: position, in: sentence)
        ?? figureAfter("at", from: position, in: sentence)
      var base =
        figureAfter("from", from: position, in: sentence)
        ?? figureAfter("than", from: position, in: sentence)
        ?? comparedFigure(after: position, in: sentence)
      // "increased by 1.7% to 194.6 billion yen, 18.4% of revenue, up from 18.9%": a base in
      // another unit than the new figure belongs to another claim.
      if let found = base, let current,
        !Self.fits(sentence.figures[found].quantity.unit, sentence.figures[current].quantity.unit)
          || !sameMetric(found, current, sentence)
      {
        base = nil
      }
      if current == nil, base == nil,
        let pair = comparedPair(before: position, in: sentence, stated: stated)
      {
        // "Profit was $2.1 billion versus $1.9 billion, an increase of 11%".
        current = pair.current
        base = pair.base
      }
      var newFigure = current
      if newFigure == nil {
        if let base { sentence.isUsed.insert(base) }
        newFigure = nearestLevel(
          before: position, comparableWith: base, in: sentence, stated: stated)
        if let base { sentence.isUsed.remove(base) }
      }
      if newFigure == nil, let base, let subject = pronounSubject(before: position, in: sentence),
        Self.fits(figures[subject].figure.quantity.unit, sentence.figures[base].quantity.unit)
      {
        // "On a year-on-year basis, it jumped 35.8% from Rs776.82 crore": the figure the last
        // sentence was about, bound by the pronoun.
        let currentFigure = figures[subject].figure.bound(.inferred)
        let baseFigure = Self.adopting(figure(base, sentence).bound(.frame), unitOf: currentFigure)
        claims.append(
          .change(
            current: currentFigure, base: baseFigure,
            change: StatedChange(
              base: .explicit(baseFigure.key.period), baseText: baseFigure.quantity.text,
              stated: stated, location: locate(sentence.figures[local].range))))
        sentence.isUsed.insert(base)
        if let global = sentence.globalIndex[base] { figures[global].role = .base }
        continue
      }
      guard let newFigure, base.map({ sameMetric($0, newFigure, sentence) }) ?? true else {
        continue
      }
      // "Core prices rose 2.3%, a slight increase from the 2.2%": a percent change of a percent
      // needs its new figure in its own words ("rose 5% to 3.15% from 3.0%").
      if current == nil, stated.unit == .percent, let base,
        sentence.figures[base].quantity.unit == .percent,
        !isRightBefore(newFigure, change: position, in: sentence)
      {
        continue
      }
      var basePeriod: BasePeriod?
      var baseText = ""
      if let base {
        basePeriod = .explicit(figure(base, sentence).key.period)
        baseText = figures[sentence.globalIndex[base]!].text
      } else if let mention = relativeMention(for: position, in: sentence, mentions: mentions),
        let relative = mention.base
      {
        basePeriod = relative
        baseText = mention.tokens.map { sentence.word(at: $0) ?? "" }.joined(separator: " ")
      } else if let mention = mentions.first(where: {
        let before = $0.tokens.lowerBound - 1
        return $0.period != nil
          && (sentence.word(at: before) == "from"
            || sentence.word(at: before) == "the" && sentence.word(at: before - 1) == "from")
      }), let period = mention.period {
        basePeriod = .explicit(period)
        baseText = period.description
      }
      if basePeriod == nil, amount != nil {
        // The amount gives the base; the period it is of is the one before.
        basePeriod = .previous(nil)
        baseText = "the amount of the change"
      }
      guard let basePeriod else { continue }
      var change = StatedChange(
        base: basePeriod, baseText: baseText, stated: stated,
        location: locate(sentence.figures[local].range))
      // "to A" binds the new figure in the claim's words; the nearest amount before, by place.
      var currentFigure = figure(newFigure, sentence).bound(current == nil ? .sentence : .frame)
      if let amount {
        var amountFigure = Self.adopting(
          figure(amount, sentence).bound(.frame), unitOf: currentFigure)
        if direction < 0, !amountFigure.quantity.value.isNegative {
          amountFigure.quantity.value = -amountFigure.quantity.value
        }
        change.amount = amountFigure
        if let global = sentence.globalIndex[amount] { figures[global].role = .relation }
      }
      var baseFigure = base.map { figure($0, sentence).bound(.frame) }
      if let known = baseFigure {
        baseFigure = Self.adopting(known, unitOf: currentFigure)
        currentFigure = Self.adopting(currentFigure, unitOf: known)
      }
      claims.append(.change(current: currentFigure, base: baseFigure, change: change))
      sentence.isUsed.insert(newFigure)
      if let base { sentence.isUsed.insert(base) }
      if let base, let global = sentence.globalIndex[base] { figures[global].role = .base }
    }
  }

  /// The period phrase that names the base of the change at `position`: the nearest one, or
  /// when that is the change's own period, the nearest relative one with no other rate between
  /// ("rose 8.8% to $2.73 billion in the third quarter from the previous quarter").
  func relativeMention(
    for position: Int, in sentence: SentenceFigures, mentions: [PeriodMention]
  ) -> PeriodMention? {
    func distance(_ mention: PeriodMention) -> Int { abs(mention.tokens.lowerBound - position) }
    guard let nearest = mentions.min(by: { distance($0) < distance($1) }) else { return nil }
    guard nearest.base == nil,
      let relative = mentions.filter({ $0.base != nil }).min(by: { distance($0) < distance($1) })
    else { return nearest }
    let between =
      min(position, relative.tokens.lowerBound)..<max(position, relative.tokens.lowerBound)
    let crossesRate = sentence.figures.indices.contains { index in
      guard between.contains(sentence.positions[index]), index != sentence.figure(at: position)
      else { return false }
      switch sentence.figures[index].quantity.unit {
      case .percent, .percentagePoints, .multiple: return true
      default: return false
      }
    }
    return crossesRate ? nearest : relative
  }

  /// The level figure right after `word` ("to $88 million", "from 52.3 million"), searching
  /// the sentence after the change first, then before it.
  func figureAfter(_ word: String, from position: Int, in sentence: SentenceFigures) -> Int? {
    let tokens = sentence.tokens
    // Look after the change up to the next change, then before it back to the previous one, so
    // that two changes in one sentence keep their own figures.
    // A semicolon ends the search, and so does ", up" or ", down" ahead: another change.
    var forward: [Int] = []
    var cursor = position + 1
    while cursor < tokens.count, !isChange(at: cursor, in: sentence), !tokens[cursor].isMark(";"),
      !(tokens[cursor - 1].isMark(",")
        && (tokens[cursor].word.flatMap(ProseWords.direction) != nil))
    {
      forward.append(cursor)
      cursor += 1
    }
    var backward: [Int] = []
    cursor = position - 1
    while cursor >= 0, !isChange(at: cursor, in: sentence), !tokens[cursor].isMark(";"),
      !(tokens[cursor].word.map(Self.clauseStarts.contains) ?? false)
    {
      backward.append(cursor)
      cursor -= 1
    }
    for cursor in forward + backward where tokens[cursor].word == word {
      // "compared to $50.9 million" is a base, "equivalent to 68.2%" a share: no "to A".
      if word == "to", let before = sentence.word(at: cursor - 1), Self.notToVerbs.contains(before)
      {
        continue
      }
      var next = cursor + 1
      if sentence.word(at: next) == "a" || sentence.word(at: next) == "the" { next += 1 }
      if let found = sentence.figure(at: next), !sentence.isRelation[found],
        !sentence.isUsed.contains(found), sentence.globalIndex[found] != nil
      {
        return found
      }
    }
    return nil
  }

  /// The figure a change is measured against after "compared to", "compared with", "as
  /// against", "against", "versus" or "over", a few words on and before the next change: "down
  /// 67 percent as compared to the earnings of Rs4.062 billion", "an increase of 34% over
  /// $0.47", "an increase of 35% over 2005 GAAP net income of $161 million".
  func comparedFigure(after position: Int, in sentence: SentenceFigures) -> Int? {
    var cursor = position + 1
    while cursor < sentence.tokens.count, !isChange(at: cursor, in: sentence) {
      defer { cursor += 1 }
      guard let word = sentence.word(at: cursor) else { continue }
      var next = cursor + 1
      switch word {
      case "compared", "comparing":
        guard let preposition = sentence.word(at: next),
          preposition == "to" || preposition == "with"
        else { continue }
        next += 1
      case "against", "versus", "vs", "over":
        break
      default:
        continue
      }
      // The words between name the base: "the earnings of", "2005 GAAP net income of".
      while next < sentence.tokens.count, next - cursor <= 7 {
        if let found = sentence.figure(at: next) {
          guard !sentence.isRelation[found], !sentence.isUsed.contains(found),
            sentence.globalIndex[found] != nil,
            isLevel(found, sentence) || sentence.figures[found].quantity.unit == .percent
          else { return nil }
          return found
        }
        guard let between = sentence.word(at: next), !Self.comparedStops.contains(between) else {
          return nil
        }
        next += 1
      }
      return nil
    }
    return nil
  }

  /// Words that end the phrase after "compared to": what follows is no longer its base.
  static let comparedStops: Set<String> = [
    "to", "at", "from", "and", "or", "while", "whereas", "but", "which", "when", "as", "by",
    // "compared with estimates of $10.1 billion" is no base: a forecast is not a period.
    "estimate", "estimates", "expectations", "expected", "forecast", "forecasts", "consensus",
    "guidance", "analysts", "analyst", "projections", "projected", "target", "targets",
  ]

  /// The two figures compared before a change stated after them: "$2.1 billion versus $1.9
  /// billion, an increase of 11%", "$5.2 billion compared with $4.8 billion a year earlier, up
  /// 8%". The base follows a comparing word; the new figure comes right before that.
  func comparedPair(before position: Int, in sentence: SentenceFigures, stated: Quantity)
    -> (current: Int, base: Int)?
  {
    guard
      let base = nearestLevel(before: position, comparableWith: nil, in: sentence, stated: stated)
    else { return nil }
    var cursor = sentence.positions[base] - 1
    while let word = sentence.word(at: cursor), ["a", "the", "revised"].contains(word) {
      cursor -= 1
    }
    guard let word = sentence.word(at: cursor) else { return nil }
    let comparing =
      ["versus", "vs", "against", "from", "than"].contains(word)
      || (["to", "with"].contains(word) && sentence.word(at: cursor - 1) == "compared")
    guard comparing,
      let current = (0..<cursor).reversed().lazy.compactMap({ sentence.figure(at: $0) }).first,
      !sentence.isRelation[current], !sentence.isUsed.contains(current),
      sentence.globalIndex[current] != nil,
      Self.fits(sentence.figures[current].quantity.unit, sentence.figures[base].quantity.unit),
      cursor - sentence.positions[current] <= 8
    else { return nil }
    return (current, base)
  }

  /// Whether the figure at `local` is the one the change at `position` follows: "52.4%, up
  /// 6.1%", "52.4% up 6.1%".
  func isRightBefore(_ local: Int, change position: Int, in sentence: SentenceFigures) -> Bool {
    var cursor = sentence.positions[local] + 1
    if sentence.tokens.indices.contains(cursor), sentence.tokens[cursor].isMark(",") { cursor += 1 }
    guard let word = sentence.word(at: cursor), ProseWords.direction(word) != nil else {
      return false
    }
    return cursor + 1 == position
      || (sentence.word(at: cursor + 1) == "by" && cursor + 2 == position)
  }

  /// Whether two figures of a sentence may be of one metric: a per-share amount is never
  /// compared with a total ("net income rose 7% to €1.5 billion; EPS of €1.74"). Other metric
  /// words bound to a figure are too loose to part a change from its base: in "1.50 billion
  /// revenue passenger miles from 1.35 billion" the two are bound to "revenue" and "passenger".
  func sameMetric(_ lhs: Int, _ rhs: Int, _ sentence: SentenceFigures) -> Bool {
    guard let left = sentence.globalIndex[lhs].flatMap({ figures[$0].metric }),
      let right = sentence.globalIndex[rhs].flatMap({ figures[$0].metric })
    else { return true }
    return ProseWords.isPerShare(left) == ProseWords.isPerShare(right)
  }

  /// Words before "to" that make it no "to A" of a change's new figure.
  static let notToVerbs: Set<String> = [
    "compared", "comparing", "equivalent", "relative", "due", "according", "thanks", "owing",
    "attributable", "close",
  ]

  /// Whether the token at `position` is a figure read as a change, or to be read as one.
  func isChange(at position: Int, in sentence: SentenceFigures) -> Bool {
    guard let found = sentence.figure(at: position) else { return false }
    // A change read later in the sentence ("..., up 12% from $171") bounds this one too.
    return sentence.isRelation[found] || changeDirection(of: found, in: sentence) != nil
  }

  /// The previous sentence's subject figure when a pronoun is the subject of the change at
  /// `position`: "It jumped 35.8% from ...", "That was up 7% from ...", "On a year-on-year
  /// basis, it rose 5% from ...". The pronoun starts the sentence or follows a comma, and only
  /// words stand between it and the change.
  func pronounSubject(before position: Int, in sentence: SentenceFigures) -> Int? {
    guard let lastSubject else { return nil }
    let tokens = sentence.tokens
    for start in max(0, position - 4)..<position {
      guard let word = tokens[start].word, Self.pronouns.contains(word),
        start == 0 || tokens[start - 1].isMark(",")
      else { continue }
      // "It said profit jumped 35.8%" is about profit, not what "it" stands for.
      guard
        tokens[(start + 1)..<position].allSatisfy({ token in
          guard let word = token.word else { return false }
          return ProseWords.metrics[word] == nil && !Self.listEnders.contains(word)
            || ["was", "were", "is", "are"].contains(word)
        })
      else { return nil }
      return lastSubject
    }
    return nil
  }

  static let pronouns: Set<String> = ["it", "this", "that", "they"]

  /// Words that start a clause of its own, with a subject of its own.
  static let clauseStarts: Set<String> = ["while", "whereas", "but", "although", "though"]

  /// The nearest level before a change: the figure the change is about ("revenue of $56 million,
  /// up 7%").
  func nearestLevel(
    before position: Int, comparableWith base: Int?, in sentence: SentenceFigures,
    stated: Quantity
  ) -> Int? {
    var cursor = position - 1
    while cursor >= 0 {
      // "..., while non-operating expenses increased by 6.2%": another clause's figure is not it.
      if let word = sentence.word(at: cursor), Self.clauseStarts.contains(word) { return nil }
      if sentence.tokens[cursor].isMark(";") { return nil }
      if let found = sentence.figure(at: cursor), !sentence.isRelation[found],
        !sentence.isUsed.contains(found), sentence.globalIndex[found] != nil
      {
        let unit = sentence.figures[found].quantity.unit
        let fits =
          base.map { Self.fits(sentence.figures[$0].quantity.unit, unit) }
          ?? (stated.unit == .percentagePoints ? unit == .percent : unit != .percent)
        if fits { return found }
      }
      cursor -= 1
    }
    return nil
  }

  // MARK: - Compositions: "of which", "including", "made up of", "a, b and c, or t for the year"

  mutating func readCompositions(_ sentence: inout SentenceFigures) {
    let tokens = sentence.tokens
    for (position, token) in tokens.enumerated() {
      guard let word = token.word else { continue }
      var isPartial = true
      var introducer = position
      switch word {
      case "which" where sentence.word(at: position - 1) == "of":
        introducer = position - 1
      case "including", "includes", "included":
        break
      case "made" where sentence.word(at: position + 1) == "up":
        isPartial = false
      case "consisting", "comprising", "split", "divided", "broken":
        isPartial = false
      case "or", "total", "totalling", "totaling", "combined":
        readListTotal(&sentence, at: position)
        continue
      case "accounted", "account", "accounts", "accounting":
        readAccountedParts(&sentence, at: position)
        continue
      default:
        continue
      }
      if let total = levelBefore(introducer, within: 12, in: sentence) {
        if isPartial, let global = sentence.globalIndex[total],
          let metric = figures[global].metric, ProseWords.isNet(metric)
        {
          continue
        }
        let (parts, isCut) = levels(
          after: position, like: total, in: sentence,
          until: asideEnd(after: sentence.positions[total], before: introducer, in: sentence))
        // A complete list cut short by a figure it cannot take ("..., up 5%, and ...") is no
        // longer complete: not a claim.
        guard parts.count >= (isPartial ? 1 : 2), isPartial || !isCut else { continue }
        appendComposition(total: total, parts: parts, isPartial: isPartial, sentence)
      } else if !isPartial {
        readEarlierTotal(&sentence, introducer: introducer, listStart: position)
      }
    }
  }

  /// "Revenue was made up of £372 million from shops and £81 million from partners": the total
  /// is the latest figure of the metric the sentence names before "made up of".
  mutating func readEarlierTotal(
    _ sentence: inout SentenceFigures, introducer: Int, listStart: Int
  ) {
    let names = sentence.tokens[..<introducer].compactMap { $0.word }
      .compactMap { ProseWords.metrics[$0] }
    let tokens = sentence.tokens
    guard let metric = names.last,
      let first = tokens[(listStart + 1)...].lazy.compactMap(\.figure).first,
      isLevel(first, sentence)
    else { return }
    let reference = figure(first, sentence)
    guard let total = latest(metrics: [metric], period: reference.key.period, like: reference)
    else {
      recordRivals(for: reference.location, kind: .composition, stated: "the parts of \(metric)")
      return
    }
    var parts: [Int] = []
    for cursor in (listStart + 1)..<sentence.tokens.count {
      guard let found = sentence.figure(at: cursor), !sentence.isRelation[found],
        sentence.globalIndex[found] != nil,
        Self.fits(sentence.figures[found].quantity.unit, total.quantity.unit)
      else { continue }
      parts.append(found)
    }
    guard parts.count >= 2 else { return }
    appendParts(parts, of: total, isPartial: false, sentence)
  }

  /// Appends a composition of `total`, written elsewhere, and the sentence's `parts`, in the
  /// total's unit: "2.9 million of the passengers" counts what the total counts.
  mutating func appendParts(
    _ parts: [Int], of total: Figure, isPartial: Bool, _ sentence: SentenceFigures
  ) {
    for part in parts {
      if let global = sentence.globalIndex[part] { figures[global].role = .part }
    }
    claims.append(
      .composition(
        total: total,
        parts: parts.map { local in
          var part = Self.adopting(figure(local, sentence).bound(.frame), unitOf: total)
          if case .count(nil) = part.quantity.unit, case .count = total.quantity.unit {
            part.quantity.unit = total.quantity.unit
          }
          return part
        },
        negated: parts.map { _ in false }, isPartial: isPartial))
  }

  /// "Domestic routes accounted for 2.9 million of the passengers and international routes for
  /// 2.46 million": parts of the whole the article gave for that metric, which together must not
  /// exceed it.
  mutating func readAccountedParts(_ sentence: inout SentenceFigures, at position: Int) {
    guard sentence.word(at: position + 1) == "for", let first = sentence.figure(at: position + 2),
      isLevel(first, sentence), !sentence.isRelation[first], sentence.globalIndex[first] != nil,
      sentence.word(at: position + 3) == "of"
    else { return }
    var cursor = position + 4
    if sentence.word(at: cursor) == "the" || sentence.word(at: cursor) == "its" { cursor += 1 }
    guard let name = sentence.word(at: cursor), let metric = ProseWords.metrics[name] else {
      return
    }
    let reference = figure(first, sentence)
    // The whole was written before this sentence.
    let sentenceStart = sentence.globalIndex.compactMap { $0 }.first
    guard
      let whole = latest(metrics: [metric], period: reference.key.period, before: sentenceStart),
      whole.location != reference.location,
      Self.fits(whole.quantity.unit, reference.quantity.unit)
        || (reference.quantity.unit == .count(nil) && whole.quantity.unit.isCountOfSomething)
    else { return }
    // The other parts: "and international routes for 2.46 million".
    var parts = [first]
    cursor += 1
    while cursor + 1 < sentence.tokens.count {
      if sentence.tokens[cursor].isMark(";")
        || sentence.word(at: cursor).map(Self.clauseStarts.contains) == true
      {
        break
      }
      if sentence.word(at: cursor) == "for", let part = sentence.figure(at: cursor + 1),
        isLevel(part, sentence), !sentence.isRelation[part], sentence.globalIndex[part] != nil,
        Self.fits(sentence.figures[part].quantity.unit, sentence.figures[first].quantity.unit)
      {
        parts.append(part)
        cursor += 2
        continue
      }
      cursor += 1
    }
    guard parts.count >= 2 else { return }
    appendParts(parts, of: whole, isPartial: true, sentence)
  }

  /// "a, b, c and d, or t for the year", "for a total of t", "totalling t".
  mutating func readListTotal(_ sentence: inout SentenceFigures, at position: Int) {
    var next = position + 1
    while let word = sentence.word(at: next), ["a", "of", "the", "an"].contains(word) { next += 1 }
    guard let total = sentence.figure(at: next), !sentence.isRelation[total],
      sentence.globalIndex[total] != nil, isLevel(total, sentence)
    else { return }
    // The list: figures of the total's unit just before, joined by commas and "and".
    var parts: [Int] = []
    var cursor = position - 1
    while cursor >= 0 {
      let token = sentence.tokens[cursor]
      if let found = token.figure {
        guard !sentence.isRelation[found], sentence.globalIndex[found] != nil,
          Self.fits(sentence.figures[found].quantity.unit, sentence.figures[total].quantity.unit)
        else { break }
        parts.insert(found, at: 0)
      } else if !(token.isMark(",") || token.word == "and" || token.word == "for"
        || token.word == "a")
      {
        if parts.isEmpty, position - cursor <= 3 {
          cursor -= 1
          continue
        }
        break
      }
      cursor -= 1
    }
    guard parts.count >= 2 else { return }
    appendComposition(total: total, parts: parts, isPartial: false, sentence)
  }

  mutating func appendComposition(
    total: Int, parts: [Int], isPartial: Bool, _ sentence: SentenceFigures
  ) {
    let totalFigure = figure(total, sentence).bound(.frame)
    for part in parts {
      if let global = sentence.globalIndex[part] { figures[global].role = .part }
    }
    claims.append(
      .composition(
        total: totalFigure,
        parts: parts.map { Self.adopting(figure($0, sentence).bound(.frame), unitOf: totalFigure) },
        negated: parts.map { _ in false }, isPartial: isPartial))
    lastTotal = sentence.globalIndex[total]
  }

  /// The level figure at most `within` tokens before `position`.
  func levelBefore(_ position: Int, within: Int, in sentence: SentenceFigures) -> Int? {
    var cursor = position - 1
    while cursor >= 0, position - cursor <= within {
      if let found = sentence.figure(at: cursor) {
        return !sentence.isRelation[found] && isLevel(found, sentence) ? found : nil
      }
      cursor -= 1
    }
    return nil
  }

  /// Where an aside ends when the list's introducer is inside one: "$536,342 (including
  /// constructions in progress of $4,046) and $556,713" and "($12.2 million of which related to
  /// ...)" list only what is in the parentheses. The end of the sentence otherwise.
  func asideEnd(after start: Int, before introducer: Int, in sentence: SentenceFigures) -> Int {
    let tokens = sentence.tokens
    // The aside may open before the total: "($12.2 million of which related to ...)".
    guard let open = tokens[..<introducer].lastIndex(where: { $0.isMark("(") }),
      open >= max(0, start - 1),
      !tokens[open..<introducer].contains(where: { $0.isMark(")") })
    else { return tokens.count }
    return tokens[introducer...].firstIndex(where: { $0.isMark(")") }) ?? tokens.count
  }

  /// The level figures after `position` in the total's unit, up to `end` (the end of the
  /// sentence unless told). A list ends at a semicolon, at a verb or a clause of its own ("...,
  /// and orders were €22.6 billion"), or after eight tokens with no part: it never runs on
  /// through the sentence. It is cut at a figure it cannot take.
  func levels(
    after position: Int, like total: Int, in sentence: SentenceFigures, until end: Int? = nil
  ) -> (parts: [Int], isCut: Bool) {
    let unit = sentence.figures[total].quantity.unit
    var found: [Int] = []
    var last = position
    for cursor in (position + 1)..<(end ?? sentence.tokens.count) {
      if cursor - last > 8 || sentence.tokens[cursor].isMark(";") { break }
      // "..., and orders were": a metric word and its verb start a clause; "348.6 million were
      // smartphone users" is a part's own verb.
      if let word = sentence.word(at: cursor),
        Self.clauseStarts.contains(word)
          || Self.listEnders.contains(word)
            && sentence.word(at: cursor - 1).map { ProseWords.metrics[$0] != nil } == true
      {
        break
      }
      guard let figure = sentence.figure(at: cursor) else { continue }
      guard !sentence.isRelation[figure], sentence.globalIndex[figure] != nil,
        Self.fits(sentence.figures[figure].quantity.unit, unit),
        sentence.word(at: cursor - 1) != "from", sentence.word(at: cursor - 1) != "than"
      else { return (found, true) }
      found.append(figure)
      last = cursor
    }
    return (found, false)
  }

  /// Verbs that start a clause of their own after a list of parts.
  static let listEnders: Set<String> = [
    "was", "were", "is", "are", "has", "had", "have", "will", "would", "said", "says",
  ]

  // MARK: - Shares: "made up 40% of sales", "an operating margin of 12.2% on revenue of $3.3bn"

  /// "a third of group revenue", "half of sales": a fraction word stated as a share.
  mutating func readFractionShares(_ sentence: inout SentenceFigures) {
    for (position, token) in sentence.tokens.enumerated() {
      guard let word = token.word, let fraction = ProseWords.fractions[word],
        sentence.word(at: position + 1) == "of",
        !Self.periodWords.contains(sentence.word(at: position - 1) ?? ""),
        let part = partBefore(position, in: sentence)
      else { continue }
      let article = sentence.word(at: position - 1)
      let start =
        article == "a" || article == "one" || article == "about" || article == "nearly"
        ? sentence.tokens[position - 1].range.lowerBound : token.range.lowerBound
      let range = start..<token.range.upperBound
      // A fraction word is a rough share: "a third" fits about 30% to 36%.
      let quantity = Quantity(
        value: fraction.value, unit: .percent, precision: 3, hedge: .about,
        text: String(text[range]))
      var stated = Figure(
        key: figure(part, sentence).key, quantity: quantity, location: locate(range))
      stated.isFromArticle = true
      guard let whole = wholeOf(after: position + 1, part: part, in: sentence) else {
        recordRivals(of: stated)
        continue
      }
      var extracted = ExtractedFigure(
        figure: stated, entity: nil, metric: nil, period: nil, segment: nil, noun: nil,
        role: .relation)
      extracted.textRange = range
      figures.append(extracted)
      if let global = sentence.globalIndex[part] { figures[global].role = .part }
      claims.append(.share(part: figure(part, sentence), whole: whole, stated: stated))
    }
  }

  /// Words that make "quarter" or "half" a period: "the second quarter of 2014", "first half".
  static let periodWords: Set<String> = [
    "the", "first", "second", "third", "fourth", "last", "this", "next", "previous", "prior",
    "same", "latest", "fiscal", "calendar", "each", "every", "that", "current", "final",
    "year-ago", "year-earlier", "march", "june", "september", "december",
  ]

  mutating func readShares(_ sentence: inout SentenceFigures) {
    readFractionShares(&sentence)
    for local in sentence.figures.indices where sentence.globalIndex[local] != nil {
      guard !sentence.isRelation[local], sentence.figures[local].quantity.unit == .percent else {
        continue
      }
      let position = sentence.positions[local]
      if let margin = marginName(around: position, in: sentence) {
        readMargin(&sentence, stated: local, margin: margin)
      } else if sentence.word(at: position + 1) == "of" {
        readShareOf(&sentence, stated: local)
      }
    }
  }

  /// "operating margin of 12.2%", "a 12.2% operating margin", "margin was 12.2%".
  func marginName(around position: Int, in sentence: SentenceFigures) -> String? {
    for cursor in [position - 1, position - 2, position - 3, position + 1, position + 2] {
      guard sentence.word(at: cursor) == "margin" else { continue }
      if cursor < position,
        sentence.tokens[(cursor + 1)..<position].contains(where: { $0.figure != nil })
      {
        continue
      }
      var name = "margin"
      var previous = cursor - 1
      // "EBITDA (earnings before interest, tax, ...) margin": past the aside.
      if previous >= 0, sentence.tokens[previous].isMark(")"),
        let open = sentence.tokens[..<previous].lastIndex(where: { $0.isMark("(") })
      {
        previous = open - 1
      }
      while let word = sentence.word(at: previous),
        [
          "operating", "net", "gross", "profit", "ebitda",
          "adjusted",
        ].contains(word)
      {
        name = word + " " + name
        previous -= 1
      }
      return name
    }
    return nil
  }

  mutating func readMargin(_ sentence: inout SentenceFigures, stated: Int, margin: String) {
    let partMetrics = ProseWords.marginParts[margin] ?? []
    guard !partMetrics.isEmpty else { return }
    let position = sentence.positions[stated]
    // The whole: "on revenue of $3.3 billion", else the revenue the article last gave.
    var whole: Figure?
    if let found = figureAfter("of", from: position + 1, in: sentence),
      sentence.positions[found] > position, isLevel(found, sentence)
    {
      whole = figure(found, sentence).bound(.frame)
    } else {
      whole = latest(metrics: ["revenue", "sales"], period: figure(stated, sentence).key.period)
    }
    let statedFigure = figure(stated, sentence)
    guard let whole,
      let part = latest(metrics: partMetrics, period: whole.key.period, like: whole)
    else {
      recordRivals(of: statedFigure)
      return
    }
    sentence.isRelation[stated] = true
    claims.append(.share(part: part, whole: whole, stated: statedFigure))
  }

  /// "40% of sales", "40% of total revenue of $3.3 billion", "40% of the total".
  mutating func readShareOf(_ sentence: inout SentenceFigures, stated: Int) {
    let position = sentence.positions[stated]
    guard let part = partBefore(position, in: sentence) ?? partAfterOr(position, in: sentence)
    else { return }
    let partFigure = figure(part, sentence)
    let statedFigure = figure(stated, sentence)
    let whole = wholeOf(after: position + 1, part: part, in: sentence)
    if whole == nil { recordRivals(of: statedFigure) }
    guard let whole, whole.location != partFigure.location,
      whole.quantity.unit.isComparable(with: partFigure.quantity.unit)
    else { return }
    sentence.isRelation[stated] = true
    if let global = sentence.globalIndex[part] { figures[global].role = .part }
    claims.append(.share(part: partFigure, whole: whole, stated: statedFigure))
  }

  /// The whole after "of": a figure in the clause ("of total revenue of $3.3 billion"), the last
  /// total ("of the total"), or the latest figure of the metric named ("of group revenue").
  mutating func wholeOf(after of: Int, part: Int, in sentence: SentenceFigures) -> Figure? {
    rivals = []
    let partFigure = figure(part, sentence)
    var cursor = of + 1
    var metricWords: [String] = []
    while cursor < sentence.tokens.count, cursor - of <= 5 {
      let token = sentence.tokens[cursor]
      if let found = token.figure {
        if isLevel(found, sentence), !sentence.isRelation[found] {
          return figure(found, sentence).bound(.frame)
        }
        break
      }
      // "18.7 percent of net sales from $382.3 million": the base after "from" is no whole.
      guard let word = token.word, !Self.clauseWords.contains(word) else { break }
      metricWords.append(word)
      cursor += 1
    }
    if metricWords.contains("total"), let lastTotal {
      return figures[lastTotal].figure.bound(.metric)
    }
    let names = metricWords.compactMap { ProseWords.metrics[$0] }
    guard !names.isEmpty else { return nil }
    // The named whole was written before the share, never in the clause after it.
    let later = (cursor..<sentence.tokens.count).lazy.compactMap { sentence.figure(at: $0) }
      .compactMap { sentence.globalIndex[$0] }.first
    return latest(metrics: names, period: partFigure.key.period, like: partFigure, before: later)
  }

  /// Words that end the name of a share's whole: what follows them is another clause's figure.
  static let clauseWords: Set<String> = [
    "from", "compared", "against", "versus", "vs", "than", "over", "to", "in", "for", "during",
    "at", "and", "or", "as", "while", "when", "with", "up", "down", "after", "before",
  ]

  /// "made up 42% of shipments, or 11.2 million units": the amount after ", or".
  func partAfterOr(_ position: Int, in sentence: SentenceFigures) -> Int? {
    var cursor = position + 1
    while cursor + 2 < sentence.tokens.count {
      if sentence.tokens[cursor].isMark(","), sentence.word(at: cursor + 1) == "or",
        let found = sentence.figure(at: cursor + 2), isLevel(found, sentence)
      {
        return found
      }
      if sentence.tokens[cursor].figure != nil { return nil }
      cursor += 1
    }
    return nil
  }

  /// The amount a share is of: the nearest level before it in the sentence.
  func partBefore(_ position: Int, in sentence: SentenceFigures) -> Int? {
    var cursor = position - 1
    while cursor >= 0 {
      if let found = sentence.figure(at: cursor), isLevel(found, sentence),
        !sentence.isRelation[found]
      {
        return found
      }
      cursor -= 1
    }
    return nil
  }

  /// The latest figure bound to one of `metrics`, of `period` (of any period only when the period
  /// is unknown), in `like`'s unit, among the figures before the index `end` when it is given.
  /// Figures named by the metric itself come before those of a narrower one ("revenue" before
  /// "china revenue"). When the article gives that metric and period more than once with values
  /// that disagree, there is no telling which is meant: nil, with the candidates in `rivals`.
  mutating func latest(
    metrics: [String], period: Period, like reference: Figure? = nil, before end: Int? = nil
  ) -> Figure? {
    rivals = []
    var fallback: Figure?
    var inPeriod: [ExtractedFigure] = []
    // Past the first match, rivals are looked for among the next few dozen figures only.
    var budget = 40
    for extracted in figures[..<(end ?? figures.endIndex)].reversed() {
      if !inPeriod.isEmpty {
        budget -= 1
        if budget == 0 { break }
      }
      // The cheap tests first: comparing metric phrases splits them into words.
      // A change's base is another period's figure, whatever period its words gave it.
      guard let metric = extracted.metric, extracted.role != .relation, extracted.role != .base
      else { continue }
      if let reference {
        guard Self.fits(extracted.figure.quantity.unit, reference.quantity.unit),
          extracted.figure.location != reference.location
        else { continue }
      } else {
        switch extracted.figure.quantity.unit {
        case .count, .currency: break
        default: continue
        }
      }
      guard metrics.contains(where: { ProseWords.sameMetric(metric, $0) }) else { continue }
      if extracted.period == period {
        inPeriod.append(extracted)
        if inPeriod.count == 3 { break }
      } else if fallback == nil {
        fallback = extracted.figure.bound(.inferred)
      }
    }
    let exact = inPeriod.filter { $0.metric.map(metrics.contains) == true }
    let pool = (exact.isEmpty ? inPeriod : exact).map(\.figure)
    // Another period's figure is no whole or part of this one's ("representing 70.0% and 74.5%
    // of revenues, respectively"); only an article with no periods falls back on one.
    guard let chosen = pool.first else { return period.isKnown ? nil : fallback }
    let disagreeing = pool.dropFirst().filter {
      !$0.quantity.range(.lenient).overlaps(chosen.quantity.range(.lenient))
    }
    guard disagreeing.isEmpty else {
      rivals = [chosen] + disagreeing
      return nil
    }
    return chosen.bound(.metric)
  }

  /// Records that the share stated as `stated` was not checked because `rivals` hold more than
  /// one figure of its whole's metric and period.
  mutating func recordRivals(of stated: Figure) {
    recordRivals(for: stated.location, kind: .share, stated: stated.quantity.text)
  }

  /// Records that the claim stated at `location` was not checked because `rivals` hold more
  /// than one figure of its metric and period.
  mutating func recordRivals(for location: SourceLocation, kind: Claim.Kind, stated: String) {
    guard let first = rivals.first else { return }
    let listed = rivals.prefix(3).map {
      "\($0.quantity.text) at \($0.location.line):\($0.location.column)"
    }.joined(separator: ", ")
    let what = first.key.metric.isEmpty ? "figure" : first.key.metric
    let when = first.key.period.isKnown ? " for \(first.key.period)" : ""
    unread.append(
      UnreadClaim(
        location: location, kind: kind,
        message: "could not check \(stated): the article gives more than one \(what)\(when) "
          + "(\(listed))"))
    rivals = []
  }

}

extension QuantityUnit {
  /// Whether the unit counts a named thing: "4.96 million passengers".
  var isCountOfSomething: Bool {
    if case .count(let noun) = self { return noun != nil }
    return false
  }
}
