/// Renders Markdown inline content (one paragraph, heading or table cell) into prose.
///
/// Emphasis markers, link syntax and inline HTML tags are removed; code spans, images,
/// autolinks, footnote references and comments are left out; escapes and references decoded.
struct MarkdownInline {
  private let bytes: [UInt8]
  private let start: Int
  private let end: Int
  private let references: Set<String>

  private enum Item {
    case text(Int, Int)
    case run(Int)
    case escape(Int)
    case character(UInt32, Int, Int)
    case tag(HTMLTags.Role, isEnd: Bool)
    case comment(start: Int, end: Int, bodyEnd: Int)
  }

  /// A run of `*`, `_` or `~` that may open or close emphasis.
  private struct Run {
    var start: Int
    var count: Int
    var marker: UInt8
    var canOpen: Bool
    var canClose: Bool
    var removedFront = 0
    var removedBack = 0
    var remaining: Int { count - removedFront - removedBack }
  }

  private var items: [Item] = []
  private var runs: [Run] = []
  private var textStart: Int
  private var bracketMatch: [Int32] = []
  private var parenMatch: [Int32] = []
  private var missingCodeCloser: Set<Int> = []
  /// The next ">" at or after the last tag looked for; it only moves forward.
  private var nextGreater = -1

  /// Prepares to render `bytes[start..<end]`, with the link reference labels defined.
  init(_ bytes: [UInt8], from start: Int, to end: Int, references: Set<String>) {
    self.bytes = bytes
    self.start = start
    self.end = end
    self.references = references
    self.textStart = start
  }

  /// Renders into `builder`, whose current input must be `bytes`.
  mutating func render(into builder: inout TextBuilder) {
    tokenize()
    matchEmphasis()
    for item in items {
      guard !builder.failed else { return }
      switch item {
      case .text(let from, let to): builder.text(from, to)
      case .run(let index):
        let run = runs[index]
        let from = run.start + run.removedFront
        let to = run.start + run.count - run.removedBack
        if from < to { builder.text(from, to) }
      case .escape(let at): builder.replacement([bytes[at + 1]], at, at + 2)
      case .character(let scalar, let from, let to): builder.character(scalar, from, to)
      case .tag(let role, let isEnd): HTMLTags.apply(role, isEnd: isEnd, to: &builder)
      case .comment(let from, let to, let bodyEnd):
        builder.comment(from, to, body: from + 4, bodyEnd)
      }
    }
  }

  // MARK: Tokens

  private mutating func flush(_ upTo: Int) {
    if textStart < upTo { items.append(.text(textStart, upTo)) }
  }

  private mutating func skip(from: Int, to: Int) {
    flush(from)
    textStart = to
  }

