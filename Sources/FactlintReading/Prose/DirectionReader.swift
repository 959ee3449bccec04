import FactlintModel

/// Changes stated by their direction alone: "the margin dropped to 2.42 per cent from 3.15 per
/// cent", "the deficit narrowed to 567 mln dlrs from 738 mln", "18.4% of revenue, up from
/// 18.9%", "net NPA fell to 0.84 per cent (0.94 per cent)". The direction must agree with the
/// figures; it is checked as a stated change of more than, or less than, zero.
extension ExtractionState {
  /// Words that say a figure went up, and only that: "improved" and "strengthened" are left
  /// out, as a cost ratio improves by falling.
  static let risingWords: Set<String> = [
    "rose", "rise", "rises", "risen", "increased", "increase", "increases", "grew", "grown",
    "climbed", "jumped", "surged", "soared", "gained", "advanced", "up", "higher", "widened",
  ]
  /// Words that say a figure went down, and only that.
  static let fallingWords: Set<String> = [
    "fell", "fallen", "declined", "decreased", "dropped", "dropping", "slid", "slipped", "slumped",
    "plunged", "tumbled", "down", "lower", "narrowed", "shrank", "contracted", "dipped", "eased",
    "reduced",
  ]
  /// Words after the new figure that introduce the one it is compared with.
  static let directionBaseWords: Set<String> = ["from", "against", "versus", "vs"]

  mutating func readDirections(_ sentence: inout SentenceFigures) {
    let tokens = sentence.tokens
    for position in tokens.indices {
      guard let word = tokens[position].word else { continue }
      let rises = Self.risingWords.contains(word)
      guard rises || Self.fallingWords.contains(word) else { continue }
      // A change with a rate ("rose 5% to ...") was read already.
      let nearby = (position + 1)..<min(tokens.count, position + 4)
      if nearby.contains(where: { sentence.figure(at: $0).map { sentence.isRelation[$0] } == true })
      {
        continue
      }
      var current: Int?
      var base: Int?
      // "dropped marginally to 0.84 per cent": an adverb between.
      let next =
        sentence.word(at: position + 1).map { $0.hasSuffix("ly") && $0.count > 3 } == true
        ? position + 2 : position + 1
      if sentence.word(at: next) == "to", let found = sentence.figure(at: next + 1) {
        // "dropped to 2.42 per cent from 3.15 per cent", "to 0.84 per cent (0.94 per cent)"
        current = found
        base = baseAfter(next + 1, in: sentence)
      } else if word == "up" || word == "down", sentence.word(at: position + 1) == "from",
        let found = sentence.figure(at: position + 2)
      {
        // "18.4% of revenue, up from 18.9%", "738 mln, revised down from 742 mln"
        base = found
        current = nearestFigure(before: position, in: sentence)
      } else if word == "higher" || word == "lower", sentence.word(at: position + 1) == "than",
        let found = sentence.figure(at: position + 2)
      {
        // "profit of 150.2 million pounds, higher than 145.5 million pounds a year ago"
        base = found
        current = nearestFigure(before: position, in: sentence)
      } else if word == "higher" || word == "lower",
        position + 2 < tokens.count,
        let of = ((position + 2)..<min(tokens.count, position + 6)).first(where: {
          sentence.word(at: $0) == "of"
        }), let found = sentence.figure(at: of + 1),
        let old = figureInParentheses(at: of + 2, in: sentence)
      {
        // "a lower provision of Rs 375.11 crore (Rs 497.03 crore)"
        current = found
        base = old
      }
      // "738 mln, revised down from 742 mln": the base of one change may be the new figure of
      // the next, so only "to A" must not be taken already.
      guard let current, let base, current != base, sentence.globalIndex[current] != nil,
        sentence.globalIndex[base] != nil, !sentence.isUsed.contains(base),
        word == "up" || word == "down" || !sentence.isUsed.contains(current)
      else { continue }
      // "up from B" leaves the new figure to its place before it in the sentence.
      let new = figure(current, sentence).bound(word == "up" || word == "down" ? .sentence : .frame)
      let old = Self.adopting(figure(base, sentence).bound(.frame), unitOf: new)
      // A loss written as a negative widens as it falls: the direction is left unread.
      guard new.quantity.unit.isComparable(with: old.quantity.unit),
        new.quantity.rangeHigh == nil, old.quantity.rangeHigh == nil,
        !new.quantity.value.isNegative, !old.quantity.value.isNegative
      else { continue }
      let stated = Quantity(
        value: .zero, unit: .percent, precision: ExactDecimal.powerOfTen(-9),
        hedge: rises ? .moreThan : .lessThan, text: word)
      let change = StatedChange(
        base: .explicit(old.key.period), baseText: old.quantity.text, stated: stated,
        location: locate(tokens[position].range))
      claims.append(.change(current: new, base: old, change: change))
      sentence.isUsed.insert(current)
      sentence.isUsed.insert(base)
      // "increased to 118.5 million pounds or 31.31p per share from 115 million pounds or
      // 30.35p per share": the figures after "or" are a second pair.
      // Only amounts per share: "10.1% of sales" after "or" may move against the amounts.
      if let second = figureAfterOr(following: sentence.positions[current], in: sentence),
        let secondBase = figureAfterOr(following: sentence.positions[base], in: sentence),
        !sentence.isUsed.contains(second), !sentence.isUsed.contains(secondBase),
        Self.isPerShare(after: sentence.positions[second], in: sentence),
        Self.isPerShare(after: sentence.positions[secondBase], in: sentence)
      {
        let newSecond = figure(second, sentence).bound(.frame)
        let oldSecond = figure(secondBase, sentence).bound(.frame)
        if newSecond.quantity.unit.isComparable(with: oldSecond.quantity.unit),
          !newSecond.quantity.value.isNegative, !oldSecond.quantity.value.isNegative
        {
          claims.append(
            .change(
              current: newSecond, base: oldSecond,
              change: StatedChange(
                base: .explicit(oldSecond.key.period), baseText: oldSecond.quantity.text,
                stated: stated, location: locate(tokens[position].range))))
          sentence.isUsed.insert(second)
          sentence.isUsed.insert(secondBase)
        }
      }
    }
  }

