import FactlintModel

/// A period named in a sentence: the figure's own period ("in Q2 2017"), or the base a change is
/// measured against ("from the previous quarter", "year-on-year").
struct PeriodMention {
  /// The period the words name, resolved against the article's date.
  var period: Period?
  /// The base the words name, when they are relative to another period.
  var base: BasePeriod?
  /// The tokens that name it.
  var tokens: Range<Int>
  /// Whether a comparing word comes before it ("8.7% over 2Q 2018", "its best since 2022"): the
  /// period of what the figure is compared with, not the figure's own.
  var isCompared = false
}

/// Finds the periods a sentence names.
enum PeriodPhrases {
  static let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4]
  static let months = [
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
  ]
  /// Words before "last year" or "a year earlier" that make it the base of a change.
  static let baseIntroducers: Set<String> = [
    "from", "than", "over", "on", "against", "versus", "vs", "with", "since",
  ]

  /// Words before a period that make it the period of a comparison.
  static let comparingWords: Set<String> = [
    "over", "than", "against", "versus", "vs", "since", "above", "below",
  ]

  /// A quarter written as one word: "2q" (with the year after it), "2q19", "q1fy10", "3qfy18",
  /// "q2fy2019". The quarter, the year if written, and whether the year is fiscal.
  static func quarterWord(_ word: String) -> (quarter: Int, year: Int?, isFiscal: Bool)? {
    // Most words start with another letter: they skip building the bytes.
    guard let lead = word.utf8.first, lead == UInt8(ascii: "q") || (0x31...0x34).contains(lead)
    else { return nil }
    let bytes = Array(word.utf8)
    guard bytes.count >= 2, bytes.count <= 8 else { return nil }
    let q = UInt8(ascii: "q")
    var quarter: Int
    var rest: ArraySlice<UInt8>
    if bytes[0] == q, (0x31...0x34).contains(bytes[1]) {
      quarter = Int(bytes[1] - 0x30)
      rest = bytes[2...]
    } else if (0x31...0x34).contains(bytes[0]), bytes[1] == q {
      quarter = Int(bytes[0] - 0x30)
      rest = bytes[2...]
    } else {
      return nil
    }
    if rest.isEmpty { return bytes[0] == q ? nil : (quarter, nil, false) }
    var isFiscal = false
    if rest.starts(with: Array("fy".utf8)) {
      isFiscal = true
      rest = rest.dropFirst(2)
    }
    guard rest.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let number = Int(String(decoding: rest, as: UTF8.self))
    else { return nil }
    switch rest.count {
    case 2: return (quarter, 2000 + number, isFiscal)
    case 4: return (quarter, number, isFiscal)
    default: return nil
    }
  }

  /// The words a relative period phrase can start with.
  static let relativeStarts: Set<String> = [
    "year-on-year", "year-over-year", "yoy", "annually", "quarter-on-quarter",
    "quarter-over-quarter", "sequentially", "sequential", "qoq", "month-on-month",
    "month-over-month", "year", "a", "previous", "prior", "preceding", "same", "last", "this",
  ]

  /// The ordinal a word starts with: "second" and "second-quarter" give 2.
  static func ordinal(_ word: String) -> Int? {
    // Most words start with another letter than the ordinals do, and skip the lookup.
    guard let first = word.utf8.first,
      first == UInt8(ascii: "f") || first == UInt8(ascii: "s")
        || first == UInt8(ascii: "t")
    else { return nil }
    guard let dash = word.firstIndex(of: "-") else { return ordinals[word] }
    return ordinals[String(word[..<dash])]
  }

  /// A year written as a word token: 1900 to 2100.
  static func year(_ word: String) -> Int? {
    guard word.utf8.count == 4, let first = word.utf8.first,
      first == UInt8(ascii: "1") || first == UInt8(ascii: "2"),
      let year = Int(word), (1900...2100).contains(year)
    else { return nil }
    return year
  }

  /// `FY2024`, `FY24`.
  static func fiscalYear(_ word: String) -> Int? {
    guard word.hasPrefix("fy") else { return nil }
    let digits = word.dropFirst(2)
    guard let number = Int(digits) else { return nil }
    if digits.count == 4 { return number }
    return digits.count == 2 ? 2000 + number : nil
  }

  /// Every period mention in `tokens`, in order; `date` resolves "last year" and periods with no
  /// year.
  static func mentions(in tokens: [Token], date: SimpleDate?) -> [PeriodMention] {
    var mentions: [PeriodMention] = []
    var index = 0
    func word(_ offset: Int) -> String? {
      let position = index + offset
      return position >= 0 && position < tokens.count ? tokens[position].word : nil
    }
    /// The year after `of` or right after position `offset`, if any: "of 2017", "2017".
    func yearAfter(_ offset: Int) -> (Int, Int)? {
      if let next = word(offset), let year = year(next) { return (year, offset + 1) }
      if word(offset) == "of", let next = word(offset + 1), let year = year(next) {
        return (year, offset + 2)
      }
      return nil
    }
    while index < tokens.count {
      guard let current = tokens[index].word else {
        index += 1
        continue
      }
      var found: PeriodMention?
      /// The year of a period with no year written, starting in month `start`.
      func pastYear(startingIn start: Int) -> Int? { Self.pastYear(of: start, date: date) }
      if let written = quarterWord(current),
        let year = written.year ?? word(1).flatMap(Self.year)
          ?? pastYear(
            startingIn: (written.quarter - 1) * 3 + 1)
      {
        // "2Q 2018", "3Q19", "Q1FY10".
        let end = written.year == nil && word(1).flatMap(Self.year) != nil ? index + 2 : index + 1
        found = PeriodMention(
          period: Period(
            year: year, length: .quarter, index: written.quarter, isFiscal: written.isFiscal),
          tokens: index..<end)
      } else if monthSpans[current] != nil || current == "quarter" || current == "half-year",
        let ended = monthsEnded(at: index, tokens: tokens, date: date)
      {
        // "the six months ended 30 June 2018" is 2018-H1.
        found = ended
      } else if word(1) == "quarter", let month = months[current], month % 3 == 0 {
        // "the September quarter" ends in September: 2018-Q3, never a quarter not yet begun.
        let written = word(2) == "of" ? word(3).flatMap(Self.year) : word(2).flatMap(Self.year)
        if let year = written ?? word(-1).flatMap(Self.year) ?? pastYear(startingIn: month - 2) {
          let end = written == nil ? index + 2 : (word(2) == "of" ? index + 4 : index + 3)
          found = PeriodMention(
            period: Period(year: year, length: .quarter, index: month / 3), tokens: index..<end)
        }
      } else if current.count == 2, current.first == "q" || current.first == "h",
        let number = Int(current.dropFirst())
      {
        // Q2 2017, 2017 Q2, Q2.
        let length: Period.Length = current.first == "q" ? .quarter : .half
        if (1...length.rawValue).contains(number) {
          let before = word(-1).flatMap(Self.year)
          let after = word(1).flatMap(Self.year)
          let start = (number - 1) * (12 / length.rawValue) + 1
          if let year = after ?? before ?? pastYear(startingIn: start) {
            let start = before != nil && after == nil ? index - 1 : index
            let end = after != nil ? index + 2 : index + 1
            found = PeriodMention(
              period: Period(year: year, length: length, index: number), tokens: start..<end)
          }
        }
      } else if let number = ordinal(current),
        current.hasSuffix("quarter") || current.hasSuffix("half")
          || word(1) == "quarter" || word(1) == "half"
      {
        // "the second quarter of 2017", "second-quarter", "the first half".
        let isQuarter = current.hasSuffix("quarter") || word(1) == "quarter"
        let length: Period.Length = isQuarter ? .quarter : .half
        let wordCount = current.contains("-") ? 1 : 2
        if number <= length.rawValue {
          let before = word(-1).flatMap(Self.year)
          let after = yearAfter(wordCount)
          let start = (number - 1) * (12 / length.rawValue) + 1
          if let year = after?.0 ?? before ?? pastYear(startingIn: start) {
            found = PeriodMention(
              period: Period(year: year, length: length, index: number),
              tokens: index..<(index + (after?.1 ?? wordCount)))
          }
        }
      } else if let year = year(current) {
        let fiscal = word(-1) == "fiscal" || (word(-2) == "fiscal" && word(-1) == "year")
        found = PeriodMention(
          period: Period(year: year, isFiscal: fiscal), tokens: index..<(index + 1))
      } else if let year = fiscalYear(current) {
        found = PeriodMention(period: Period(year: year, isFiscal: true), tokens: index..<index + 1)
      } else if let month = months[current], current.count > 3 || word(1).flatMap(Self.year) != nil
      {
        if let year = word(1).flatMap(Self.year) ?? pastYear(startingIn: month) {
          let end = word(1).flatMap(Self.year) != nil ? index + 2 : index + 1
          found = PeriodMention(
            period: Period(year: year, length: .month, index: month), tokens: index..<end)
        }
      } else if let relative = relativeMention(at: index, tokens: tokens, date: date) {
        found = relative
      }
      if var found {
        // "over 2Q 2018", "from the second quarter": "the" may come between.
        var before = found.tokens.lowerBound - index - 1
        if word(before) == "the" { before -= 1 }
        found.isCompared =
          found.base == nil
          && (word(before).map { comparingWords.contains($0) } == true
            || word(before) == "from" && found.tokens.lowerBound - index - 1 != before)
        mentions.append(found)
        index = max(index + 1, found.tokens.upperBound)
      } else {
        index += 1
      }
    }
    return mentions
  }

  /// The year of a month written with no year: the article's year, or the one before when the
  /// month is after the article's date, so that a period never lies in the article's future.
  /// Periods are placed by their first month, a span "ended" by its last.
  static func pastYear(of month: Int, date: SimpleDate?) -> Int? {
    guard let date else { return nil }
    return month > date.month ? date.year - 1 : date.year
  }

  /// The spans "N months ended" may give.
  static let monthSpans = [
    "three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12,
  ]

  /// "the three months ended 30 June 2018" (2018-Q2), "six months ended June 30, 2018"
  /// (2018-H1), "twelve months to December 2017" (2017). A span that is no calendar quarter,
  /// half or year ("nine months ended", "six months to March") names no period, but its words
  /// are still taken, so that its month is not read as one.
  static func monthsEnded(at index: Int, tokens: [Token], date: SimpleDate?) -> PeriodMention? {
    func word(_ offset: Int) -> String? {
      let position = index + offset
      return position >= 0 && position < tokens.count ? tokens[position].word : nil
    }
    let verbs: Set<String> = ["ended", "ending", "to", "through", "until"]
    // "three months ended", or "the quarter ended" and "the half-year ended".
    let span: Int
    let dateStart: Int
    if let months = word(0).flatMap({ monthSpans[$0] }), word(1) == "months",
      let verb = word(2), verbs.contains(verb)
    {
      (span, dateStart) = (months, 3)
    } else if let named = word(0).flatMap({ ["quarter": 3, "half-year": 6][$0] }),
      let verb = word(1), verb == "ended" || verb == "ending"
    {
      (span, dateStart) = (named, 2)
    } else {
      return nil
    }
    // The date: "30 June 2018", "June 30, 2018", "June 2018", "June".
    var month: Int?
    var year: Int?
    var end = index + dateStart
    for offset in dateStart..<(dateStart + 5) {
      guard index + offset < tokens.count else { break }
      if let word = word(offset) {
        if month == nil, let found = months[word] {
          month = found
        } else if let found = Self.year(word) {
          year = found
          end = index + offset + 1
          break
        } else if !(word.count <= 2 && word.allSatisfy(\.isNumber)) {
          break
        }
        end = index + offset + 1
      } else if !tokens[index + offset].isMark(",") {
        break
      }
    }
    guard let month else { return nil }
    let resolvedYear = year ?? pastYear(of: month, date: date)
    var period: Period?
    if let resolvedYear {
      switch span {
      case 3 where month % 3 == 0:
        period = Period(year: resolvedYear, length: .quarter, index: month / 3)
      case 6 where month % 6 == 0:
        period = Period(year: resolvedYear, length: .half, index: month / 6)
      case 12 where month == 12:
        period = Period(year: resolvedYear)
      default:
        break
      }
    }
    return PeriodMention(period: period, tokens: index..<end)
  }

  /// "last year", "this year", "a year earlier", "year-on-year", "the previous quarter", "the same
  /// quarter last year", "month-on-month", "sequentially".
  static func relativeMention(at index: Int, tokens: [Token], date: SimpleDate?)
    -> PeriodMention?
  {
    func word(_ offset: Int) -> String? {
      let position = index + offset
      return position >= 0 && position < tokens.count ? tokens[position].word : nil
    }
    let current = tokens[index].word ?? ""
    // Most words start no relative phrase; only these do, so the rest skip building phrases.
    guard relativeStarts.contains(current) else { return nil }
    let phrase2 = [current, word(1) ?? ""].joined(separator: " ")
    let phrase3 = [phrase2, word(2) ?? ""].joined(separator: " ")
    let isBase = word(-1).map(baseIntroducers.contains) ?? false
    switch current {
    case "year-on-year", "year-over-year", "yoy", "annually":
      return PeriodMention(base: .yearEarlier, tokens: index..<index + 1)
    case "quarter-on-quarter", "quarter-over-quarter", "sequentially", "sequential", "qoq":
      return PeriodMention(base: .previous(.quarter), tokens: index..<index + 1)
    case "month-on-month", "month-over-month":
      return PeriodMention(base: .previous(.month), tokens: index..<index + 1)
    default: break
    }
    if phrase3 == "year on year" || phrase3 == "year over year" {
      return PeriodMention(base: .yearEarlier, tokens: index..<index + 3)
    }
    if phrase3 == "a year earlier" || phrase3 == "a year ago" || phrase3 == "a year before" {
      return PeriodMention(base: .yearEarlier, tokens: index..<index + 3)
    }
    if phrase2 == "year earlier" {
      return PeriodMention(base: .yearEarlier, tokens: index..<index + 2)
    }
    if current == "previous" || current == "prior" || current == "preceding" {
      switch word(1) {
      case "quarter"?: return PeriodMention(base: .previous(.quarter), tokens: index..<index + 2)
      case "month"?: return PeriodMention(base: .previous(.month), tokens: index..<index + 2)
      case "year"?: return PeriodMention(base: .previous(.year), tokens: index..<index + 2)
      case "half"?: return PeriodMention(base: .previous(.half), tokens: index..<index + 2)
      case "period"?: return PeriodMention(base: .previous(nil), tokens: index..<index + 2)
      default: return nil
      }
    }
    if current == "same", let unit = word(1),
      ["quarter", "period", "month", "half"].contains(unit),
      word(2) == "last" || word(2) == "a" || word(2) == "of",
      word(3) == "year" || word(4) == "year"
    {
      let end = word(3) == "year" ? index + 4 : index + 5
      return PeriodMention(base: .yearEarlier, tokens: index..<end)
    }
    if phrase2 == "last year" || phrase2 == "this year" || phrase2 == "last quarter" {
      let thisYear = current == "this"
      if isBase || (current == "last" && word(-1) == "from") {
        let base: BasePeriod = word(1) == "quarter" ? .previous(.quarter) : .previous(.year)
        return PeriodMention(base: base, tokens: index..<index + 2)
      }
      guard word(1) == "year", let year = date?.year else { return nil }
      return PeriodMention(
        period: Period(year: thisYear ? year : year - 1), tokens: index..<index + 2)
    }
    return nil
  }
}
