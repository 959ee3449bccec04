import FactlintModel

/// A word, figure or punctuation mark of a sentence, with its place in the article's text.
struct Token {
  /// What the token is.
  enum Kind {
    /// A word, lower-cased; hyphenated words stay one word ("year-on-year").
    case word(String)
    /// A figure: an index into the sentence's figures.
    case figure(Int)
    /// A punctuation mark or symbol.
    case mark(Character)
  }

  var kind: Kind
  var range: Range<String.Index>

  /// The lower-cased word, if the token is one.
  var word: String? {
    if case .word(let word) = kind { return word }
    return nil
  }

  /// The figure index, if the token is a figure.
  var figure: Int? {
    if case .figure(let index) = kind { return index }
    return nil
  }

  /// Whether the token is the punctuation mark `mark`.
  func isMark(_ mark: Character) -> Bool {
    if case .mark(let found) = kind { return found == mark }
    return false
  }
}

/// A figure found in prose, before it is bound to an entity, metric and period.
struct ProseFigure {
  /// The quantity as written; its text excludes a count noun.
  var quantity: Quantity
  /// Where it is in the article's text.
  var range: Range<String.Index>
  /// The counted thing after a count ("smartphones" in "23.16 million smartphones").
  var noun: String?
}

/// Splits prose into sentences and sentences into tokens.
enum ProseScanner {
  /// Words whose trailing period does not end a sentence.
  static let abbreviations: Set<String> = [
    "inc", "co", "corp", "ltd", "plc", "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "approx", "est", "e.g",
    "i.e", "u.s", "u.k", "e.u", "p.m", "a.m", "etc", "fig", "bn", "mn", "m", "rs", "n.z", "h.k",
    "m.p.h",
  ]

