import FactlintModel

/// Changes: "up 7% from 52.3 million", "climbed 4.1% to €3.02 billion from €2.9 billion".
extension ExtractionState {
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
}