  /// Marks the amounts a sentence changes by as relations, not levels of their metric: "down
  /// $1.2 million", "gained 48.8 points", "surpassed the prior year period by $12 thousand".
  mutating func readChangeAmounts(_ sentence: inout SentenceFigures) {
    for local in sentence.figures.indices where sentence.globalIndex[local] != nil {
      guard !sentence.isRelation[local], !sentence.isUsed.contains(local), isLevel(local, sentence)
      else { continue }
      let position = sentence.positions[local]
      guard let before = sentence.word(at: position - 1) else { continue }
      // "mortgages made up NOK 561 billion" is a level.
      var isAmount =
        Self.amountVerbs.contains(before)
        && !(["up", "down"].contains(before)
          && sentence.word(at: position - 2).map(Self.phrasalVerbs.contains) == true)
      if before == "by" {
        isAmount = (position - 7..<position - 1).contains { cursor in
          guard let word = sentence.word(at: cursor) else { return false }
          return Self.amountVerbs.contains(word) || Self.outdoing.contains(word)
        }
      }
      guard isAmount else { continue }
      sentence.isRelation[local] = true
    }
  }

  /// Words right before the amount of a change: "rose $5 million", "down $1.2 million".
  static let amountVerbs = risingWords.union(fallingWords).subtracting(["higher", "lower"])

  /// Verbs that "up" or "down" completes without a change: "made up", "broken down".
  static let phrasalVerbs: Set<String> = [
    "made", "make", "makes", "making", "broken", "broke", "break", "breaks", "set", "sets",
    "added", "adds", "add", "adding", "summed", "sums", "built", "builds",
  ]

  /// Verbs whose "by" gives the amount one figure beat another by.
  static let outdoing: Set<String> = [
    "surpassed", "exceeded", "beat", "topped", "outpaced", "missed", "trailed", "lagged",
  ]

  /// The figure a direction compares with, after the new one at `position`: "from 3.15 per
  /// cent", "compared to 3.15 per cent", "against 738 mln", "(0.94 per cent)".
  func baseAfter(_ position: Int, in sentence: SentenceFigures) -> Int? {
    if let found = figureInParentheses(at: position + 1, in: sentence) { return found }
    var cursor = position + 1
    // The words between: "in the quarter", "at the end of the March quarter", at most a few;
    // "or 31.31p per share" is the same figure in other terms.
    while cursor < sentence.tokens.count, cursor - position <= 9 {
      if sentence.figure(at: cursor) != nil, sentence.word(at: cursor - 1) == "or" {
        cursor += 1
        continue
      }
      guard let word = sentence.word(at: cursor) else { return nil }
      var next = cursor + 1
      if Self.directionBaseWords.contains(word)
        || (word == "compared" && ["to", "with"].contains(sentence.word(at: next) ?? ""))
        || (word == "as" && sentence.word(at: next) == "against")
      {
        if word == "compared" || word == "as" { next += 1 }
        while let skipped = sentence.word(at: next), ["a", "the", "revised"].contains(skipped) {
          next += 1
        }
        return sentence.figure(at: next)
      }
      if Self.clauseStarts.contains(word) || word == "and" || word == "to" { return nil }
      cursor += 1
    }
    return nil
  }

  /// The nearest figure of any unit before `position`, a few tokens back: "18.4% of revenue, up
  /// from", "30.9% of income before income taxes, up from". Unlike
  /// `levelBefore(_:within:in:)`, a percent or a stated share counts.
  func nearestFigure(before position: Int, in sentence: SentenceFigures) -> Int? {
    var cursor = position - 1
    while cursor >= 0, position - cursor <= 8 {
      if sentence.tokens[cursor].isMark(";") { return nil }
      if let found = sentence.figure(at: cursor) { return found }
      cursor -= 1
    }
    return nil
  }
}
