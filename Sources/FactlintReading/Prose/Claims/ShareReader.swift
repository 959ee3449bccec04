import FactlintModel

/// Shares: "made up 40% of sales", "an operating margin of 12.2% on revenue of $3.3bn".
extension ExtractionState {
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
}