  /// The sentences of `text` in order: a sentence ends at `.`, `!` or `?` followed by a space and
  /// not closing an abbreviation or a decimal, and at every blank line.
  static func sentences(in text: String) -> [Range<String.Index>] {
    var result: [Range<String.Index>] = []
    // The marks that end sentences are ASCII, so the scan walks bytes rather than characters.
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = utf8.startIndex
    func close(at end: String.Index) {
      let trimmed = trim(start..<end, in: text)
      if !trimmed.isEmpty { result.append(trimmed) }
    }
    /// The index past a closing quote (`"` or `”`, which is E2 80 9D) at `index`, or nil.
    func pastQuote(at index: String.Index) -> String.Index? {
      guard index < utf8.endIndex else { return nil }
      if utf8[index] == UInt8(ascii: "\"") { return utf8.index(after: index) }
      guard utf8[index] == 0xE2,
        let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
        utf8[utf8.index(after: index)] == 0x80, utf8[utf8.index(index, offsetBy: 2)] == 0x9D
      else { return nil }
      return end
    }
    var lineStart = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      let next = utf8.index(after: index)
      if byte == UInt8(ascii: "\n") {
        if next < utf8.endIndex,
          utf8[next] == UInt8(ascii: "\n") || startsListItem(at: next, in: text)
            || endsHeadline(lineStart..<index, next: next, in: text)
        {
          close(at: index)
          start = next
        }
        lineStart = next
      } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
      {
        let quoteEnd = pastQuote(at: next)
        if next == utf8.endIndex || utf8[next] == UInt8(ascii: " ")
          || utf8[next] == UInt8(ascii: "\n") || quoteEnd != nil,
          !endsAbbreviation(text[start..<index])
        {
          let end = quoteEnd ?? next
          close(at: end)
          start = end
          index = end
          continue
        }
      }
      index = next
    }
    close(at: text.endIndex)
    return result
  }

  /// Whether `line`, which ends with no mark, is a headline or a label rather than a wrapped
  /// line of its paragraph: the next line starts with a capital or a digit and is much longer,
  /// and the line does not end on a word that leads into more ("of", "and", "to"). Lines of a
  /// hard-wrapped paragraph are about as long as each other, so they are joined.
  static func endsHeadline(_ line: Range<String.Index>, next: String.Index, in text: String)
    -> Bool
  {
    let utf8 = text.utf8
    guard let last = text[line].utf8.last(where: { $0 != 0x20 && $0 != 0x0D }),
      last != UInt8(ascii: ","), last != UInt8(ascii: "-"), last != UInt8(ascii: "("),
      next < utf8.endIndex
    else { return false }
    let first = utf8[next]
    guard first >= 0x41 && first <= 0x5A || first >= 0x30 && first <= 0x39 else { return false }
    let nextEnd = text[next...].utf8.firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
    let length = utf8.distance(from: line.lowerBound, to: line.upperBound)
    let nextLength = utf8.distance(from: next, to: nextEnd)
    guard length * 4 < nextLength * 3 else { return false }
    let lastWord = text[line].split(separator: " ").last.map { $0.lowercased() } ?? ""
    return !continuingWords.contains(lastWord)
  }

  /// Words a wrapped line may end on, that a headline does not.
  static let continuingWords: Set<String> = [
    "of", "and", "or", "to", "from", "by", "the", "a", "an", "in", "on", "at", "for", "with",
    "than", "as", "its", "their", "that", "which", "but", "was", "were", "is", "are", "per",
  ]

  /// Whether the line at `start` is a list item, which is a sentence of its own even without a
  /// full stop before it: "* H1 profit rose 7.2%", "• EPS increased 28%", "- ", "1. ", "2) ".
  static func startsListItem(at start: String.Index, in text: String) -> Bool {
    let utf8 = text.utf8
    var index = start
    while index < utf8.endIndex, utf8[index] == UInt8(ascii: " ") || utf8[index] == 0x09 {
      index = utf8.index(after: index)
    }
    guard index < utf8.endIndex else { return false }
    let marker = text.unicodeScalars[index]
    let afterMarker = text.unicodeScalars.index(after: index)
    let spaced = afterMarker < utf8.endIndex && utf8[afterMarker] == UInt8(ascii: " ")
    switch marker {
    case "\u{2022}", "\u{25AA}", "\u{25CF}": return true  // • ▪ ●
    case "*", "-", "+", "\u{2013}": return spaced
    default: break
    }
    // "1. " and "2) ": one or two digits, a mark, a space.
    var digits = 0
    while index < utf8.endIndex, utf8[index] >= 0x30, utf8[index] <= 0x39, digits < 3 {
      index = utf8.index(after: index)
      digits += 1
    }
    guard (1...2).contains(digits), index < utf8.endIndex,
      utf8[index] == UInt8(ascii: ".") || utf8[index] == UInt8(ascii: ")")
    else { return false }
    let next = utf8.index(after: index)
    return next < utf8.endIndex && utf8[next] == UInt8(ascii: " ")
  }

  /// Whether the text before a period ends with an abbreviation or a single capital ("J.").
  static func endsAbbreviation(_ text: Substring) -> Bool {
    var word = Substring()
    var cursor = text.endIndex
    while cursor > text.startIndex {
      let before = text.index(before: cursor)
      let character = text[before]
      guard character.isLetter || character == "." else { break }
      cursor = before
    }
    word = text[cursor...]
    if word.count == 1, word.first?.isUppercase == true { return true }
    return abbreviations.contains(word.lowercased())
  }

  static func trim(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
    while upper > lower, text[text.index(before: upper)].isWhitespace {
      upper = text.index(before: upper)
    }
    return lower..<upper
  }

  /// Characters that may start a figure, so the parser is only tried where one can begin.
  static func mayStartFigure(_ character: Character) -> Bool {
    switch CharacterKind(character) {
    case .letter, .digit: return true
    case .space: return false
    case .other: break
    }
    if character.isCurrencySymbol { return true }
    switch character {
    case "+", "-", "−", "~", ">", "<", "≥", "≤", ".", "(": return true
    default: return false
    }
  }

  /// Words after a count that are not the counted thing.
  static let notNouns: Set<String> = [
    "a", "an", "the", "to", "from", "in", "on", "of", "for", "and", "or", "by", "at", "with",
    "year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "day", "days",
    "than", "as", "per", "is", "was", "were", "are", "be", "been", "up", "down", "more", "less",
    "over", "under", "last", "this", "that", "which", "who", "compared", "against", "versus",
    "vs", "after", "before", "during", "while", "since", "between", "each", "every", "its",
    "their", "his", "her", "our", "it", "they", "we", "said", "says", "according", "about",
    "percent", "per cent", "points", "times", "euros", "dollars", "yuan", "pounds", "yen",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "earlier",
    "ago", "previously", "respectively", "apiece", "but", "also", "still", "only", "now", "then",
  ]

  /// The hedge word at `index` when its context makes it no hedge: "over" after a rate ("up
  /// 34% over $0.47"), "up" after a verb of motion ("went up to 6.80 per cent").
  static func hedgeWordInContext(
    at index: String.Index, previous: Token?, in text: String, figures: [ProseFigure]
  ) -> String? {
    let rest = text[index...].prefix(6).lowercased()
    if rest.hasPrefix("over "), case .figure(let found) = previous?.kind {
      switch figures[found].quantity.unit {
      case .percent, .percentagePoints, .multiple: return "over"
      default: return nil
      }
    }
    if rest.hasPrefix("up to "), let verb = previous?.word, motionVerbs.contains(verb) {
      return "up"
    }
    return nil
  }

  /// Verbs that "up to" follows as a movement rather than a bound: "went up to 6.80 per cent".
  static let motionVerbs: Set<String> = [
    "went", "go", "goes", "gone", "going", "moved", "move", "moves", "shot", "edged", "inched",
    "crept", "ticked", "revised", "pushed", "jumped", "climbed", "rose", "rising", "came",
  ]

  /// Adjectives that come between a count and its noun ("3 million new users").
  static let countAdjectives: Set<String> = [
    "new", "active", "monthly", "daily", "paying", "registered", "additional", "more", "fewer",
    "full-time", "retail", "smart", "electric", "total", "net", "unique", "annual",
  ]

  /// The tokens of one sentence; figures are parsed where they start and collected in `figures`.
  static func tokens(
    of range: Range<String.Index>, in text: String, figures: inout [ProseFigure]
  ) -> [Token] {
    var tokens: [Token] = []
    var index = range.lowerBound
    var atWordStart = true
    while index < range.upperBound {
      let character = text[index]
      let kind = CharacterKind(character)
      if kind == .space {
        index = text.index(after: index)
        atWordStart = true
        continue
      }
      // Dates and times ("2019-10-31", "31/10/2019", "10:30") are words, not figures.
      if atWordStart, kind == .digit,
        let end = dateOrTime(at: index, limit: range.upperBound, in: text)
      {
        tokens.append(Token(kind: .word(String(text[index..<end])), range: index..<end))
        index = end
        atWordStart = false
        continue
      }
      if atWordStart, kind == .letter,
        let (quantity, noun, end) = numberWordRange(at: index, limit: range.upperBound, in: text)
      {
        figures.append(ProseFigure(quantity: quantity, range: index..<end, noun: noun))
        tokens.append(Token(kind: .figure(figures.count - 1), range: index..<end))
        index = end
        atWordStart = false
        continue
      }
      if atWordStart, mayStartFigure(character),
        let (quantity, end) = QuantityParser.parsePrefix(text[index..<range.upperBound]),
        end > index
      {
        // "an increase of 34% over $0.47" compares, and "went up to 6.80 per cent" moves: the
        // hedge word is a word of the sentence, and the figure starts after it.
        if quantity.hedge != nil,
          let word = hedgeWordInContext(
            at: index, previous: tokens.last, in: text, figures: figures)
        {
          let wordEnd = text.index(index, offsetBy: word.count)
          tokens.append(Token(kind: .word(word), range: index..<wordEnd))
          index = wordEnd
          atWordStart = false
          continue
        }
        var written = quantity
        var end = end
        if let (range, rangeEnd) = wordRange(
          from: quantity, start: index, end: end, limit: range.upperBound, in: text,
          previous: tokens.last?.word)
        {
          written = range
          end = rangeEnd
        }
        // A figure broken across lines reads as on one line: "70 per\ncent" is "70 per cent".
        if written.text.contains(where: \.isNewline) {
          written.text = written.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var figure = ProseFigure(quantity: written, range: index..<end)
        if case .count(nil) = quantity.unit {
          figure.noun = noun(after: end, limit: range.upperBound, in: text)
        }
        figures.append(figure)
        tokens.append(Token(kind: .figure(figures.count - 1), range: index..<end))
        index = end
        atWordStart = false
        continue
      }
      if kind.isWordCharacter {
        let end = wordEnd(after: index, limit: range.upperBound, in: text)
        tokens.append(Token(kind: .word(text[index..<end].lowercased()), range: index..<end))
        index = end
        atWordStart = false
        continue
      }
      let next = text.index(after: index)
      tokens.append(Token(kind: .mark(character), range: index..<next))
      index = next
      atWordStart = true
    }
    return tokens
  }

  /// Small numbers written as words, for ranges of them.
  static let smallNumberWords: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
  ]

  /// A range of small numbers written as words before the thing they count ("one to two years",
  /// "three to five stores") or with a unit ("one to two percent"). The range, its noun and its
  /// end; a noun is not part of the figure.
  static func numberWordRange(at start: String.Index, limit: String.Index, in text: String)
    -> (Quantity, String?, String.Index)?
  {
    // Only a word whose first letter a small number word starts with.
    guard let first = text.utf8[start...].first, "otfsenOTFSEN".utf8.contains(first) else {
      return nil
    }
    // Most words are no number: the first is looked up before any other is read.
    let firstEnd = wordEnd(after: start, limit: limit, in: text)
    guard (3...6).contains(text.utf8.distance(from: start, to: firstEnd)),
      smallNumberWords[text[start..<firstEnd].lowercased()] != nil
    else { return nil }
    var words: [(word: String, start: String.Index, end: String.Index)] = []
    var index = start
    while words.count < 4, index < limit {
      let end = words.isEmpty ? firstEnd : wordEnd(after: index, limit: limit, in: text)
      words.append((text[index..<end].lowercased(), index, end))
      index = end
      guard index < limit, text[index] == " " else { break }
      index = text.index(after: index)
      guard index < limit, text[index].isLetter else { break }
    }
    guard words.count >= 3, let low = smallNumberWords[words[0].word], words[1].word == "to",
      let high = smallNumberWords[words[2].word], low < high
    else { return nil }
    // "one to two percent", "two to three million": the high end gives the unit and scale.
    if let (parsed, parsedEnd) = QuantityParser.parsePrefix(text[words[2].start..<limit]),
      let range = QuantityParser.range(
        from: Quantity(value: ExactDecimal(low), unit: .count(nil), precision: 1, text: ""),
        to: parsed, text: String(text[start..<parsedEnd]))
    {
      return (range, nil, parsedEnd)
    }
    guard words.count == 4,
      !notNouns.contains(words[3].word) || timeNouns.contains(words[3].word),
      words[3].word.allSatisfy(\.isLetter)
    else { return nil }
    var quantity = Quantity(
      value: ExactDecimal(low), unit: .count(nil), precision: 1, isWrittenInFull: true,
      text: String(text[start..<words[2].end]))
    quantity.setRange(high: ExactDecimal(high), precision: 1)
    return (quantity, words[3].word, words[2].end)
  }

  /// Periods a count of them may measure: "one to two years".
  static let timeNouns: Set<String> = [
    "year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "day", "days",
  ]

  /// The end of the word that starts at `start`: letters and digits, apostrophes, and `-` or `.`
  /// between word characters ("year-on-year", "u.s"). ASCII is read byte by byte, the rest as
  /// characters.
  static func wordEnd(after start: String.Index, limit: String.Index, in text: String)
    -> String.Index
  {
    let utf8 = text.utf8
    /// Whether a word character starts at `index`.
    func wordCharacter(at index: String.Index) -> Bool {
      let byte = utf8[index]
      guard byte >= 0x80 else { return isASCIIWordByte(byte) }
      return CharacterKind(text[index]).isWordCharacter
    }
    var end = text.index(after: start)
    while end < limit {
      let byte = utf8[end]
      if byte >= 0x80 {
        let next = text[end]
        guard CharacterKind(next).isWordCharacter || next == "’" else { break }
        end = text.index(after: end)
      } else if isASCIIWordByte(byte) || byte == UInt8(ascii: "'") {
        end = utf8.index(after: end)
      } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."),
        utf8.index(after: end) < limit, wordCharacter(at: utf8.index(after: end))
      {
        end = utf8.index(after: end)
      } else {
        break
      }
    }
    return end
  }

  /// Whether an ASCII byte is a letter or a digit.
  static func isASCIIWordByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  /// A range written with words from the figure `low` that ends at `end`: "$10 to $15 billion",
  /// and "between 5% and 10%" after "between". After "from", "by", "or" or a word of change
  /// ("rose 5% to 10%") the second figure is a level, not the range's end.
  static func wordRange(
    from low: Quantity, start: String.Index, end: String.Index, limit: String.Index,
    in text: String, previous: String?
  ) -> (Quantity, String.Index)? {
    let joiner = previous == "between" ? "and" : "to"
    // "rose 9.7%, or 12.6 billion yen, to 142.8 billion yen" gives a change and a level too.
    if previous == "from" || previous == "by" || previous == "or"
      || previous.flatMap(ProseWords.direction) != nil
    {
      return nil
    }
    var index = end
    while index < limit, text[index] == " " || text[index] == "\n" {
      index = text.index(after: index)
    }
    guard index > end, text[index...].hasPrefix(joiner),
      let afterWord = text.index(index, offsetBy: joiner.count, limitedBy: limit),
      afterWord < limit, text[afterWord] == " " || text[afterWord] == "\n",
      let (high, highEnd) = QuantityParser.parsePrefix(text[afterWord..<limit]),
      let range = QuantityParser.range(
        from: low, to: high, text: String(text[start..<highEnd]))
    else { return nil }
    return (range, highEnd)
  }

  /// The end of a date or time starting at `start`: digit groups joined by "-" or "/" (three of
  /// them) or by ":" (two or three), or nil when the text there is not one.
  static func dateOrTime(at start: String.Index, limit: String.Index, in text: String)
    -> String.Index?
  {
    var index = start
    var groups = 0
    var separator: Character?
    while index < limit {
      var digits = 0
      while index < limit, text[index].isASCII, text[index].isNumber {
        index = text.index(after: index)
        digits += 1
      }
      guard digits > 0 else { return nil }
      groups += 1
      guard index < limit, "-/:".contains(text[index]),
        separator == nil || text[index] == separator,
        text.index(after: index) < limit, text[text.index(after: index)].isNumber
      else { break }
      separator = text[index]
      index = text.index(after: index)
    }
    switch separator {
    case ":"?: return groups >= 2 ? index : nil
    case "-"?, "/"?: return groups == 3 ? index : nil
    default: return nil
    }
  }

  /// The counted thing after a count: the next word unless it is a function word, skipping one
  /// adjective ("3 million new users" counts users).
  static func noun(after end: String.Index, limit: String.Index, in text: String) -> String? {
    var words: [String] = []
    var index = end
    var skippedOf = false
    while words.count < 2, index < limit {
      while index < limit, text[index] == " " || text[index] == "\n" {
        index = text.index(after: index)
      }
      var wordEnd = index
      while wordEnd < limit, text[wordEnd].isLetter || text[wordEnd] == "-" || text[wordEnd] == "'"
      {
        wordEnd = text.index(after: wordEnd)
      }
      guard wordEnd > index else { break }
      let word = text[index..<wordEnd].lowercased()
      // "1,490 of our staff", "19 of its 241 shops" counts staff and shops.
      if words.isEmpty, !skippedOf, word == "of" {
        var next = wordEnd
        while next < limit, text[next] == " " { next = text.index(after: next) }
        var possessiveEnd = next
        while possessiveEnd < limit, text[possessiveEnd].isLetter || text[possessiveEnd] == "'" {
          possessiveEnd = text.index(after: possessiveEnd)
        }
        let possessive = text[next..<possessiveEnd].lowercased()
        guard ["our", "its", "their", "the", "his", "her"].contains(possessive) else { break }
        skippedOf = true
        index = possessiveEnd
        continue
      }
      guard !notNouns.contains(word), text[index].isLowercase else { break }
      words.append(word)
      guard countAdjectives.contains(word) else { return words.joined(separator: " ") }
      index = wordEnd
    }
    return words.count == 2 ? words.joined(separator: " ") : nil
  }
}

/// What the tokenizer needs to know of a character. ASCII characters, most of any English text,
/// are classed by their code, without the Unicode table lookups that `Character.isLetter` and
/// its kin make for every character; the others are classed by those properties.
private enum CharacterKind {
  case space
  case letter
  case digit
  case other

  init(_ character: Character) {
    if let code = character.asciiValue {
      switch code {
      case 0x09...0x0D, 0x20: self = .space
      case 0x30...0x39: self = .digit
      case 0x41...0x5A, 0x61...0x7A: self = .letter
      default: self = .other
      }
    } else if character.isWhitespace {
      self = .space
    } else if character.isLetter {
      self = .letter
    } else if character.isNumber {
      self = .digit
    } else {
      self = .other
    }
  }

  /// Whether the character continues a word: a letter or a digit.
  var isWordCharacter: Bool { self == .letter || self == .digit }
}
