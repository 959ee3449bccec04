import FactlintModel

/// A figure read out of prose, with what it could be bound to.
public struct ExtractedFigure: Sendable, Hashable {
  /// The figure; its key is complete only when `isBound`.
  public var figure: Figure
  /// The entity the sentence is about, if one was found.
  public var entity: String?
  /// The metric, from the counted noun, a metric word or the verb, if one was found.
  public var metric: String?
  /// The period, from the sentence or the article, if one was found.
  public var period: Period?
  /// The segment ("china" in "revenue in China"), if one was named.
  public var segment: String?
  /// The counted thing after a count.
  public var noun: String?
  /// Whether the period was named in the figure's own sentence.
  public var periodIsExplicit = false
  /// Whether the period is only the year of the article's date, with no period in the figure's
  /// sentence or an earlier one.
  public var periodIsFromDate = false
  /// Whether the figure's sentence speaks of an estimate, a forecast or a figure since revised
  /// ("analysts had expected revenue of $2.6 billion"): such a figure is no statement of the
  /// key's value, and is not held to the data's figure or another article's.
  public var isEstimate = false
  /// Whether the figure's sentence names another company or a place, or qualifies its figures
  /// ("excluding acquisitions", "at constant currency", "its devices unit", "revenue from
  /// subscriptions"): such a figure may be of another key than its words give, and is not held
  /// to the data's figure or another article's.
  public var isQualified = false
  /// Whether the figure was read from a table's cell, bound by its row and column.
  public var isTableCell = false
  /// Whether a word of loss comes just before the figure ("a net loss of $45 million"): the
  /// figure is the size of a loss, so a negative value of an income or a balance in the data
  /// states it too.
  public var isLoss = false
  /// What the figure is in the claims read so far.
  package var role = Role.level
  /// Where the figure ends in the file, just past its last character (1-based line and column),
  /// when it was read from an article's file.
  public var end: Mark?
  /// The figure's bytes in the file, as UTF-8 offsets from its start, when read from a file.
  public var bytes: Range<Int>?
  /// The figure's range in the extracted text.
  package var textRange: Range<String.Index>?

  /// What a figure is in its sentence's claims.
  package enum Role {
    /// A level: an amount or count of its own period.
    case level
    /// A stated change, rate or share, not a level.
    case relation
    /// The base a change is measured against, of another period.
    case base
    /// A part of a composition or share, often of a segment the text does not name.
    case part
  }
  /// The figure's text in the article, without its counted noun.
  public var text: String { figure.quantity.text }
  /// Whether entity, metric and period are all known, so the figure can be matched by key.
  public var isBound: Bool { entity != nil && metric != nil && period != nil }
}

/// A claim read from an article but left unchecked: "could not check 40%: the article gives
/// more than one revenue for 2024".
public struct UnreadClaim: Sendable, Hashable {
  /// Where the claim is stated.
  public var location: SourceLocation
  /// What kind of claim it is: the checks of that kind list it.
  public var kind: Claim.Kind
  /// Why it was not checked.
  public var message: String
}

/// Everything read out of one article.
public struct Extraction: Sendable {
  /// The article's path.
  public var path: String
  /// The article's date.
  public var date: SimpleDate?
  /// Every figure, in reading order.
  public var figures: [ExtractedFigure]
  /// Every relation stated between figures.
  public var claims: [Claim]
  /// Exchange rates stated in the text.
  public var rates: [ExchangeRate]
  /// Claims read but left unchecked, because a figure they need has more than one candidate.
  public var unread: [UnreadClaim] = []

  /// The figures bound to a complete key, for matching against data and each other: neither
  /// estimates nor figures whose period is only the year of the article's date.
  public var boundFigures: [Figure] {
    figures.filter { $0.isBound && !$0.isEstimate && !$0.periodIsFromDate }.map(\.figure)
  }
}

/// Reads figures and claims out of prose.
public struct Extractor: Sendable {
  /// Entity and metric aliases from the data, so that prose binds to data names.
  public var aliases: Aliases

  /// Creates an extractor that names entities and metrics through `aliases`.
  public init(aliases: Aliases = Aliases()) {
    self.aliases = aliases
  }

