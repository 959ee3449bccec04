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
      if sentence.word(at: position + 1) == "to", let found = sentence.figure(at: position + 2) {
        // "dropped to 2.42 per cent from 3.15 per cent", "to 0.84 per cent (0.94 per cent)"
        current = found
        base = baseAfter(position + 2, in: sentence)
      } else if word == "up" || word == "down", sentence.word(at: position + 1) == "from",
        let found = sentence.figure(at: position + 2)
      {
        // "18.4% of revenue, up from 18.9%", "738 mln, revised down from 742 mln"
        base = found
        current = nearestFigure(before: position, in: sentence)
      }
      // "738 mln, revised down from 742 mln": the base of one change may be the new figure of
      // the next, so only "to A" must not be taken already.
      guard let current, let base, current != base, sentence.globalIndex[current] != nil,
        sentence.globalIndex[base] != nil, !sentence.isUsed.contains(base),
        word == "up" || word == "down" || !sentence.isUsed.contains(current)
      else { continue }
      let new = figure(current, sentence)
      let old = Self.adopting(figure(base, sentence), unitOf: new)
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
    }
  }

  /// The figure a direction compares with, after the new one at `position`: "from 3.15 per
  /// cent", "compared to 3.15 per cent", "against 738 mln", "(0.94 per cent)".
  func baseAfter(_ position: Int, in sentence: SentenceFigures) -> Int? {
    var cursor = position + 1
    if sentence.tokens.indices.contains(cursor), sentence.tokens[cursor].isMark("("),
      let found = sentence.figure(at: cursor + 1),
      sentence.tokens.indices.contains(cursor + 2), sentence.tokens[cursor + 2].isMark(")")
    {
      return found
    }
    // The words between: "in the quarter", at most a few.
    while cursor < sentence.tokens.count, cursor - position <= 6 {
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
      cursor += 1
    }
    return nil
  }

  /// The nearest figure of any unit before `position`, a few tokens back: "18.4% of revenue, up
  /// from". Unlike `levelBefore(_:within:in:)`, a percent or a stated share counts.
  func nearestFigure(before position: Int, in sentence: SentenceFigures) -> Int? {
    var cursor = position - 1
    while cursor >= 0, position - cursor <= 6 {
      if let found = sentence.figure(at: cursor) { return found }
      cursor -= 1
    }
    return nil
  }
}
