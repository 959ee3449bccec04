import FactlintModel

/// The figures of one sentence, with their tokens and what each is used as.
struct SentenceFigures {
  /// The sentence's tokens.
  var tokens: [Token]
  /// The figures found, by local index.
  var figures: [ProseFigure]
  /// The token position of each figure.
  var positions: [Int]
  /// The article-wide index of each figure; nil for a number that turned out to be a year, a
  /// date or part of a name.
  var globalIndex: [Int?]
  /// Figures that state a change, a rate or a share rather than a level.
  var isRelation: [Bool]
  /// Figures already related by a change, so a later change in the sentence does not take them.
  var isUsed: Set<Int> = []

  /// The local index of the figure at token `position`, if any.
  func figure(at position: Int) -> Int? {
    position >= 0 && position < tokens.count ? tokens[position].figure : nil
  }

  /// The word at token `position`, if any.
  func word(at position: Int) -> String? {
    position >= 0 && position < tokens.count ? tokens[position].word : nil
  }
}

/// What an extraction has read so far: figures, claims and the context later sentences use.
package struct ExtractionState {
  let text: String
  let path: String
  let date: SimpleDate?
  let aliases: Aliases
  let locate: (Range<String.Index>) -> SourceLocation
  var mainEntity: String?
  var figures: [ExtractedFigure] = []
  var claims: [Claim] = []
  var rates: [ExchangeRate] = []
  /// The period the text last named, for sentences that name none.
  var lastPeriod: Period?
  /// The entity the text last named.
  var lastEntity: String?
  /// The unit of the last amount written with a scale word and a unit or a noun ("567 mln
  /// dlrs", "1.8 million vehicles"), for amounts that give only the scale word.
  var lastScaledUnit: QuantityUnit?
  /// The total of the last composition, for "of the total".
  var lastTotal: Int?
  /// The figure the last sentence was about: the new figure of its first change, else its first
  /// level; a pronoun in the next sentence may stand for it.
  var lastSubject: Int?
  /// Figures of one metric and period that disagree, left by the last `latest` that gave up.
  var rivals: [Figure] = []
  /// Claims read but not checkable, for `--show-unverified`.
  var unread: [UnreadClaim] = []
  /// The last run of consecutive figures on one line: `figures[start..<end]`, all on `line`.
  var sameLine: (line: Int, start: Int, end: Int) = (-1, 0, 0)
  /// The currency "Rs", "rupees" and "paise" name here: the Indian rupee unless the article is
  /// about Pakistan, Sri Lanka or Nepal, whose rupees are written the same way.
  lazy var rupee: String = Self.rupee(in: text)

  static func rupee(in text: String) -> String {
    let lower = text.lowercased()
    let places: [(String, [String])] = [
      ("PKR", ["pakistan", "karachi", "lahore", "islamabad", "psx"]),
      ("LKR", ["sri lanka", "colombo"]), ("NPR", ["nepal", "kathmandu"]),
    ]
    for (code, names) in places where names.contains(where: lower.contains) {
      return code
    }
    return "INR"
  }

  /// The currency that "dlrs" and "dollars" with no country name mean here: the US dollar, unless
  /// the article names exactly one other dollar ("H.K. dlrs", "NZ$", "Australian dollars") and
  /// never the US one, or is wire copy datelined in a city of another dollar ("WELLINGTON,
  /// March 3 -").
  lazy var dollar: String = Self.dollar(in: text)

  static func dollar(in text: String) -> String {
    let lower = text.lowercased()
    let american = ["us$", "u.s. dlr", "u.s. dollar", "us dollar", "american dollar", "us dlr"]
    guard !american.contains(where: lower.contains) else { return "USD" }
    let named: [(String, [String])] = [
      ("HKD", ["h.k. dlr", "hk$", "hong kong dollar", "hk dollar", "hk dlr"]),
      ("NZD", ["n.z. dlr", "nz$", "new zealand dollar", "nz dollar", "n.z. dollar"]),
      ("AUD", ["australian dlr", "a$", "australian dollar", "au$"]),
      ("CAD", ["canadian dlr", "c$", "canadian dollar"]),
      ("SGD", ["singapore dollar", "s$", "singapore dlr"]),
      ("TWD", ["taiwan dollar", "nt$", "taiwan dlr"]),
    ]
    let found = named.filter { $0.1.contains(where: lower.contains) }.map(\.0)
    if found.count == 1 { return found[0] }
    guard found.isEmpty else { return "USD" }
    let datelines: [(String, [String])] = [
      ("NZD", ["WELLINGTON", "AUCKLAND"]),
      ("AUD", ["SYDNEY", "MELBOURNE", "CANBERRA", "PERTH", "BRISBANE"]),
      ("HKD", ["HONG KONG"]), ("SGD", ["SINGAPORE"]), ("CAD", ["TORONTO", "OTTAWA", "MONTREAL"]),
      ("TWD", ["TAIPEI"]),
    ]
    for line in text.split(separator: "\n").prefix(4) {
      guard let dash = line.range(of: " - ") else { continue }
      let head = line[..<dash.lowerBound].uppercased()
      for (code, cities) in datelines where cities.contains(where: { head.hasPrefix($0 + ",") }) {
        return code
      }
    }
    return "USD"
  }

  /// Conversions waiting for a rate stated later in the article.
  var pendingConversions: [(claim: Int, from: String, to: String)] = []

  init(
    text: String, path: String, date: SimpleDate?, aliases: Aliases,
    locate: @escaping (Range<String.Index>) -> SourceLocation
  ) {
    self.text = text
    self.path = path
    self.date = date
    self.aliases = aliases
    self.locate = locate
  }

  // MARK: - Reading a sentence

  mutating func read(_ sentence: Range<String.Index>) {
    var local: [ProseFigure] = []
    var tokens = demoteNonFigures(
      ProseScanner.tokens(of: sentence, in: text, figures: &local), local)
    joinRangesFrom(&tokens, &local)
    let mentions = PeriodPhrases.mentions(in: tokens, date: date)
    var positions = [Int](repeating: 0, count: local.count)
    for (position, token) in tokens.enumerated() {
      if let index = token.figure { positions[index] = position }
    }
    for index in local.indices { localizeCurrency(&local[index].quantity) }
    inheritElidedUnits(&local, tokens: tokens, positions: positions)
    inheritListedPercent(&local, tokens: tokens, positions: positions)
    inheritArticleCurrency(&local, tokens: tokens, positions: positions)
    var sentenceFigures = SentenceFigures(
      tokens: tokens, figures: local, positions: positions, globalIndex: [],
      isRelation: [Bool](repeating: false, count: local.count))
    let sentenceEntity = entity(in: tokens)
    let estimateWords = tokens.indices.filter {
      tokens[$0].word.map(Self.estimateWords.contains) ?? false
    }
    // A name or a qualifier before a figure, or after it in its clause, qualifies it.
    let firstQualifier = firstQualifier(in: tokens)
    for index in local.indices {
      guard tokens[positions[index]].figure == index else {
        sentenceFigures.globalIndex.append(nil)
        continue
      }
      sentenceFigures.globalIndex.append(figures.count)
      var figure = bind(
        local[index], at: positions[index], in: sentenceFigures, mentions: mentions,
        entity: sentenceEntity)
      if !estimateWords.isEmpty {
        figure.isEstimate = Self.isEstimate(at: positions[index], in: tokens, words: estimateWords)
      }
      if let firstQualifier {
        figure.isQualified = firstQualifier < Self.clauseEnd(after: positions[index], in: tokens)
      }
      figure.isLoss =
        figure.isLoss
        || ((positions[index] - 4)..<positions[index]).contains {
          $0 >= 0 && tokens[$0].word.map(Self.lossWords.contains) == true
        }
      figures.append(figure)
    }
    if let own = mentions.first(where: { $0.period != nil && $0.base == nil && !$0.isCompared })?
      .period
    {
      lastPeriod = own
    }
    if let sentenceEntity { lastEntity = sentenceEntity }
    let ratesBefore = rates.count
    let claimsBefore = claims.count
    readRates(&sentenceFigures)
    readConversions(&sentenceFigures)
    readConversionsAtRates(&sentenceFigures, from: ratesBefore)
    readChanges(&sentenceFigures, mentions: mentions)
    readDirections(&sentenceFigures)
    readChangeAmounts(&sentenceFigures)
    readCompositions(&sentenceFigures)
    readShares(&sentenceFigures)
    // Relation figures (rates, changes, shares) are not levels to match by key.
    for (index, isRelation) in sentenceFigures.isRelation.enumerated() where isRelation {
      if let global = sentenceFigures.globalIndex[index] {
        figures[global].metric = nil
        figures[global].role = .relation
      }
    }
    for global in sentenceFigures.globalIndex.compactMap({ $0 }) {
      readRestatement(of: global)
    }
    let changed = claims[claimsBefore...].lazy.compactMap { claim -> SourceLocation? in
      guard case .change(let current, _, _) = claim else { return nil }
      return current.location
    }.first
    let own = sentenceFigures.globalIndex.compactMap { $0 }
    lastSubject =
      own.first { figures[$0].figure.location == changed }
      ?? own.first { figures[$0].role == .level && figures[$0].figure.quantity.unit != .percent }
  }

  /// A level written again: the first earlier figure of the same entity, metric, segment and
  /// unit, in a period that does not contradict it, whose value is close enough (within a factor
  /// of two, or the same digits at another scale) that the text means the same figure.
  mutating func readRestatement(of index: Int) {
    let current = figures[index]
    // Figures on the current line are never its restatement; those just before it are skipped
    // without a look, so that a paragraph on one line is not compared figure by figure.
    let firstOnLine = firstOfRun(onLineOf: index)
    // An article that names no entity is about one: figures without one are its figures.
    guard current.role == .level, let metric = current.metric else { return }
    // The cheap tests first: comparing metric phrases splits them into words. Of the earlier
    // figures it may restate, one it agrees with is the one it restates; else the first.
    // A table's cells are bound by their rows and columns, not restated in prose.
    guard !current.isTableCell else { return }
    // Of a huge article, only the first figures are compared, so that the work per figure is
    // bounded: no article a person writes holds more.
    let candidates = figures[..<min(firstOnLine, Self.restatementScanLimit)].lazy.filter { other in
      other.role == .level && !other.isTableCell && other.entity == current.entity
        && other.segment == current.segment
        && other.figure.location.line != current.figure.location.line
        && other.figure.quantity.unit.isComparable(with: current.figure.quantity.unit)
        // A period read from the text against one inferred must overlap it: "GAAP EPS $0.60"
        // in a 2014-Q2 highlight is not the "$0.65 in the second quarter of 2013" of the body.
        && (other.period == current.period
          || !other.periodIsExplicit && !current.periodIsExplicit
          || (other.periodIsExplicit != current.periodIsExplicit
            && (other.period.flatMap { mine in current.period.map { Self.mayBe(mine, $0) } }
              ?? true)))
        && other.metric.map { ProseWords.sameMetric($0, metric) } == true
    }
    // One pass: the first candidate, and the first that agrees.
    let value = current.figure.quantity.value.magnitude
    let range = current.figure.quantity.range(.rounded)
    var first: ExtractedFigure?
    var agreeing: ExtractedFigure?
    // A few candidates are enough: the figure written again is seldom far back among them.
    var seen = 0
    for candidate in candidates {
      seen += 1
      if seen > 8 { break }
      if first == nil { first = candidate }
      let other = candidate.figure.quantity.value.magnitude
      if other <= value * 2, value <= other * 2,
        candidate.figure.quantity.range(.rounded).overlaps(range)
      {
        agreeing = candidate
        break
      }
    }
    // One that agrees is the same figure written again ("over 466,000" and "466,140"); one that
    // does not must look like a slip of it to be read as one.
    guard let earlier = agreeing ?? first,
      agreeing != nil || Self.mayBeTheSame(earlier.figure.quantity, current.figure.quantity)
    else { return }
    // Two figures tied by the periods their sentences give are tied by key; a period taken
    // from the article's date or an earlier sentence is an inference.
    let binding: Binding =
      earlier.periodIsExplicit && current.periodIsExplicit ? .key : .inferred
    claims.append(
      .restatement(first: earlier.figure.bound(binding), second: current.figure.bound(binding)))
  }

  /// The first of the consecutive figures before `index` on its line, through `sameLine` so that
  /// a line of many figures is walked once.
  mutating func firstOfRun(onLineOf index: Int) -> Int {
    let line = figures[index].figure.location.line
    var start = index
    while start > 0 && figures[start - 1].figure.location.line == line {
      if sameLine.line == line && sameLine.end == start {
        start = sameLine.start
        break
      }
      start -= 1
    }
    sameLine = (line, start, index + 1)
    return start
  }

  /// How many of an article's first figures a later one is compared with as its restatement.
  static let restatementScanLimit = 2_000

  /// Whether two written values are plausibly one figure written twice: within a factor of two
  /// and alike as a slip of the keyboard makes them (digits swapped, one left out or added),
  /// or the same digits a thousand or a million times apart (a slipped scale word). Figures that
  /// differ more are taken to be different figures the binding could not tell apart.
  package static func mayBeTheSame(_ lhs: Quantity, _ rhs: Quantity) -> Bool {
    let (small, large) =
      lhs.value.magnitude <= rhs.value.magnitude
      ? (lhs.value.magnitude, rhs.value.magnitude) : (rhs.value.magnitude, lhs.value.magnitude)
    guard !small.isZero else { return false }
    if small.significand == large.significand { return (large.exponent - small.exponent) % 3 == 0 }
    guard large <= small * 2 else { return false }
    // The digits as written: "$0.60" and "$0.65" differ in one digit, not by one left out.
    let left = Array((lhs.value.magnitude == small ? lhs : rhs).writtenDigits)
    let right = Array((lhs.value.magnitude == small ? rhs : lhs).writtenDigits)
    // Digits swapped or one left out; one digit changed ("3.8" and "5.8") is as often another
    // figure of the same metric (a segment, a period) as a slip, so it is not read as one.
    if left.sorted() == right.sorted() { return true }
    return left.count != right.count && Suggestion.editDistance(String(left), String(right)) <= 1
  }

  /// Whether an inferred period and a stated one may be the same: one within the other, a
  /// fiscal year read as the calendar year of its name when the article's date gave it.
  static func mayBe(_ lhs: Period, _ rhs: Period) -> Bool {
    var left = lhs
    var right = rhs
    left.isFiscal = false
    right.isFiscal = false
    return left.overlaps(right)
  }

  /// Words before a number whose unit the writer left out because the figure it is compared
  /// with just gave it: "narrowed to 567 mln dlrs from 738 mln", "3.92 billion from 1.79",
  /// "rose 0.2 pct from a revised 0.1".
  static let elisionWords: Set<String> = [
    "from", "against", "versus", "vs", "than", "revised", "and", "or",
  ]

  /// Gives a bare number after a comparison word the unit (and the scale word, when it has none)
  /// of the figure it is compared with just before it in the sentence, when the two are alike in
  /// size: "567 mln dlrs from 738 mln", "rose 9.5 pct from a revised 10.1", "a decline of 0.2",
  /// "compared with December's 1.5 pct".
  func inheritElidedUnits(_ figures: inout [ProseFigure], tokens: [Token], positions: [Int]) {
    for index in figures.indices where index > 0 {
      let quantity = figures[index].quantity
      let position = positions[index]
      guard quantity.unit == .count(nil), figures[index].noun == nil,
        quantity.rangeHigh == nil, tokens[position].figure == index,
        Self.isElided(at: position, tokens: tokens)
      else { continue }
      // The nearest earlier figure in the sentence: a bare one says the number is bare too.
      guard
        let model = (0..<index).reversed().first(where: { tokens[positions[$0]].figure == $0 }),
        figures[model].noun == nil
      else { continue }
      let modelQuantity = figures[model].quantity
      var inherited = quantity
      switch modelQuantity.unit {
      case .currency:
        guard quantity.scaleWord != nil || modelQuantity.scaleWord != nil else { continue }
      case .percent, .percentagePoints:
        guard quantity.scaleWord == nil, modelQuantity.scaleWord == nil else { continue }
      case .count(nil):
        // "2.883 billion ... and 2.454 a year earlier": only the scale word is left out.
        guard quantity.scaleWord == nil, modelQuantity.scaleWord != nil else { continue }
      default: continue
      }
      if quantity.scaleWord == nil { inherited.takeScale(of: modelQuantity) }
      // Alike in size: within a factor of ten.
      let small = min(inherited.value.magnitude, modelQuantity.value.magnitude)
      let large = max(inherited.value.magnitude, modelQuantity.value.magnitude)
      guard !small.isZero || large.isZero, large <= small * 10 else { continue }
      inherited.unit = modelQuantity.unit
      figures[index].quantity = inherited
    }
  }

  /// Gives a bare number the percent unit of the figure after it when the two are listed with
  /// the unit written once: "year-on-year growth was 32.5 and 32.6 pct, respectively".
  func inheritListedPercent(_ figures: inout [ProseFigure], tokens: [Token], positions: [Int]) {
    for index in figures.indices.dropLast() {
      let quantity = figures[index].quantity
      let position = positions[index]
      guard quantity.unit == .count(nil), quantity.scaleWord == nil, figures[index].noun == nil,
        quantity.rangeHigh == nil, tokens[position].figure == index,
        position + 2 < tokens.count, ["and", "or"].contains(tokens[position + 1].word ?? ""),
        let next = tokens[position + 2].figure
      else { continue }
      let model = figures[next].quantity
      guard model.unit == .percent || model.unit == .percentagePoints, model.scaleWord == nil,
        model.rangeHigh == nil
      else { continue }
      let small = min(quantity.value.magnitude, model.value.magnitude)
      let large = max(quantity.value.magnitude, model.value.magnitude)
      guard !small.isZero, large <= small * 10 else { continue }
      figures[index].quantity.unit = model.unit
    }
  }

  /// Whether the words before the token at `position` introduce a figure compared with one just
  /// given: "from", "against", "than", "revised"; "a decline of"; "December's", "the previous
  /// quarter's".
  static func isElided(at position: Int, tokens: [Token]) -> Bool {
    guard position > 0, let previous = tokens[position - 1].word else { return false }
    if elisionWords.contains(previous) { return true }
    if previous == "of", position > 1, let change = tokens[position - 2].word {
      return ProseWords.direction(change) != nil
    }
    for suffix in ["'s", "’s"] where previous.hasSuffix(suffix) {
      let stem = String(previous.dropLast(2))
      return PeriodPhrases.months[stem] != nil || ["year", "quarter", "month"].contains(stem)
    }
    return false
  }

  /// Gives an amount written with only a scale word ("2.61 billion", "611 mln") the currency a
  /// reader gives it: that of the scaled amount before it in the sentence, or, when the sentence
  /// is about money ("imports were 2.655 billion"), that of the last scaled amount in the article,
  /// as wire copy names the currency once ("567 mln dlrs") and then leaves it out. A count
  /// metric in between ("subscribers reached 1.2 billion"), an amount with a noun ("1.8 million
  /// vehicles") or another unit ends the carry; a conversion in parentheses does not.
  mutating func inheritArticleCurrency(
    _ figures: inout [ProseFigure], tokens: [Token], positions: [Int]
  ) {
    var previous: (position: Int, unit: QuantityUnit)?
    for index in figures.indices where tokens[positions[index]].figure == index {
      let quantity = figures[index].quantity
      let position = positions[index]
      // "14 million euros ($18.5 million) ... a loss of 13.7 million": a conversion in
      // parentheses does not change the currency the writer is using.
      if previous != nil, tokens[position - 1].isMark("(") { continue }
      defer { previous = (position, figures[index].quantity.unit) }
      guard quantity.scaleWord != nil else { continue }
      if figures[index].noun != nil {
        lastScaledUnit = .count(figures[index].noun)
        continue
      }
      if quantity.unit != .count(nil) {
        lastScaledUnit = quantity.unit
        continue
      }
      guard quantity.rangeHigh == nil else { continue }
      let metric = Self.metricWord(in: tokens, before: position, after: previous?.position ?? -1)
      if let previous, case .currency = previous.unit {
        guard metric.map(ProseWords.moneyMetrics.contains) ?? true else { continue }
        figures[index].quantity.unit = previous.unit
      } else if case .currency(let code) = lastScaledUnit,
        metric.map(ProseWords.moneyMetrics.contains) == true
      {
        figures[index].quantity.unit = .currency(code)
      }
    }
  }

  /// The nearest metric word ("imports", "subscribers") before `position` and after `start`.
  static func metricWord(in tokens: [Token], before position: Int, after start: Int) -> String? {
    var cursor = position - 1
    while cursor > start {
      if let word = tokens[cursor].word,
        ProseWords.metrics[word] != nil || ProseWords.moneyMetrics.contains(word)
      {
        return word
      }
      cursor -= 1
    }
    return nil
  }

  /// Words before "from" that make "from X to Y" a range rather than a change.
  static let rangeVerbs: Set<String> = [
    "ranging", "ranged", "range", "ranges", "varying", "varied",
  ]

  /// Joins "ranging from 35,000 yuan (US$4,840) to 45,000 yuan" into one range figure from its
  /// first to its last amount; an aside in parentheses after the low end stays a figure of its
  /// own. Plain "from X to Y" is a change, read elsewhere.
  func joinRangesFrom(_ tokens: inout [Token], _ figures: inout [ProseFigure]) {
    for position in tokens.indices where position >= 2 {
      guard let low = tokens[position].figure, tokens[position - 1].word == "from",
        let verb = tokens[position - 2].word, Self.rangeVerbs.contains(verb)
      else { continue }
      var cursor = position + 1
      if cursor < tokens.count, tokens[cursor].isMark("(") {
        guard let close = tokens[cursor...].prefix(12).firstIndex(where: { $0.isMark(")") })
        else { continue }
        cursor = close + 1
      }
      guard cursor + 1 < tokens.count, tokens[cursor].word == "to",
        let high = tokens[cursor + 1].figure,
        let range = QuantityParser.range(
          from: figures[low].quantity, to: figures[high].quantity,
          text: String(text[figures[low].range.lowerBound..<figures[high].range.upperBound]))
      else { continue }
      figures[low].quantity = range
      figures[low].range = figures[low].range.lowerBound..<figures[high].range.upperBound
      figures[low].noun = figures[high].noun
      tokens[cursor + 1].kind = .word(figures[high].quantity.text.lowercased())
    }
  }

  /// Numbers that are years, days of the month, times, or parts of names become words.
  func demoteNonFigures(_ tokens: [Token], _ figures: [ProseFigure]) -> [Token] {
    var result = tokens
    /// The word before `position`, past the period of an abbreviation ("Sept. 20").
    func wordBefore(_ position: Int) -> String? {
      var cursor = position - 1
      if cursor >= 0, tokens[cursor].isMark(".") { cursor -= 1 }
      return cursor >= 0 ? tokens[cursor].word : nil
    }
    /// Whether a "-" joins the tokens at `position` and `position + 2` with no space around it.
    func hyphenJoins(_ position: Int) -> Bool {
      position + 2 < tokens.count && tokens[position + 1].isMark("-")
        && tokens[position].range.upperBound == tokens[position + 1].range.lowerBound
        && tokens[position + 1].range.upperBound == tokens[position + 2].range.lowerBound
    }
    for (position, token) in tokens.enumerated() {
      guard let index = token.figure else { continue }
      let quantity = figures[index].quantity
      let raw = String(text[token.range])
      let previous = position > 0 ? tokens[position - 1] : nil
      let next = position + 1 < tokens.count ? tokens[position + 1] : nil
      do {
        let plainCount =
          quantity.unit == .count(nil) && quantity.scaleWord == nil && quantity.rangeHigh == nil
        // "an increase over 2005" is a period; "52-week high" and "10-year bond" are
        // adjectives; "1,7045.22" has broken grouping, and no figure starts after its comma.
        let year =
          plainCount && quantity.hedge != nil && quantity.isWrittenInFull
          && figures[index].noun.map(Self.isUncounted) ?? true
          && PeriodPhrases.year(quantity.value.description) != nil
        // "between 2019 and 2021", "2019-2021" are periods.
        let years =
          quantity.unit == .count(nil) && quantity.scaleWord == nil
          && quantity.rangeHigh.map {
            PeriodPhrases.year($0.description) != nil
              && PeriodPhrases.year(quantity.value.description) != nil
          } == true
        let compound =
          plainCount && next?.isMark("-") == true
          && next?.range.lowerBound == token.range.upperBound
          && next.map { $0.range.upperBound < text.endIndex && text[$0.range.upperBound].isLetter }
            == true
        let brokenGrouping =
          previous?.isMark(",") == true && previous?.range.upperBound == token.range.lowerBound
          && previous.map {
            $0.range.lowerBound > text.startIndex
              && text[text.index(before: $0.range.lowerBound)].isNumber
          } == true
        // "52 weeks ago" is a time.
        let ago =
          plainCount
          && Self.timeUnits.contains(next?.word ?? "")
          && ["ago", "earlier"].contains(
            position + 2 < tokens.count ? tokens[position + 2].word ?? "" : "")
        if year || years || compound || brokenGrouping || ago {
          result[position].kind = .word(raw)
          continue
        }
      }
      // Numbers joined by a hyphen that is no range ("2019-20", a score of "3-1"), and days of the
      // month ("Sept. 20-24") are not figures.
      if raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2D })
        || quantity.rangeHigh != nil
          && raw.unicodeScalars.allSatisfy({
            $0.properties.numericType != nil || $0 == "-" || $0 == "\u{2013}"
          })
      {
        let joined =
          hyphenJoins(position) && tokens[position + 2].figure != nil
          || position >= 2 && hyphenJoins(position - 2) && tokens[position - 2].figure != nil
        let dayRange =
          quantity.rangeHigh != nil && quantity.value <= 31
          && wordBefore(position).flatMap({ PeriodPhrases.months[$0] }) != nil
        if joined || dayRange {
          result[position].kind = .word(raw)
          continue
        }
      }
      guard quantity.hedge == nil, quantity.scaleWord == nil, quantity.isWrittenInFull,
        case .count = quantity.unit, !quantity.value.isNegative
      else { continue }
      let digitsOnly = raw.allSatisfy(\.isNumber)
      var demote = false
      // A year-like number is a year unless it counts something ("2000 employees").
      if digitsOnly, PeriodPhrases.year(raw) != nil,
        figures[index].noun.map(Self.isUncounted) ?? true
          || yearIntroducers.contains(previous?.word ?? "")
      {
        demote = true
      } else if digitsOnly, raw.count <= 2,
        wordBefore(position).flatMap({ PeriodPhrases.months[$0] })
          != nil || next?.word.flatMap({ PeriodPhrases.months[$0] }) != nil
      {
        demote = true  // "June 3", "Oct. 31", "3 June"
      } else if digitsOnly, raw.count <= 2, let previous, let next,
        previous.isMark("(") && next.isMark(")") || previous.isMark("[") && next.isMark("]"),
        previous.range.upperBound == token.range.lowerBound,
        next.range.lowerBound == token.range.upperBound,
        isFootnotePlace(opening: position - 1, closing: position + 1, in: tokens)
      {
        demote = true  // a footnote marker: "constant currency(1)", "EPS $0.72 (2)", "[3]"
      } else if let previous, case .mark(let mark) = previous.kind, mark == "-" || mark == "#",
        mark == "#" && previous.range.upperBound == token.range.lowerBound
          || previous.range.lowerBound > text.startIndex
            && text[text.index(before: previous.range.lowerBound)].isLetter
      {
        demote = true  // "COVID-19", "footnote #2", "No.#3"
      } else if digitsOnly, raw.count <= 2, let word = next?.word,
        Self.clockWords.contains(word)
      {
        demote = true  // "11 a.m."
      } else if let next, next.isMark(":"), next.range.upperBound < text.endIndex,
        text[next.range.upperBound].isNumber
      {
        demote = true  // "10:30"
      } else if let previous, previous.isMark(":"), previous.range.lowerBound > text.startIndex,
        text[text.index(before: previous.range.lowerBound)].isNumber
      {
        demote = true  // the "30" of "10:30"
      } else if digitsOnly, raw.count <= 3, let previous,
        let word = previous.word, text[previous.range].contains(where: \.isUppercase),
        position > 1 || ProseWords.metrics[word] == nil && ProseWords.direction(word) == nil
      {
        demote = true  // "Xiaomi 14", "iPhone 15"
      } else if digitsOnly, raw.count <= 3, let word = previous?.word,
        Self.referenceWords.contains(word)
      {
        demote = true  // "see note 10", "page 4", "Tier 1"
      } else if digitsOnly, raw.count <= 2, position == 0, let next, next.word != nil,
        text[next.range].first?.isUppercase == true,
        token.range.lowerBound == text.startIndex
          || text[text.index(before: token.range.lowerBound)].isNewline
      {
        demote = true  // a footnote's marker at the start of its line: "2 Total pay includes"
      } else if digitsOnly, raw.count <= 3, position >= 2, let word = previous?.word,
        word == "and" || word == "or" || word == "to",
        let label = result[position - 2].word, tokens[position - 2].figure != nil,
        label.utf8.count <= 3, label.allSatisfy(\.isNumber)
      {
        demote = true  // the "2" of "Scope 1 and 2", after a label's number left out above
      }
      if demote { result[position].kind = .word(raw) }
    }
    return result
  }

  /// Whether a small number in brackets is a footnote marker rather than a table's negative
  /// ("(99)" in a cell, "(66)%"): it follows a word or figure in running text, not the start of
  /// a cell or sentence, and no unit follows it.
  func isFootnotePlace(opening: Int, closing: Int, in tokens: [Token]) -> Bool {
    if closing + 1 < tokens.count, tokens[closing + 1].isMark("%") { return false }
    guard opening > 0 else { return false }
    let before = tokens[opening - 1]
    if case .mark(let mark) = before.kind, mark == ";" || mark == "|" { return false }
    return true
  }

  /// Words that make a sentence's figures estimates, forecasts, targets or superseded values
  /// rather than statements of what a key's value is.
  static let estimateWords = WordFilter([
    "expect", "expects", "expected", "expecting", "expectation", "expectations", "forecast",
    "forecasts", "forecasted", "estimate", "estimates", "estimated", "consensus", "guidance",
    "guided", "outlook", "target", "targets", "targeted", "projected", "projection",
    "projections", "projects", "anticipate", "anticipates", "anticipated", "predicted",
    "predicts", "will", "would", "could", "might", "should", "aims",
    "analysts", "analyst", "polled", "previously", "originally", "initially", "restated",
    "revised", "preliminary", "if", "proposed", "budget", "budgeted",
  ])

  /// Whether the figure at `position` is an estimate: an estimate word comes before it with no
  /// word of contrast between ("analysts had expected revenue of $2.9 billion", but not "...
  /// expected $2.9 billion, but it reported $3.0 billion"), or after it in its clause with no
  /// word of comparison between ("the $2.65 billion analysts had expected", but not "$2.73
  /// billion, beating estimates").
  static func isEstimate(at position: Int, in tokens: [Token], words: [Int]) -> Bool {
    let end = clauseEnd(after: position, in: tokens)
    return words.contains { word in
      let between = word < position ? (word + 1)..<position : (position + 1)..<word
      let stops = word < position ? contrastWords : estimateComparisons
      guard word < position || word < end else { return false }
      return !between.contains { position in
        switch tokens[position].kind {
        case .word(let word): return stops.contains(word)
        case .mark(let mark): return stops.contains(String(mark))
        default: return false
        }
      }
    }
  }

  /// Words after an estimate word that turn to the figure stated against it.
  static let contrastWords: Set<String> = [
    "but", "however", "instead", "while", "whereas", "yet", "actually", ";",
  ]

  /// Words between a figure and an estimate word that compare the two.
  static let estimateComparisons: Set<String> = [
    "beat", "beating", "beats", "topped", "topping", "above", "below", "missed", "missing",
    "misses", "exceeded", "exceeding", "ahead", "short", "versus", "vs", "against", "compared",
    "than", "surpassed", "surpassing", "trailed", "lagged",
  ]

  /// Where a figure's clause ends: at the first comma, semicolon, colon or parenthesis after
  /// it, or a word that starts another clause ("while", "but", "as").
  static func clauseEnd(after position: Int, in tokens: [Token]) -> Int {
    var cursor = position + 1
    while cursor < tokens.count {
      switch tokens[cursor].kind {
      case .mark(let mark) where [",", ";", ":", "(", "—", "–"].contains(mark): return cursor
      case .word(let word) where clauseStartWords.contains(word): return cursor
      default: cursor += 1
      }
    }
    return cursor
  }

  /// Words that start a clause of their own.
  static let clauseStartWords: Set<String> = [
    "while", "whereas", "but", "as", "although", "though", "which", "after", "before", "when",
  ]

  /// The position of the first word of a sentence that names another company or a place than
  /// the article's entity, or qualifies a figure as a part or another measure of the key: see
  /// `ExtractedFigure.isQualified`. Nil when there is none.
  func firstQualifier(in tokens: [Token]) -> Int? {
    let bytes = text.utf8
    var inKnownName = false
    // A dateline names the wire and the city, not the figures' company: "AUSTIN, Texas, Oct 28
    // (Ledger Wire) - Kestrel Systems said".
    let dashes: Set<Character> = ["-", "–", "—"]
    let dateline = tokens.prefix(16).firstIndex { token in
      if case .mark(let mark) = token.kind { return dashes.contains(mark) }
      return false
    }.flatMap { dash in
      tokens[..<dash].contains { $0.isMark(")") } ? dash + 1 : nil
    }
    for (position, token) in tokens.enumerated() where position >= (dateline ?? 0) {
      guard let word = token.word else {
        inKnownName = false
        continue
      }
      if Self.qualifierWords.contains(word) { return position }
      // "revenue from subscriptions", "income from continuing operations", but not "from $2.4
      // billion" or "from a year earlier".
      if word.utf8.count == 4, word == "from", position + 1 < tokens.count,
        let next = tokens[position + 1].word,
        !Self.fromFollowers.contains(next), PeriodPhrases.months[next] == nil,
        Self.isMetricWord(next) || position + 2 >= tokens.count
          || tokens[position + 2].figure == nil
      {
        return position
      }
      let first = bytes[token.range.lowerBound]
      guard first >= 0x41 && first <= 0x5A else {
        inKnownName = false
        continue
      }
      // The word in lower case, as tokens hold it, without a possessive's "'s".
      var lower = word
      if lower.hasSuffix("'s") || lower.hasSuffix("\u{2019}s") { lower.removeLast(2) }
      // "the Omaha-based company" describes the company.
      if lower.hasSuffix("-based") || lower.hasSuffix("-headquartered") { continue }
      if lower == mainEntity
        || !aliases.entities.isEmpty && aliases.entityName(String(text[token.range])) != nil
      {
        inKnownName = true
        continue
      }
      // The rest of a known name: "Kestrel Systems".
      if inKnownName { continue }
      if Extractor.commonCapitalised.contains(lower) || PeriodPhrases.months[lower] != nil
        || Self.isMetricWord(lower) || PeriodPhrases.quarterWord(lower) != nil
        || PeriodPhrases.fiscalYear(lower) != nil || Self.otherCapitalised.contains(lower)
      {
        continue
      }
      // A capitalised first word is a name only if a name or a verb follows: "Heron Foods
      // said", "Heron said", but not "Quarterly revenue".
      if position == 0 {
        guard position + 1 < tokens.count, let next = tokens[position + 1].word else { continue }
        let nextFirst = bytes[tokens[position + 1].range.lowerBound]
        guard nextFirst >= 0x41 && nextFirst <= 0x5A || Extractor.isVerb(next) else { continue }
      }
      return position
    }
    return nil
  }

  /// Whether a word names a metric ("revenue", "orders").
  static func isMetricWord(_ word: String) -> Bool {
    ProseWords.metrics[word] != nil || ProseWords.metrics[ProseWords.singular(word)] != nil
  }

  /// Words that make a sentence's figures a part of the key or another measure of it.
  static let qualifierWords = WordFilter([
    "excluding", "excluded", "exclude", "excludes", "ex-items", "unit", "division", "divisions",
    "segment", "segments", "business", "businesses", "arm", "subsidiary", "subsidiaries",
    "constant", "constant-currency", "currency", "currency-neutral", "organic", "organically",
    "adjusted", "underlying",
    "comparable", "like-for-like", "pro", "forma", "non-gaap", "rival", "rivals", "competitor",
    "competitors", "peer", "peers", "combined", "region", "regional", "domestic",
    "international", "overseas", "brand", "brands", "store", "franchise", "continuing",
    "discontinued",
  ])

  /// Words after "from" that start a base or a period rather than a source of the figure.
  static let fromFollowers: Set<String> = [
    "a", "an", "the", "last", "its", "their", "his", "her", "previous", "prior", "same", "year",
    "quarter", "month", "levels", "level", "about", "around", "nearly", "almost", "more", "less",
    "over", "under", "just", "roughly", "approximately", "some", "only", "earlier", "late",
    "early", "mid", "fiscal", "this", "that", "one", "two", "three", "four", "five", "q1", "q2",
    "q3", "q4", "h1", "h2", "fy", "record", "revised", "restated", "what", "minus", "plus",
  ]

  /// Capitalised words of business prose that name no company or place.
  static let otherCapitalised: Set<String> = [
    "gaap", "ifrs", "ebit", "eps", "roe", "roa", "capex", "opex", "ebitda", "yoy", "qoq", "chief",
    "president", "chairman", "chairwoman", "director", "board", "officer", "financial",
    "revenue", "sales", "profit", "income", "quarterly", "annual", "half", "full-year",
    "third-quarter", "second-quarter", "first-quarter", "fourth-quarter", "year-on-year",
    "compared", "including", "excluding", "adjusted", "reported", "results", "group",
  ]

  /// Words before a figure that make it the size of a loss.
  static let lossWords: Set<String> = [
    "loss", "losses", "lost", "lose", "loses", "deficit", "deficits", "shortfall", "outflow",
    "outflows",
  ]

  /// Words that a number labels rather than counts: "see note 10", "page 4", "Tier 1 capital".
  static let referenceWords: Set<String> = [
    "note", "notes", "page", "pages", "section", "chapter", "item", "items", "exhibit",
    "appendix", "paragraph", "schedule", "tier", "pillar", "phase", "stage", "level",
  ]

  /// Units of time that "ago" follows: "52 weeks ago".
  static let timeUnits: Set<String> = [
    "day", "days", "week", "weeks", "month", "months", "year", "years", "quarter", "quarters",
  ]

  /// Words after the hour of a time: "11 a.m.".
  static let clockWords: Set<String> = ["a.m", "p.m", "am", "pm", "gmt", "bst", "edt", "est"]

  /// Whether a noun after a year-like number is no thing it counts: "2013 revenue", "2005
  /// non-GAAP net income", where "2,000 employees" counts employees.
  static func isUncounted(_ noun: String) -> Bool {
    let head = noun.split(separator: " ").last.map(String.init) ?? noun
    return ProseWords.metrics[head] == nil || ProseWords.genericMetrics.contains(head)
      || uncountedNouns.contains(head)
  }

  /// Metric nouns a year may stand before that it cannot count: "2013 revenue guidance".
  static let uncountedNouns: Set<String> = [
    "guidance", "results", "outlook", "dividend", "dividends", "forecast", "target", "budget",
    "spending", "production", "output", "volume", "volumes", "capex", "debt", "cash", "price",
  ]

  /// Words before a year that make it a period even when a noun follows ("in 2023 revenue").
  let yearIntroducers: Set<String> = [
    "in", "of", "since", "for", "fiscal", "during", "from", "to", "until", "by", "between", "and",
    "year", "early", "late", "mid", "the", "full-year", "through", "before", "after",
  ]

  // MARK: - Binding

  /// The entity a sentence names: a capitalised name the data or the article knows.
  func entity(in tokens: [Token]) -> String? {
    for token in tokens {
      guard let word = token.word else { continue }
      let written = text[token.range]
      guard written.first?.isUppercase == true else { continue }
      if let known = aliases.entityName(String(written)) { return known }
      if word == mainEntity { return word }
    }
    return nil
  }

  func bind(
    _ figure: ProseFigure, at position: Int, in sentence: SentenceFigures,
    mentions: [PeriodMention], entity: String?
  ) -> ExtractedFigure {
    var (metric, segment) = metric(of: figure, at: position, in: sentence)
    // "Heron Foods' operating income" is operating income: a possessive names its owner.
    if let phrase = metric, phrase.utf8.contains(where: { $0 == 0x27 || $0 == 0xE2 }) {
      let words = phrase.split(separator: " ")
      if let owner = words.lastIndex(where: {
        $0.hasSuffix("'") || $0.hasSuffix("'s") || $0.hasSuffix("\u{2019}")
          || $0.hasSuffix("\u{2019}s")
      }), owner + 1 < words.count {
        metric = words[(owner + 1)...].joined(separator: " ")
      }
    }
    // "Net loss for the quarter ... was $45 million": the size of a loss.
    let namesLoss =
      metric.map { phrase in
        phrase.hasSuffix("loss") || phrase.hasSuffix("losses") || phrase.hasPrefix("loss ")
          || phrase.hasSuffix("deficit") || phrase.hasPrefix("losses ")
      } ?? false
    if let phrase = metric, let named = aliases.metricName(phrase, noun: figure.noun) {
      metric = named
    }
    let own = period(at: position, mentions: mentions, tokens: sentence.tokens)
    let period = own ?? lastPeriod ?? date.map { Period(year: $0.year) }
    let entityName = entity ?? lastEntity ?? mainEntity
    let key = FigureKey(
      entity: entityName ?? "", metric: metric ?? "", period: period ?? .unknown,
      segment: segment)
    var quantity = figure.quantity
    if let noun = figure.noun, case .count(nil) = quantity.unit { quantity.unit = .count(noun) }
    var bound = Figure(key: key, quantity: quantity, location: locate(figure.range))
    bound.isFromArticle = true
    bound.binding = .sentence
    var extracted = ExtractedFigure(
      figure: bound, entity: entityName, metric: metric, period: period, segment: segment,
      noun: figure.noun, periodIsExplicit: own != nil)
    extracted.periodIsFromDate = own == nil && lastPeriod == nil && period != nil
    extracted.isLoss = namesLoss
    extracted.textRange = figure.range
    return extracted
  }

  /// Gives "Rs" and bare "dlrs" the rupee and the dollar of the article.
  mutating func localizeCurrency(_ quantity: inout Quantity) {
    if case .currency("INR") = quantity.unit, quantity.text.first != "\u{20B9}",
      !quantity.text.uppercased().contains("INR")
    {
      quantity.unit = .currency(rupee)
    } else if case .currency("USD") = quantity.unit, Self.isBareDollar(quantity.text) {
      quantity.unit = .currency(dollar)
    }
  }

  /// Whether a figure names its dollars by a word with no country: "94 mln dlrs", "15 cts".
  static func isBareDollar(_ text: String) -> Bool {
    // Most dollar figures are written with "$": rule them out before splitting words.
    guard let end = text.utf8.last,
      end | 0x20 == UInt8(ascii: "s") || end | 0x20 == UInt8(ascii: "r")
    else { return false }
    guard let last = text.split(separator: " ").last?.lowercased() else { return false }
    guard ["dlrs", "dlr", "dollars", "dollar", "cts", "cents"].contains(last) else { return false }
    let words = text.lowercased().split(separator: " ")
    return words.count < 2 || !["us", "u.s."].contains(words[words.count - 2])
  }

  /// The sentence's own period nearest the figure, preferring its own clause and then the
  /// period that follows it ("23.16 million smartphones in Q2 2017").
  func period(at position: Int, mentions: [PeriodMention], tokens: [Token]) -> Period? {
    var best: (Period, Int)?
    for mention in mentions where mention.base == nil && !mention.isCompared {
      guard let period = mention.period else { continue }
      let follows = mention.tokens.lowerBound > position
      let between =
        follows ? (position + 1)..<mention.tokens.lowerBound : mention.tokens.upperBound..<position
      // A figure in ", or $0.47 per diluted share," is inside the aside it ends.
      let inAside =
        follows && position >= 2 && tokens[position - 1].word == "or"
        && tokens[position - 2].isMark(",")
      let crossesClause = Self.crossesClause(tokens, between, startingInAside: inAside)
      // "$1.9 million in the first quarter of 2015 compared with $2.0 million": a period before
      // a comparison is the other figure's.
      let crossesComparison =
        !follows
        && tokens[between].contains { $0.word.map(Self.comparisonWords.contains) == true }
      let distance =
        between.count * 2 + (follows ? 0 : 1) + (crossesClause || crossesComparison ? 100 : 0)
      if distance < best?.1 ?? Int.max { best = (period, distance) }
    }
    return best?.0
  }

  /// "eps" with the words before `position` that tell one EPS from another: "adjusted",
  /// "non-GAAP" ("non-GAAP net income" gives "non-gaap eps"; "net" says nothing of EPS).
  static func epsName(qualifiedBy tokens: [Token], before position: Int) -> String {
    var words = ["eps"]
    var cursor = position - 1
    while cursor >= 0, let word = tokens[cursor].word,
      epsQualifiers.contains(word) || word == "net" || word == "operating"
    {
      if epsQualifiers.contains(word) { words.insert(word, at: 0) }
      cursor -= 1
    }
    return words.joined(separator: " ")
  }

  /// Words that tell one EPS from another.
  static let epsQualifiers: Set<String> = [
    "adjusted", "gaap", "non-gaap", "reported", "underlying", "core", "diluted", "basic",
  ]

  /// Whether "per share", "a share", "per diluted share" or "per ordinary share" follows the
  /// figure at `position`.
  static func isPerShare(after position: Int, in sentence: SentenceFigures) -> Bool {
    guard let first = sentence.word(at: position + 1), first == "per" || first == "a" else {
      return false
    }
    var next = position + 2
    if let word = sentence.word(at: next), ["diluted", "basic", "ordinary", "fully"].contains(word)
    {
      next += 1
    }
    return sentence.word(at: next) == "share"
  }

  /// Words that set one figure against another.
  static let comparisonWords: Set<String> = [
    "compared", "comparing", "versus", "vs", "against", "than", "from",
  ]

  /// Whether `range` crosses a clause: a comma or a semicolon, except the commas around the same
  /// figure in other terms (", or $0.47 per diluted share,").
  static func crossesClause(
    _ tokens: [Token], _ range: Range<Int>, startingInAside: Bool = false
  ) -> Bool {
    var inAside = startingInAside
    for index in range {
      let token = tokens[index]
      if token.isMark(";") { return true }
      guard token.isMark(",") else { continue }
      if inAside {
        inAside = false
      } else if index + 2 < tokens.count, tokens[index + 1].word == "or",
        tokens[index + 2].figure != nil
      {
        inAside = true
      } else {
        return true
      }
    }
    return false
  }

  /// The metric a figure measures and the segment it is for: the counted noun, a metric word
  /// before it in its clause ("net profit rose to"), or one right after ("$5bn in revenue").
  func metric(of figure: ProseFigure, at position: Int, in sentence: SentenceFigures) -> (
    String?, String?
  ) {
    if let noun = figure.noun {
      let last = noun.split(separator: " ").last.map(String.init) ?? noun
      let name = ProseWords.metrics[last] ?? ProseWords.singular(last)
      return (name, nil)
    }
    let tokens = sentence.tokens
    // "$0.44 per diluted share", "12 cents a share": earnings per share, whatever came before;
    // "non-GAAP net income of $115 million, or $0.72 per diluted share" is non-GAAP EPS.
    if case .currency = figure.quantity.unit, Self.isPerShare(after: position, in: sentence) {
      var antecedent = position - 1
      if sentence.word(at: antecedent) == "or" { antecedent -= 1 }
      if antecedent >= 0, tokens[antecedent].isMark(",") { antecedent -= 1 }
      guard antecedent < position - 1, sentence.figure(at: antecedent) != nil,
        let head = (max(0, antecedent - 12)..<antecedent).last(where: {
          sentence.word(at: $0).map { ProseWords.metrics[$0] != nil } == true
        })
      else { return ("eps", nil) }
      return (Self.epsName(qualifiedBy: tokens, before: head), nil)
    }
    // "$5 billion in revenue", "RMB 6.4 billion of sales", "the £4.7bn profit".
    var ahead = position + 1
    if let next = sentence.word(at: ahead), next == "in" || next == "of" { ahead += 1 }
    while ahead < tokens.count, ahead - position <= 3, let word = sentence.word(at: ahead) {
      if let metric = ProseWords.metrics[word] {
        return (qualified(metric, before: ahead, in: tokens), nil)
      }
      guard
        ProseWords.metricQualifiers.contains(word) || word.hasSuffix("-half")
          || word.hasSuffix("-year") || word.hasSuffix("-quarter")
      else { break }
      ahead += 1
    }
    var cursor = position - 1
    var segmentWords: [String] = []
    // Twelve tokens back, not counting a period's words: "revenue for the fiscal year ended
    // March 31, 2020, increased by 4.6% to 1,060.0 billion yen".
    var budget = 12
    while cursor >= 0, budget > 0 {
      let token = tokens[cursor]
      if !Self.isPeriodToken(token) { budget -= 1 }
      if let found = token.figure {
        // A change between the metric and its figure ("revenue rose 9% to") does not end it.
        switch sentence.figures[found].quantity.unit {
        case .percent, .percentagePoints, .multiple: break
        default: return (nil, nil)
        }
      }
      if token.isMark(";") || token.isMark("(") { break }
      if let word = token.word {
        if let metric = ProseWords.metrics[word] {
          let name = qualified(metric, before: cursor, in: tokens)
          // "Earnings Per Share" in a title names EPS, no segment of it.
          let segment =
            segmentWords.isEmpty || name == "eps"
            ? nil : segmentWords.reversed().joined(separator: " ")
          return (name, segment)
        }
        if ProseWords.direction(word) != nil {
          // A verb is no part of a segment's name: "Return on Average Equity Increases to".
          segmentWords.removeAll()
        } else if ["from", "in", "at"].contains(word), !segmentWords.isEmpty {
          // Words after "revenue from" name the segment: keep them.
        } else if text[token.range].first?.isUppercase == true, cursor > 0 {
          segmentWords.append(word)
        } else {
          segmentWords.removeAll()
        }
      }
      cursor -= 1
    }
    return (nil, nil)
  }

  /// Whether a token may belong to a period phrase ("for the fiscal year ended March 31, 2020,"),
  /// so that it does not count against the reach of the search for a metric word: its filler
  /// words, months, numbers and commas.
  static func isPeriodToken(_ token: Token) -> Bool {
    guard let word = token.word else { return token.isMark(",") }
    // The words of a period phrase that say no more than when: "for the fiscal year ended".
    switch word {
    case "for", "the", "fiscal", "year", "ended", "ending", "quarter", "half", "months", "of", "in":
      return true
    default:
      guard let first = word.utf8.first else { return false }
      if first >= 0x30 && first <= 0x39 { return word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
      return word.utf8.count >= 3 && PeriodPhrases.months[word] != nil
    }
  }

  /// A metric with the words that sharpen it: "net" + "profit" is "net profit", "customer
  /// management revenue" stays whole so it is not taken for revenue.
  func qualified(_ metric: String, before position: Int, in tokens: [Token]) -> String {
    // "earnings per share" is EPS; "return on average equity" is ROE.
    if metric == "earnings", position + 2 < tokens.count, tokens[position + 1].word == "per",
      tokens[position + 2].word == "share" || tokens[position + 2].word == "diluted"
    {
      return Self.epsName(qualifiedBy: tokens, before: position)
    }
    if metric == "assets" || metric == "equity" {
      var cursor = position - 1
      if cursor >= 0, ["average", "total", "tangible"].contains(tokens[cursor].word ?? "") {
        cursor -= 1
      }
      if cursor >= 1, tokens[cursor].word == "on", tokens[cursor - 1].word == "return" {
        return metric == "assets" ? "roa" : "roe"
      }
    }
    // "costs of revenue" are costs: revenue costs, not revenue.
    if position >= 2, tokens[position - 1].word == "of", let head = tokens[position - 2].word,
      let headMetric = ProseWords.metrics[head], headMetric != metric
    {
      var words = qualified(headMetric, before: position - 2, in: tokens).split(separator: " ")
      words.insert(Substring(metric), at: words.count - 1)
      return words.joined(separator: " ")
    }
    var words = [metric]
    var cursor = position - 1
    while cursor >= 0, words.count < 3, let word = tokens[cursor].word,
      ProseWords.metricQualifiers.contains(word)
        || ProseWords.metrics[word] == nil
          && !ProseScanner.notNouns.contains(word) && !Self.notQualifiers.contains(word)
          && PeriodPhrases.year(word) == nil && PeriodPhrases.fiscalYear(word) == nil
          && ProseWords.direction(word) == nil
          && word.first?.isLetter == true && !word.hasSuffix("ed")
          && !word.hasSuffix("'s") && !word.hasSuffix("\u{2019}s")
    {
      words.insert(word, at: 0)
      cursor -= 1
    }
    return words.joined(separator: " ")
  }

  /// Words before a metric that do not narrow it.
  static let notQualifiers: Set<String> = [
    "reported", "said", "posted", "its", "record", "first-quarter", "second-quarter",
    "third-quarter", "fourth-quarter", "first-half", "second-half", "full-year", "quarter's",
    "year's", "company's", "group's", "firm's", "bank's", "new", "whose", "when", "while", "where",
    "but", "also", "still", "only", "even", "combined", "overall", "higher", "lower", "strong",
    "weak", "record-high", "underlying", "headline", "like-for-like", "comparable", "organic",
  ]

  /// The figure for claims: extracted, bound as far as it goes, found in its sentence.
  func figure(_ local: Int, _ sentence: SentenceFigures) -> Figure {
    figures[sentence.globalIndex[local]!].figure
  }

  /// Whether the local figure's unit is an amount or count (not a rate or a change).
  func isLevel(_ local: Int, _ sentence: SentenceFigures) -> Bool {
    switch sentence.figures[local].quantity.unit {
    // "the 12 months through March" is a span of time, not a level of anything.
    case .count(let noun):
      let next = noun ?? sentence.word(at: sentence.positions[local] + 1) ?? ""
      return !Self.timeUnits.contains(next)
    case .currency: return true
    default: return false
    }
  }
}

extension Figure {
  /// The figure with `binding` as how it was bound to a claim.
  package func bound(_ binding: Binding) -> Figure {
    var copy = self
    copy.binding = binding
    return copy
  }
}