  /// Extracts from `text`, whose `tables` are read as tables; `locate` maps a range of the text
  /// to its place in the file.
  public func extract(
    text: String, path: String, date: SimpleDate?, tables: [ArticleTable] = [],
    locate: @escaping (Range<String.Index>) -> SourceLocation
  ) -> Extraction {
    var state = ExtractionState(
      text: text, path: path, date: date, aliases: aliases, locate: locate)
    state.mainEntity = Self.mainEntity(in: text, aliases: aliases)
    // A long text's figures get their room at once, one per 32 bytes (denser than prose), so
    // that growing never holds the array twice; room not written to takes no memory.
    if text.utf8.count > 1 << 20 { state.figures.reserveCapacity(text.utf8.count / 32) }
    let read = tables.compactMap { Self.textTable($0, in: text) }
    var next = 0
    // Whether the table at `next` was read as a table, once the sentences reach it.
    var isTable: Bool?
    for sentence in ProseScanner.sentences(in: text) {
      while next < read.count, read[next].span.upperBound <= sentence.lowerBound {
        next += 1
        isTable = nil
      }
      if next < read.count, read[next].span.overlaps(sentence) {
        if isTable == nil { isTable = state.readTable(read[next].table) }
        if isTable == true { continue }
      }
      state.read(sentence)
    }
    state.resolvePendingConversions()
    return Extraction(
      path: path, date: date, figures: state.figures,
      claims: state.claims.filter(ClaimSense.isPlausible), rates: state.rates,
      unread: state.unread)
  }

  /// A table's cells as ranges of `text`, with the text its scale may be given in (an HTML
  /// caption, else the paragraph before it), and the span from its first cell to its last.
  static func textTable(_ table: ArticleTable, in text: String)
    -> (table: TextTable, span: Range<String.Index>)?
  {
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index {
      utf8.index(utf8.startIndex, offsetBy: min(max(0, offset), utf8.count))
    }
    let rows = table.rows.map { row in
      row.map { $0.map { index($0.lowerBound)..<index($0.upperBound) } }
    }
    let ranges = rows.joined().compactMap { $0 }
    guard let first = ranges.map(\.lowerBound).min(), let last = ranges.map(\.upperBound).max()
    else { return nil }
    let start = index(table.start)
    var caption = text[min(start, first)..<first]
    if caption.allSatisfy(\.isWhitespace) {
      // The paragraph before, if short: "(in millions of dollars)", "Revenue by region, $m".
      var before = text[..<min(start, first)]
      while let last = before.last, last.isWhitespace { before = before.dropLast() }
      var paragraphStart = before.endIndex
      var length = 0
      while paragraphStart > before.startIndex, length <= 200 {
        let previous = before.index(before: paragraphStart)
        if before[previous] == "\n", previous > before.startIndex,
          before[before.index(before: previous)] == "\n"
        {
          break
        }
        paragraphStart = previous
        length += 1
      }
      // A caption gives no figures of its own ("Table 2" aside): a sentence that does, such as
      // "Revenue rose to $2.7 billion.", says nothing of the table's scale.
      let paragraph = before[paragraphStart...]
      var words = paragraph.lowercased().split(separator: " ")[...]
      if let first = words.first, ["table", "exhibit", "figure", "chart"].contains(first) {
        words = words.dropFirst(2)
      }
      let hasFigures = words.contains { $0.contains(where: \.isNumber) }
      caption = length <= 200 && !hasFigures ? paragraph : ""
    }
    return (TextTable(rows: rows, headerRows: table.headerRows, caption: caption), first..<last)
  }