  private mutating func tokenize() {
    var index = start
    // Where each open link's text ends and where its syntax after the text ends.
    var links: [(close: Int, resume: Int)] = []
    while index < end {
      if let link = links.last, index >= link.close {
        skip(from: link.close, to: link.resume)
        index = link.resume
        links.removeLast()
        continue
      }
      let limit = links.last?.close ?? end
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\\"):
        if index + 1 < limit && isPunctuation(bytes[index + 1]) {
          flush(index)
          items.append(.escape(index))
          index += 2
          textStart = index
        } else if index + 1 < limit && bytes[index + 1] == 0x0a {
          // A hard line break; the newline itself breaks the line.
          skip(from: index, to: index + 1)
          index += 1
        } else {
          index += 1
        }
      case UInt8(ascii: "`"):
        index = codeSpan(at: index, limit: limit)
      case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
        index = delimiterRun(at: index, limit: limit)
      case UInt8(ascii: "!"):
        if index + 1 < limit && bytes[index + 1] == UInt8(ascii: "["),
          let close = matching(index + 1, brackets: true), close < limit,
          let resume = linkTail(after: close, label: (index + 2, close), limit: limit)
        {
          skip(from: index, to: resume)
          index = resume
        } else {
          index += 1
        }
      case UInt8(ascii: "["):
        guard let close = matching(index, brackets: true), close < limit else {
          index += 1
          continue
        }
        if index + 1 < close && bytes[index + 1] == UInt8(ascii: "^")
          && !bytes[index + 1..<close].contains(where: HTMLTags.isSpace)
        {
          skip(from: index, to: close + 1)
          index = close + 1
        } else if let resume = linkTail(after: close, label: (index + 1, close), limit: limit) {
          skip(from: index, to: index + 1)
          links.append((close, resume))
          index += 1
        } else {
          index += 1
        }
      case UInt8(ascii: "<"):
        index = angle(at: index, limit: limit)
      case UInt8(ascii: "&"):
        if let (scalar, next) = Entities.decode(bytes, at: index, end: limit) {
          flush(index)
          items.append(.character(scalar, index, next))
          index = next
          textStart = index
        } else {
          index += 1
        }
      default:
        index += 1
      }
    }
    flush(end)
  }

  /// Skips a code span at `index`; a backtick run with no closer is text.
  private mutating func codeSpan(at index: Int, limit: Int) -> Int {
    var runEnd = index
    while runEnd < limit && bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
    let length = runEnd - index
    // Once no closer of a length is found, none is found later either.
    guard !missingCodeCloser.contains(length) else { return runEnd }
    var search = runEnd
    while search < limit {
      guard bytes[search] == UInt8(ascii: "`") else {
        search += 1
        continue
      }
      var closeEnd = search
      while closeEnd < limit && bytes[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
      if closeEnd - search == length {
        skip(from: index, to: closeEnd)
        return closeEnd
      }
      search = closeEnd
    }
    if limit == end { missingCodeCloser.insert(length) }
    return runEnd
  }

  private mutating func delimiterRun(at index: Int, limit: Int) -> Int {
    let marker = bytes[index]
    var runEnd = index
    while runEnd < limit && bytes[runEnd] == marker { runEnd += 1 }
    let count = runEnd - index
    // A single "~" is "about", not strikethrough.
    guard marker != UInt8(ascii: "~") || count == 2 else { return runEnd }
    let before: UInt8? = index > start ? bytes[index - 1] : nil
    let after: UInt8? = runEnd < limit ? bytes[runEnd] : nil
    let spaceBefore = before.map(HTMLTags.isSpace) ?? true
    let spaceAfter = after.map(HTMLTags.isSpace) ?? true
    let punctuationBefore = before.map(isPunctuation) ?? false
    let punctuationAfter = after.map(isPunctuation) ?? false
    let left = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore)
    let right = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter)
    var run = Run(start: index, count: count, marker: marker, canOpen: left, canClose: right)
    if marker == UInt8(ascii: "_") {
      run.canOpen = left && (!right || punctuationBefore)
      run.canClose = right && (!left || punctuationAfter)
    }
    guard run.canOpen || run.canClose else { return runEnd }
    flush(index)
    items.append(.run(runs.count))
    runs.append(run)
    textStart = runEnd
    return runEnd
  }

  /// Handles "<": a comment, an autolink (left out), an HTML tag (removed) or text.
  private mutating func angle(at index: Int, limit: Int) -> Int {
    guard index + 1 < limit else { return index + 1 }
    let next = bytes[index + 1]
    if next == UInt8(ascii: "!") && index + 3 < limit && bytes[index + 2] == UInt8(ascii: "-")
      && bytes[index + 3] == UInt8(ascii: "-")
    {
      var search = index + 2
      while search + 2 < limit {
        if bytes[search] == UInt8(ascii: "-") && bytes[search + 1] == UInt8(ascii: "-")
          && bytes[search + 2] == UInt8(ascii: ">")
        {
          flush(index)
          items.append(.comment(start: index, end: search + 3, bodyEnd: search))
          textStart = search + 3
          return search + 3
        }
        search += 1
      }
      // An unterminated comment hides the rest: comments are never prose.
      flush(index)
      items.append(.comment(start: index, end: limit, bodyEnd: limit))
      textStart = limit
      return limit
    }
    if let autolinkEnd = autolink(at: index, limit: limit) {
      skip(from: index, to: autolinkEnd)
      return autolinkEnd
    }
    let isEnd = next == UInt8(ascii: "/")
    let nameStart = index + (isEnd ? 2 : 1)
    guard nameStart < limit, HTMLTags.isLetter(bytes[nameStart]) else { return index + 1 }
    if nextGreater < nameStart {
      nextGreater = nameStart
      while nextGreater < end && bytes[nextGreater] != UInt8(ascii: ">") { nextGreater += 1 }
    }
    // A tag longer than this is taken for text, which keeps stray "<" linear.
    guard nextGreater < limit && nextGreater - index < 4096 else { return index + 1 }
    let tagLimit = min(limit, index + 4096)
    let tag = HTMLTags.scanTag(bytes, nameStart: nameStart, end: tagLimit, isEnd: isEnd)
    guard tag.closed else { return index + 1 }
    flush(index)
    items.append(.tag(HTMLTags.role(tag.name), isEnd: isEnd))
    textStart = tag.end
    return tag.end
  }

  /// The end of an autolink `<scheme:...>` or `<user@host>` at `index`.
  private func autolink(at index: Int, limit: Int) -> Int? {
    var cursor = index + 1
    let bound = min(limit, index + 2048)
    guard cursor < bound, HTMLTags.isLetter(bytes[cursor]) else { return nil }
    while cursor < bound {
      let byte = bytes[cursor]
      if byte == UInt8(ascii: ":") {
        let schemeLength = cursor - index - 1
        guard schemeLength >= 2 && schemeLength <= 32 else { return nil }
        cursor += 1
        while cursor < bound && bytes[cursor] != UInt8(ascii: ">") {
          if HTMLTags.isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "<") { return nil }
          cursor += 1
        }
        return cursor < bound ? cursor + 1 : nil
      }
      if byte == UInt8(ascii: "@") {
        cursor += 1
        let hostStart = cursor
        while cursor < bound
          && (isAlphanumeric(bytes[cursor]) || bytes[cursor] == 0x2d || bytes[cursor] == 0x2e)
        {
          cursor += 1
        }
        guard cursor > hostStart, cursor < bound, bytes[cursor] == UInt8(ascii: ">") else {
          return nil
        }
        return cursor + 1
      }
      guard isAlphanumeric(byte) || "+.-_!#$%&'*/=?^`{|}~".utf8.contains(byte) else {
        return nil
      }
      cursor += 1
    }
    return nil
  }

  // MARK: Links

  /// Where the syntax after a link's text (closed at `close`) ends, or nil when the brackets
  /// are not a link: `(destination "title")`, `[label]`, `[]`, or a defined shortcut.
  private mutating func linkTail(after close: Int, label: (Int, Int), limit: Int) -> Int? {
    let next = close + 1
    if next < limit && bytes[next] == UInt8(ascii: "("),
      let paren = matching(next, brackets: false),
      paren < limit, isDestination(next + 1, paren)
    {
      return paren + 1
    }
    if next < limit && bytes[next] == UInt8(ascii: "["),
      let labelClose = matching(next, brackets: true), labelClose < limit
    {
      let own = labelClose > next + 1 ? (next + 1, labelClose) : label
      return isDefined(own) ? labelClose + 1 : nil
    }
    return isDefined(label) ? next : nil
  }

  private func isDefined(_ label: (Int, Int)) -> Bool {
    guard !references.isEmpty, label.1 > label.0, label.1 - label.0 < 1000 else { return false }
    return references.contains(MarkdownReader.normalizeLabel(bytes, label.0, label.1))
  }

  /// Whether `bytes[from..<to]` is a link destination with an optional title.
  private func isDestination(_ from: Int, _ to: Int) -> Bool {
    var index = from
    while index < to && HTMLTags.isSpace(bytes[index]) { index += 1 }
    if index < to && bytes[index] == UInt8(ascii: "<") {
      while index < to && bytes[index] != UInt8(ascii: ">") { index += 1 }
      guard index < to else { return false }
      index += 1
    } else {
      while index < to && !HTMLTags.isSpace(bytes[index]) { index += 1 }
    }
    while index < to && HTMLTags.isSpace(bytes[index]) { index += 1 }
    guard index < to else { return true }
    var last = to - 1
    while last > index && HTMLTags.isSpace(bytes[last]) { last -= 1 }
    guard last > index else { return false }
    switch (bytes[index], bytes[last]) {
    case (0x22, 0x22), (0x27, 0x27), (0x28, 0x29): return true
    default: return false
    }
  }

  /// The offset of the bracket or parenthesis that closes the one at `index`.
  private mutating func matching(_ index: Int, brackets: Bool) -> Int? {
    if brackets && bracketMatch.isEmpty {
      bracketMatch = pairs(UInt8(ascii: "["), UInt8(ascii: "]"))
    }
    if !brackets && parenMatch.isEmpty { parenMatch = pairs(UInt8(ascii: "("), UInt8(ascii: ")")) }
    let match = brackets ? bracketMatch[index - start] : parenMatch[index - start]
    return match < 0 ? nil : start + Int(match)
  }

  /// For each opener in the range, the offset of its closer (-1 when none), in one pass.
  private func pairs(_ open: UInt8, _ close: UInt8) -> [Int32] {
    var result = [Int32](repeating: -1, count: end - start)
    var stack: [Int] = []
    var index = start
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if byte == open {
        stack.append(index)
      } else if byte == close, let opener = stack.popLast() {
        result[opener - start] = Int32(index - start)
      }
      index += 1
    }
    return result
  }

  // MARK: Emphasis

  /// Pairs openers with closers of the same marker, nearest first, removing the markers used.
  private mutating func matchEmphasis() {
    guard !runs.isEmpty else { return }
    // One stack of openers per marker, mutated in place so that matching stays linear.
    var openers: [[Int]] = [[], [], []]
    func slot(_ marker: UInt8) -> Int {
      marker == UInt8(ascii: "*") ? 0 : marker == UInt8(ascii: "_") ? 1 : 2
    }
    for index in runs.indices {
      var run = runs[index]
      let stack = slot(run.marker)
      if run.canClose {
        while run.remaining > 0, let opener = openers[stack].last {
          let available = runs[opener].remaining
          if run.marker == UInt8(ascii: "~") && available != run.remaining { break }
          let used = min(available, run.remaining, 2)
          runs[opener].removedBack += used
          run.removedFront += used
          if runs[opener].remaining == 0 { openers[stack].removeLast() }
        }
      }
      if run.canOpen && run.remaining > 0 { openers[stack].append(index) }
      runs[index] = run
    }
  }

  // MARK: Characters

  private func isPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2f).contains(byte) || (0x3a...0x40).contains(byte) || (0x5b...0x60).contains(byte)
      || (0x7b...0x7e).contains(byte)
  }

  private func isAlphanumeric(_ byte: UInt8) -> Bool {
    HTMLTags.isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }
}
