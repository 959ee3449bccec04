import FactlintModel

/// Reads Markdown (CommonMark with GitHub tables, strikethrough and footnotes) into prose.
///
/// A first pass splits the lines into blocks, as link reference definitions may follow their
/// use; a second renders each block's inline content.
struct MarkdownReader {
  /// The front matter's `title:`, if any.
  private(set) var title: String?
  /// The front matter's `date:`, if any.
  private(set) var date: SimpleDate?

  private let bytes: [UInt8]
  private let end: Int

  private enum Container {
    case quote
    case item(indent: Int)
  }

  private enum Leaf {
    case none
    case paragraph
    case fenced(marker: UInt8, length: Int)
    case indentedCode
    case comment(start: Int)
    case raw(name: String)
    case table
  }

  private enum Block {
    /// A paragraph or heading: its lines' content.
    case text([Range<Int>])
    /// A table row: its cells; the header row starts a table.
    case row([Range<Int>], isHeader: Bool)
    /// An HTML comment block.
    case comment(start: Int, end: Int, bodyEnd: Int)
  }

  private var containers: [Container] = []
  private var leaf = Leaf.none
  private var paragraph: [Range<Int>] = []
  private var blocks: [Block] = []
  private var references: Set<String> = []

  /// Prepares to read `bytes` (the file) from `start`.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    self.end = bytes.count
  }

  /// Reads `builder`'s input (the file) from `start` into it.
  mutating func read(into builder: inout TextBuilder, from start: Int) {
    let bodyStart = frontMatter(from: start)
    splitBlocks(from: bodyStart)
    builder.reserve(end - bodyStart)
    builder.whitespace = .collapseKeepingNewlines
    for block in blocks {
      guard !builder.failed else { return }
      switch block {
      case .text(let lines):
        builder.endTable()
        render(lines, into: &builder)
        builder.breakBlock()
      case .row(let cells, let isHeader):
        if isHeader {
          builder.endTable()
          builder.beginTable()
        }
        builder.beginRow(isHeader: isHeader)
        for cell in cells {
          builder.beginCell()
          builder.cellBreak()
          render([cell], into: &builder)
        }
        builder.breakBlock()
      case .comment(let start, let end, let bodyEnd):
        builder.comment(start, end, body: start + 4, bodyEnd)
      }
      builder.skipDepth = 0
    }
    builder.endTable()
  }

  /// A link label as compared: white space collapsed, case folded.
  static func normalizeLabel(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  // MARK: Front matter

  /// Skips YAML (`---`) or TOML (`+++`) front matter, reading its title and date.
  private mutating func frontMatter(from start: Int) -> Int {
    let first = line(at: start)
    guard let fence = fenceLine(first), fence != "..." else { return start }
    var cursor = first.next
    var fields: [(String, String)] = []
    while cursor < end {
      let current = line(at: cursor)
      if let closing = fenceLine(current), closing == fence || (fence == "---" && closing == "...")
      {
        for (key, value) in fields {
          if key == "title" && title == nil && !value.isEmpty { title = value }
          if key == "date" && date == nil { date = ArticleDates.isoPrefix(value) }
        }
        return current.next
      }
      if let field = keyValue(current.start, current.end, separator: fence == "+++" ? "=" : ":") {
        fields.append(field)
      }
      cursor = current.next
    }
    // No closing line: it was a thematic break, not front matter.
    return start
  }

  private func fenceLine(_ line: (start: Int, end: Int, next: Int)) -> String? {
    var last = line.end
    while last > line.start && HTMLTags.isSpace(bytes[last - 1]) { last -= 1 }
    guard last - line.start == 3 else { return nil }
    let text = String(decoding: bytes[line.start..<last], as: UTF8.self)
    return ["---", "+++", "..."].contains(text) ? text : nil
  }

  /// A top-level `key: value` line, the value unquoted.
  private func keyValue(_ start: Int, _ end: Int, separator: Character) -> (String, String)? {
    let text = String(decoding: bytes[start..<end], as: UTF8.self)
    guard let first = text.first, first.isLetter,
      let split = text.firstIndex(of: separator)
    else { return nil }
    let key = text[..<split].trimmingSpaces().lowercased()
    var value = text[text.index(after: split)...].trimmingSpaces()
    if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'",
      value.last == quote
    {
      value = String(value.dropFirst().dropLast())
      if quote == "'" { value = value.replacingAll("''", with: "'") }
    }
    return (key, value)
  }

  // MARK: Blocks

  private func line(at start: Int) -> (start: Int, end: Int, next: Int) {
    var index = start
    while index < end && bytes[index] != 0x0a { index += 1 }
    let next = index < end ? index + 1 : end
    if index > start && bytes[index - 1] == 0x0d { index -= 1 }
    return (start, index, next)
  }

  /// The first byte after leading spaces and tabs from `start`, and the columns they take.
  private func leading(_ start: Int, _ end: Int) -> (index: Int, columns: Int) {
    var index = start
    var columns = 0
    while index < end {
      if bytes[index] == 0x20 {
        columns += 1
      } else if bytes[index] == 0x09 {
        columns += 4 - columns % 4
      } else {
        break
      }
      index += 1
    }
    return (index, columns)
  }

  /// `start` advanced past up to `columns` columns of indentation.
  private func consume(_ start: Int, _ end: Int, columns: Int) -> Int {
    var index = start
    var taken = 0
    while index < end && taken < columns && (bytes[index] == 0x20 || bytes[index] == 0x09) {
      taken += bytes[index] == 0x09 ? 4 - taken % 4 : 1
      index += 1
    }
    return index
  }

  private func isBlank(_ start: Int, _ end: Int) -> Bool {
    leading(start, end).index >= end
  }

  private mutating func closeLeaf() {
    switch leaf {
    case .paragraph:
      if !paragraph.isEmpty { blocks.append(.text(paragraph)) }
      paragraph = []
    case .comment(let start):
      blocks.append(.comment(start: start, end: end, bodyEnd: end))
    default:
      break
    }
    leaf = .none
  }

  private var inParagraph: Bool {
    if case .paragraph = leaf { return true }
    return false
  }

  private mutating func splitBlocks(from start: Int) {
    var cursor = start
    while cursor < end {
      let current = line(at: cursor)
      cursor = current.next
      splitLine(current.start, current.end)
    }
    closeLeaf()
  }

  private mutating func splitLine(_ lineStart: Int, _ lineEnd: Int) {
    var position = lineStart
    var matched = 0
    // The indentation left at `position`, kept as items consume it rather than scanned again for
    // each of them: a line of a list nested a thousand deep is read once, not a thousand times.
    var lead = leading(position, lineEnd)
    matching: for container in containers {
      let (index, columns) = lead
      switch container {
      case .quote:
        guard columns <= 3, index < lineEnd, bytes[index] == UInt8(ascii: ">") else {
          break matching
        }
        position = index + 1
        if position < lineEnd && (bytes[position] == 0x20 || bytes[position] == 0x09) {
          position += 1
        }
        lead = leading(position, lineEnd)
      case .item(let indent):
        if index < lineEnd {
          guard columns >= indent else { break matching }
          let next = consume(position, lineEnd, columns: indent)
          // Spaces only: what is left is known; a tab's columns depend on where it starts.
          lead =
            next - position == indent && !bytes[position..<next].contains(0x09)
            ? (index, columns - indent) : leading(next, lineEnd)
          position = next
        }
      }
      matched += 1
    }
    if matched < containers.count {
      // The paragraph's container did not match, so a list item starts a block whatever its
      // number: only the first item of a list must be 1 to interrupt a paragraph.
      if inParagraph && !isBlank(position, lineEnd)
        && !interrupts(position, lineEnd, strictLists: false)
      {
        paragraph.append(leading(position, lineEnd).index..<lineEnd)
        return
      }
      closeLeaf()
      containers.removeLast(containers.count - matched)
    }
    switch leaf {
    case .fenced(let marker, let length):
      if isClosingFence(position, lineEnd, marker: marker, length: length) { leaf = .none }
      return
    case .comment(let start):
      guard let close = find(commentEnd, from: position, to: lineEnd) else { return }
      blocks.append(.comment(start: start, end: close + 3, bodyEnd: close))
      leaf = .none
      addAfterComment(close + 3, lineEnd)
      return
    case .raw(let name):
      if HTMLTags.findEndTag(bytes, name: name, from: position, end: lineEnd) < lineEnd {
        leaf = .none
      }
      return
    case .indentedCode:
      let (_, columns) = leading(position, lineEnd)
      if isBlank(position, lineEnd) || columns >= 4 { return }
      leaf = .none
    case .table:
      if isBlank(position, lineEnd) {
        leaf = .none
        return
      }
      if !interrupts(position, lineEnd, strictLists: true) {
        blocks.append(.row(cells(position, lineEnd), isHeader: false))
        return
      }
      leaf = .none
    default:
      break
    }
    position = openContainers(position, lineEnd)
    startLeaf(position, lineEnd)
  }

  /// Opens the block quotes and list items the line starts with; returns where content starts.
  private mutating func openContainers(_ start: Int, _ lineEnd: Int) -> Int {
    var position = start
    while true {
      let (index, columns) = leading(position, lineEnd)
      guard columns < 4, index < lineEnd else { return position }
      if bytes[index] == UInt8(ascii: ">") {
        closeLeaf()
        containers.append(.quote)
        position = index + 1
        if position < lineEnd && (bytes[position] == 0x20 || bytes[position] == 0x09) {
          position += 1
        }
        continue
      }
      guard !isThematicBreak(index, lineEnd),
        let item = listItem(index, lineEnd, interrupting: inParagraph)
      else { return position }
      closeLeaf()
      containers.append(.item(indent: columns + item.width))
      position = item.content
    }
  }

  private mutating func startLeaf(_ start: Int, _ lineEnd: Int) {
    if isBlank(start, lineEnd) {
      closeLeaf()
      return
    }
    let (index, columns) = leading(start, lineEnd)
    if columns >= 4 {
      if inParagraph {
        paragraph.append(index..<lineEnd)
      } else {
        closeLeaf()
        leaf = .indentedCode
      }
      return
    }
    switch bytes[index] {
    case UInt8(ascii: "#"):
      if let heading = atxHeading(index, lineEnd) {
        closeLeaf()
        if !heading.isEmpty { blocks.append(.text([heading])) }
        return
      }
    case UInt8(ascii: "`"), UInt8(ascii: "~"):
      if let fence = openingFence(index, lineEnd) {
        closeLeaf()
        leaf = .fenced(marker: fence.marker, length: fence.length)
        return
      }
    case UInt8(ascii: "<"):
      if hasPrefix(commentStart, at: index, lineEnd) {
        closeLeaf()
        if let close = find(commentEnd, from: index + 4, to: lineEnd) {
          blocks.append(.comment(start: index, end: close + 3, bodyEnd: close))
          addAfterComment(close + 3, lineEnd)
        } else {
          leaf = .comment(start: index)
        }
        return
      }
      if let name = rawBlockName(index, lineEnd) {
        closeLeaf()
        let after = index + 1 + name.utf8.count
        if HTMLTags.findEndTag(bytes, name: name, from: after, end: lineEnd) == lineEnd {
          leaf = .raw(name: name)
        }
        return
      }
    default:
      break
    }
    if inParagraph {
      if isSetextUnderline(index, lineEnd) {
        closeLeaf()
        return
      }
      if let header = paragraph.last, isDelimiterRow(index, lineEnd),
        cells(header.lowerBound, header.upperBound).count == cells(index, lineEnd).count
      {
        paragraph.removeLast()
        closeLeaf()
        blocks.append(.row(cells(header.lowerBound, header.upperBound), isHeader: true))
        leaf = .table
        return
      }
    }
    if isThematicBreak(index, lineEnd) {
      closeLeaf()
      return
    }
    if !inParagraph && bytes[index] == UInt8(ascii: "[") {
      if let label = referenceDefinition(index, lineEnd) {
        references.insert(label)
        return
      }
      if let text = footnoteDefinition(index, lineEnd) {
        closeLeaf()
        leaf = .paragraph
        if text < lineEnd { paragraph.append(text..<lineEnd) }
        return
      }
    }
    if !inParagraph {
      closeLeaf()
      leaf = .paragraph
    }
    paragraph.append(index..<lineEnd)
  }

  /// Text after a comment that closes on its line starts or continues a paragraph.
  private mutating func addAfterComment(_ start: Int, _ lineEnd: Int) {
    let (index, _) = leading(start, lineEnd)
    guard index < lineEnd else { return }
    leaf = .paragraph
    paragraph.append(index..<lineEnd)
  }

  /// Whether the line starts a block that ends a paragraph (so it is no lazy continuation);
  /// `strictLists` applies the rules for a list item interrupting a paragraph.
  private func interrupts(_ start: Int, _ lineEnd: Int, strictLists: Bool) -> Bool {
    let (index, columns) = leading(start, lineEnd)
    guard columns < 4, index < lineEnd else { return false }
    switch bytes[index] {
    case UInt8(ascii: ">"): return true
    case UInt8(ascii: "#"): if atxHeading(index, lineEnd) != nil { return true }
    case UInt8(ascii: "`"), UInt8(ascii: "~"):
      if openingFence(index, lineEnd) != nil { return true }
    case UInt8(ascii: "<"):
      if hasPrefix(commentStart, at: index, lineEnd) || rawBlockName(index, lineEnd) != nil {
        return true
      }
    default: break
    }
    return isThematicBreak(index, lineEnd)
      || listItem(index, lineEnd, interrupting: strictLists) != nil
  }

  // MARK: Block syntax

  private let commentStart = Array("<!--".utf8)
  private let commentEnd = Array("-->".utf8)

  private func hasPrefix(_ prefix: [UInt8], at index: Int, _ lineEnd: Int) -> Bool {
    guard index + prefix.count <= lineEnd else { return false }
    for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
    return true
  }

  private func find(_ needle: [UInt8], from start: Int, to lineEnd: Int) -> Int? {
    var index = start
    while index + needle.count <= lineEnd {
      if hasPrefix(needle, at: index, lineEnd) { return index }
      index += 1
    }
    return nil
  }

  /// `script`, `style` or `textarea` when the line opens one: its content is no prose.
  private func rawBlockName(_ index: Int, _ lineEnd: Int) -> String? {
    for name in ["script", "style", "textarea"] {
      let after = index + 1 + name.utf8.count
      guard after <= lineEnd, HTMLTags.lowercase(bytes, index + 1, after) == name else { continue }
      if after == lineEnd || HTMLTags.isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") {
        return name
      }
    }
    return nil
  }

  /// The content of an ATX heading (`## Title ##`), or nil when the line is none.
  private func atxHeading(_ index: Int, _ lineEnd: Int) -> Range<Int>? {
    var cursor = index
    while cursor < lineEnd && bytes[cursor] == UInt8(ascii: "#") { cursor += 1 }
    let level = cursor - index
    guard level >= 1 && level <= 6 else { return nil }
    guard cursor == lineEnd || bytes[cursor] == 0x20 || bytes[cursor] == 0x09 else { return nil }
    let contentStart = leading(cursor, lineEnd).index
    var contentEnd = lineEnd
    while contentEnd > contentStart && HTMLTags.isSpace(bytes[contentEnd - 1]) { contentEnd -= 1 }
    var hashes = contentEnd
    while hashes > contentStart && bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
    if hashes == contentStart {
      contentEnd = contentStart
    } else if hashes < contentEnd && HTMLTags.isSpace(bytes[hashes - 1]) {
      contentEnd = hashes
      while contentEnd > contentStart && HTMLTags.isSpace(bytes[contentEnd - 1]) {
        contentEnd -= 1
      }
    }
    return contentStart..<contentEnd
  }

  private func openingFence(_ index: Int, _ lineEnd: Int) -> (marker: UInt8, length: Int)? {
    let marker = bytes[index]
    var cursor = index
    while cursor < lineEnd && bytes[cursor] == marker { cursor += 1 }
    let length = cursor - index
    guard length >= 3 else { return nil }
    if marker == UInt8(ascii: "`") && bytes[cursor..<lineEnd].contains(marker) { return nil }
    return (marker, length)
  }

  private func isClosingFence(_ start: Int, _ lineEnd: Int, marker: UInt8, length: Int) -> Bool {
    let (index, columns) = leading(start, lineEnd)
    guard columns < 4 else { return false }
    var cursor = index
    while cursor < lineEnd && bytes[cursor] == marker { cursor += 1 }
    return cursor - index >= length && isBlank(cursor, lineEnd)
  }

  private func isThematicBreak(_ index: Int, _ lineEnd: Int) -> Bool {
    let marker = bytes[index]
    guard marker == UInt8(ascii: "*") || marker == UInt8(ascii: "-") || marker == UInt8(ascii: "_")
    else { return false }
    // A line of nested items ("- - - - x") asks again at each marker: the byte that stopped the
    // last scan of the line stops this one too, so the line is scanned once.
    if breakScan.lineEnd == lineEnd, breakScan.marker == marker, breakScan.from <= index,
      index < breakScan.blocker
    {
      return false
    }
    var count = 0
    for cursor in index..<lineEnd {
      let byte = bytes[cursor]
      if byte == marker {
        count += 1
      } else if byte != 0x20 && byte != 0x09 {
        (breakScan.lineEnd, breakScan.marker, breakScan.from) = (lineEnd, marker, index)
        breakScan.blocker = cursor
        return false
      }
    }
    return count >= 3
  }

  /// Where the last thematic break scan that failed stopped: from `from`, the bytes up to
  /// `blocker` were the marker or blanks, and `blocker` was neither.
  private final class BreakScan {
    var lineEnd = -1
    var marker: UInt8 = 0
    var from = 0
    var blocker = 0
  }
  private let breakScan = BreakScan()

  private func isSetextUnderline(_ index: Int, _ lineEnd: Int) -> Bool {
    let marker = bytes[index]
    guard marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { return false }
    var cursor = index
    while cursor < lineEnd && bytes[cursor] == marker { cursor += 1 }
    return isBlank(cursor, lineEnd)
  }

  /// A list marker at `index`: its width with the spaces after it, and where content starts.
  /// A list item may interrupt a paragraph only when it has content and, if ordered, is 1.
  private func listItem(_ index: Int, _ lineEnd: Int, interrupting: Bool) -> (
    width: Int, content: Int
  )? {
    var cursor = index
    let byte = bytes[index]
    var number = 0
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
      cursor += 1
    } else {
      while cursor < lineEnd && cursor - index < 10 && bytes[cursor] >= UInt8(ascii: "0")
        && bytes[cursor] <= UInt8(ascii: "9")
      {
        number = number * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
        cursor += 1
      }
      let digits = cursor - index
      guard digits >= 1 && digits <= 9, cursor < lineEnd,
        bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ")")
      else { return nil }
      cursor += 1
      if interrupting && number != 1 { return nil }
    }
    let markerWidth = cursor - index
    if cursor == lineEnd {
      return interrupting ? nil : (markerWidth + 1, cursor)
    }
    guard bytes[cursor] == 0x20 || bytes[cursor] == 0x09 else { return nil }
    let (content, spaces) = leading(cursor, lineEnd)
    if content == lineEnd { return interrupting ? nil : (markerWidth + 1, lineEnd) }
    // Five or more spaces: the item's content is indented code, one space in.
    if spaces > 4 { return (markerWidth + 1, cursor + 1) }
    return (markerWidth + spaces, content)
  }

  /// The normalized label of a link reference definition `[label]: destination "title"`.
  private func referenceDefinition(_ index: Int, _ lineEnd: Int) -> String? {
    var cursor = index + 1
    guard cursor < lineEnd, bytes[cursor] != UInt8(ascii: "^") else { return nil }
    while cursor < lineEnd && bytes[cursor] != UInt8(ascii: "]") {
      if bytes[cursor] == UInt8(ascii: "[") { return nil }
      cursor += bytes[cursor] == UInt8(ascii: "\\") ? 2 : 1
    }
    guard cursor + 1 < lineEnd, cursor > index + 1, bytes[cursor + 1] == UInt8(ascii: ":") else {
      return nil
    }
    let label = MarkdownReader.normalizeLabel(bytes, index + 1, cursor)
    var rest = leading(cursor + 2, lineEnd).index
    guard rest < lineEnd else { return nil }
    while rest < lineEnd && !HTMLTags.isSpace(bytes[rest]) { rest += 1 }
    rest = leading(rest, lineEnd).index
    guard rest < lineEnd else { return label }
    var last = lineEnd - 1
    while last > rest && HTMLTags.isSpace(bytes[last]) { last -= 1 }
    switch (bytes[rest], bytes[last]) {
    case (0x22, 0x22), (0x27, 0x27), (0x28, 0x29): return last > rest ? label : nil
    default: return nil
    }
  }

  /// Where the text of a footnote definition `[^label]: text` starts.
  private func footnoteDefinition(_ index: Int, _ lineEnd: Int) -> Int? {
    guard index + 2 < lineEnd, bytes[index + 1] == UInt8(ascii: "^") else { return nil }
    var cursor = index + 2
    while cursor < lineEnd && bytes[cursor] != UInt8(ascii: "]") {
      if HTMLTags.isSpace(bytes[cursor]) { return nil }
      cursor += 1
    }
    guard cursor + 1 < lineEnd, bytes[cursor + 1] == UInt8(ascii: ":") else { return nil }
    return leading(cursor + 2, lineEnd).index
  }

  private func isDelimiterRow(_ index: Int, _ lineEnd: Int) -> Bool {
    guard bytes[index..<lineEnd].contains(UInt8(ascii: "|")) else { return false }
    let parts = cells(index, lineEnd)
    guard !parts.isEmpty else { return false }
    for part in parts {
      var cursor = part.lowerBound
      if cursor < part.upperBound && bytes[cursor] == UInt8(ascii: ":") { cursor += 1 }
      let dashes = cursor
      while cursor < part.upperBound && bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
      guard cursor > dashes else { return false }
      if cursor < part.upperBound && bytes[cursor] == UInt8(ascii: ":") { cursor += 1 }
      guard cursor == part.upperBound else { return false }
    }
    return true
  }

  /// The trimmed cells of a table row, split at unescaped pipes.
  private func cells(_ start: Int, _ lineEnd: Int) -> [Range<Int>] {
    var low = leading(start, lineEnd).index
    var high = lineEnd
    while high > low && HTMLTags.isSpace(bytes[high - 1]) { high -= 1 }
    if low < high && bytes[low] == UInt8(ascii: "|") { low += 1 }
    if high > low && bytes[high - 1] == UInt8(ascii: "|")
      && (high - 2 < low || bytes[high - 2] != UInt8(ascii: "\\"))
    {
      high -= 1
    }
    var result: [Range<Int>] = []
    var cellStart = low
    var cursor = low
    func add(_ from: Int, _ to: Int) {
      var from = from
      var to = to
      while from < to && HTMLTags.isSpace(bytes[from]) { from += 1 }
      while to > from && HTMLTags.isSpace(bytes[to - 1]) { to -= 1 }
      result.append(from..<to)
    }
    while cursor < high {
      if bytes[cursor] == UInt8(ascii: "\\") {
        cursor += 2
        continue
      }
      if bytes[cursor] == UInt8(ascii: "|") {
        add(cellStart, cursor)
        cellStart = cursor + 1
      }
      cursor += 1
    }
    if cellStart <= high && (cellStart < high || !result.isEmpty) { add(cellStart, min(high, end)) }
    return result
  }

  // MARK: Rendering

  /// Renders a block's lines. Lines split only by white space are read straight from the file;
  /// lines with container markers between them are gathered into a buffer with its own map.
  private func render(_ lines: [Range<Int>], into builder: inout TextBuilder) {
    guard let first = lines.first, let last = lines.last else { return }
    var contiguous = true
    for index in 1..<max(1, lines.count) {
      let gap = lines[index - 1].upperBound..<lines[index].lowerBound
      if gap.isEmpty || !bytes[gap].allSatisfy(HTMLTags.isSpace) {
        contiguous = false
        break
      }
    }
    if contiguous {
      var inline = MarkdownInline(
        bytes, from: first.lowerBound, to: last.upperBound, references: references)
      inline.render(into: &builder)
      return
    }
    var buffer: [UInt8] = []
    var map = OffsetMap()
    for (index, line) in lines.enumerated() {
      if index > 0 {
        map.add(text: buffer.count, source: lines[index - 1].upperBound, verbatim: false)
        buffer.append(0x0a)
      }
      map.add(text: buffer.count, source: line.lowerBound, verbatim: true)
      buffer.append(contentsOf: bytes[line])
    }
    map.add(text: buffer.count, source: last.upperBound, verbatim: true)
    builder.setInput(buffer, map: map)
    var inline = MarkdownInline(buffer, from: 0, to: buffer.count, references: references)
    inline.render(into: &builder)
    builder.setInput(bytes, map: nil)
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> String {
    let characters = Array(self)
    var low = 0
    var high = characters.count
    while low < high && characters[low].isWhitespace { low += 1 }
    while high > low && characters[high - 1].isWhitespace { high -= 1 }
    return String(characters[low..<high])
  }

  /// The text with every `target` replaced.
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