  /// The entity an article is mostly about: the capitalised name it repeats most, preferring
  /// names the data declares.
  static func mainEntity(in text: String, aliases: Aliases) -> String? {
    var counts: [String: Int] = [:]
    // The order names are first seen in: of names counted alike, the first wins.
    var firstSeen: [String: Int] = [:]
    // Whether the word before was "in", "at", "near", "from" or "into": a place follows.
    var afterPlaceWord = false
    var midSentence: Set<String> = []
    var atSentenceStart = true
    var inName = false
    let scalars = text.unicodeScalars
    /// The lower-case ASCII word after `index` past spaces, up to a dozen letters, skipping the
    /// rest of a name: the word after "Kestrel" in "Kestrel Systems said" is "said".
    func wordAfter(_ index: String.Index) -> String {
      var cursor = index
      for _ in 0..<4 {
        while cursor < scalars.endIndex, scalars[cursor] == " " {
          cursor = scalars.index(after: cursor)
        }
        var word = ""
        while cursor < scalars.endIndex, word.utf8.count < 12 {
          let scalar = scalars[cursor]
          guard scalar.isASCII, scalar.properties.isAlphabetic else { break }
          word.unicodeScalars.append(scalar)
          cursor = scalars.index(after: cursor)
        }
        // "Marlin Bank's revenue": a possessive name's, as a verb makes it a subject.
        if let first = word.unicodeScalars.first, first.properties.isUppercase,
          cursor < scalars.endIndex, scalars[cursor] == "'" || scalars[cursor] == "\u{2019}"
        {
          return "'s"
        }
        guard let first = word.unicodeScalars.first, first.properties.isUppercase,
          cursor < scalars.endIndex, scalars[cursor] == " "
        else { return word.lowercased() }
      }
      return ""
    }
    /// Counts the word `range` when it is a capitalised name.
    func finish(_ range: Range<String.Index>) {
      let first = scalars[range.lowerBound]
      let isUpper =
        first.isASCII ? (first.value >= 0x41 && first.value <= 0x5A) : first.properties.isUppercase
      guard isUpper, scalars.index(after: range.lowerBound) < range.upperBound else {
        inName = false
        afterPlaceWord = Self.isPlaceWord(scalars[range])
        return
      }
      defer { afterPlaceWord = false }
      // Only the first word of a name counts: "Clearwater Bank" is about Clearwater.
      defer { inName = true }
      guard !inName else { return }
      // "NT$", "HK$" are currencies and "SG&A", "R&D" abbreviations, not names.
      if range.upperBound < scalars.endIndex {
        let next = scalars[range.upperBound]
        if next == "$" { return }
        if next == "&", scalars.index(after: range.upperBound) < scalars.endIndex,
          scalars[scalars.index(after: range.upperBound)].properties.isAlphabetic
        {
          return
        }
      }
      var word = String(scalars[range])
      // "December's" is December; a possessive is a name's, wherever it stands.
      var isPossessive = false
      if word.hasSuffix("'s") {
        word.removeLast(2)
        isPossessive = true
      } else if range.upperBound < scalars.endIndex, scalars[range.upperBound] == "\u{2019}" {
        isPossessive = true
      }
      let lower = word.lowercased()
      if let known = aliases.entityName(word) {
        counts[known, default: 0] += 4
        if firstSeen[known] == nil { firstSeen[known] = firstSeen.count }
      } else if word.unicodeScalars.count > 1, !commonCapitalised.contains(lower),
        ProseWords.metrics[lower] == nil, PeriodPhrases.months[lower] == nil
      {
        // A name at the start of a sentence is often the subject; elsewhere it is surely a name,
        // though after "in" or "at" it is more often a place than the company.
        counts[lower, default: 0] += atSentenceStart || afterPlaceWord ? 1 : 2
        if firstSeen[lower] == nil { firstSeen[lower] = firstSeen.count }
        let next = wordAfter(range.upperBound)
        if !atSentenceStart || isPossessive || next == "'s" || isVerb(next) {
          midSentence.insert(lower)
        }
      }
    }
    // Scanning scalars, with an ASCII fast path, rather than Characters: this runs over every
    // article's whole text, and only capitalised words become strings.
    var wordStart: String.Index?
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let isLetter =
        scalar.isASCII
        ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A)
        : scalar.properties.isAlphabetic
      if isLetter || scalar == "-" || scalar == "'" {
        if wordStart == nil { wordStart = index }
        index = scalars.index(after: index)
        continue
      }
      if let start = wordStart {
        finish(start..<index)
        wordStart = nil
        atSentenceStart = false
      }
      // A table's cells are joined by "; ": each starts afresh, like a sentence.
      if scalar == "." || scalar == "\n" || scalar == "!" || scalar == "?" || scalar == ";" {
        atSentenceStart = true
        inName = false
      } else if scalar != " " && scalar != "&" {
        inName = false
      }
      index = scalars.index(after: index)
    }
    if let start = wordStart { finish(start..<scalars.endIndex) }
    // A name the data knows wins. Otherwise a name is capitalised somewhere other than at the
    // start of a sentence (or is a possessive or a verb's subject there), and never written in
    // lower case: "Average" in "Return on Average Equity" beside "return on average equity" is
    // a common word in a title, and a word only ever at the start of a bullet ("Return on
    // average equity increased") names nothing.
    let ranked = counts.sorted {
      $0.value != $1.value
        ? $0.value > $1.value : firstSeen[$0.key, default: 0] < firstSeen[$1.key, default: 0]
    }
    if let known = ranked.first(where: { aliases.entities.values.contains($0.key) }) {
      return known.key
    }
    // The few most frequent are enough, tested against the text in one pass.
    // A verb is no name ("Says"), though a name may end in "-ed" ("Applied", "United").
    let candidates = ranked.prefix(8).map(\.key).filter {
      midSentence.contains($0) && !subjectVerbs.contains($0)
    }
    let lowercase = lowercaseWords(among: candidates, in: text)
    return candidates.first { !lowercase.contains($0) }
  }

  /// Whether a word is "in", "at", "near", "from" or "into", after which a capitalised word is
  /// more often a place than a company; compared by its scalars, as this runs on every word.
  static func isPlaceWord(_ word: Substring.UnicodeScalarView) -> Bool {
    guard word.count >= 2, word.count <= 4 else { return false }
    return ["in", "at", "near", "from", "into"].contains(String(word))
  }

  /// Whether a word after a capitalised one at the start of a sentence is a verb, which makes
  /// that one a subject's name: "Xiaomi shipped", "Tesla delivered", but not "Return on".
  static func isVerb(_ word: String) -> Bool {
    word.count > 3 && word.hasSuffix("ed") || subjectVerbs.contains(word)
  }

  /// Verbs a company's name is the subject of, not ending in "-ed".
  static let subjectVerbs: Set<String> = [
    "said", "says", "sold", "sells", "saw", "sees", "made", "makes", "is", "was", "has", "had",
    "will", "expects", "plans", "reports", "posts", "announces", "ships", "delivers", "grew",
    "rose", "fell", "cut", "cuts", "raised", "raises", "won", "lost", "paid", "pays", "built",
    "employs", "operates", "runs", "owns", "became", "bought", "buys", "swung", "sank", "beat",
  ]

  /// Which of `words` (in lower case) `text` writes in lower case as whole words, in one pass.
  static func lowercaseWords(among words: [String], in text: String) -> Set<String> {
    let needles = words.map { Array($0.utf8) }.filter { !$0.isEmpty }
    guard !needles.isEmpty else { return [] }
    var firsts = [Bool](repeating: false, count: 256)
    for needle in needles { firsts[Int(needle[0])] = true }
    var found: Set<String> = []
    func isLetter(_ byte: UInt8) -> Bool {
      byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A || byte >= 0x80
    }
    // A bridged string may not be contiguous: made so, the scan always runs.
    var text = text
    text.makeContiguousUTF8()
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var previous: UInt8 = 0x20
      for index in bytes.indices {
        let byte = bytes[index]
        defer { previous = byte }
        guard firsts[Int(byte)], !isLetter(previous) else { continue }
        for needle in needles where needle[0] == byte && index + needle.count <= bytes.count {
          let end = index + needle.count
          guard end == bytes.count || !isLetter(bytes[end]),
            bytes[index..<end].elementsEqual(needle)
          else { continue }
          let word = String(decoding: needle, as: UTF8.self)
          found.insert(word)
          if found.count == needles.count { return }
        }
      }
    }
    return found
  }

  /// Capitalised words that are not names.
  static let commonCapitalised: Set<String> = [
    "the", "a", "an", "in", "on", "at", "for", "and", "but", "its", "it", "this", "that", "q1",
    "q2", "q3", "q4", "h1", "h2", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "rmb", "usd", "eur", "gbp", "ceo", "cfo", "ipo",
    "us", "uk", "eu", "fy", "ebitda", "i", "we", "our", "chief", "executive", "officer",
    "published", "date", "updated", "by", "shares", "revenue", "sales", "he", "she", "they",
    "analysts", "analyst", "overall", "meanwhile", "however", "also", "after", "before",
    "during", "while", "with", "as", "according", "over", "under", "from", "to", "last", "these",
    "those", "there", "here", "what", "when", "where", "why", "how", "who", "which", "both",
    "each", "all", "some", "most", "many", "one", "two", "three", "first", "second", "third",
    "fourth", "total", "full", "year", "quarter", "net", "operating", "gross", "if", "so", "yet",
    "still", "despite", "although", "investors", "company", "group", "its", "their", "our",
    "tuesday's", "shareholders", "management", "earlier", "later", "now", "today", "since",
    "not", "no", "nor", "or", "about", "around", "nearly", "almost", "more", "less", "just",
    "profit", "income", "growth", "demand", "prices", "price", "costs", "results", "figures",
    "rs", "rm", "dlrs", "pct", "mln", "bln", "cts", "reuter", "reuters", "inr", "myr", "pkr",
    "other", "others",
  ]
}

extension Aliases {
  /// The canonical entity for a name as written, matching case-insensitively.
  func entityName(_ name: String) -> String? {
    if let canonical = entities[name] { return canonical }
    let lower = name.lowercased()
    if entities.values.contains(lower) { return lower }
    return entities.first { $0.key.lowercased() == lower }?.value
  }

  /// The data's metric for a phrase read from prose ("smartphones", "revenue"), matching
  /// aliases case-insensitively and in the singular; nil when the data names no such metric.
  func metricName(_ phrase: String, noun: String?) -> String? {
    let candidates = [noun, phrase].compactMap { $0?.lowercased() }
    for candidate in candidates {
      let singular = ProseWords.singular(candidate)
      if metrics.values.contains(candidate) { return candidate }
      // "operating income" for the data's operating_income.
      let joined = candidate.split(separator: " ").joined(separator: "_")
      if joined != candidate, metrics.values.contains(joined) { return joined }
      if let found = metrics.first(where: {
        let alias = $0.key.lowercased()
        return alias == candidate || ProseWords.singular(alias) == singular
      }) {
        return found.value
      }
    }
    return nil
  }
}
