import FactlintModel

/// Compositions: "of which", "including", "made up of", "a, b and c, or t for the year".
extension ExtractionState {
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
            && sentence.word(at: cursor - 1).map({ ProseWords.metrics[$0] != nil }) == true
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
}

extension QuantityUnit {
  /// Whether the unit counts a named thing: "4.96 million passengers".
  var isCountOfSomething: Bool {
    if case .count(let noun) = self { return noun != nil }
    return false
  }
}
