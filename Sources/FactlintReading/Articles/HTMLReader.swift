import FactlintModel

/// The scanning of HTML tags, shared by the HTML and Markdown readers.
extension HTMLTags {
  /// Whether `bytes[index]` is an ASCII letter, which starts a tag name.
  static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  /// Whether `byte` is HTML white space.
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d || byte == 0x0c
  }

  /// A scanned tag.
  struct Tag {
    /// The name, lower case.
    var name: String
    /// Whether it is an end tag.
    var isEnd: Bool
    /// Whether it ends with "/>".
    var selfClosing: Bool
    /// The attributes, names lower case and values decoded, when asked for.
    var attributes: [(name: String, value: String)]
    /// The offset after the tag's ">" (the end of input when it has none).
    var end: Int
    /// Whether the tag has its ">"; one cut off by the end of input is dropped.
    var closed: Bool
  }

  /// Scans the tag whose name starts at `nameStart` (after "<" or "</"), quote-aware, reading
  /// attribute values when `wantAttributes` says so for the name.
  static func scanTag(
    _ bytes: [UInt8], nameStart: Int, end: Int, isEnd: Bool,
    wantAttributes: (String) -> Bool = { _ in false }
  ) -> Tag {
    var index = nameStart
    while index < end && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: "/")
      && bytes[index] != UInt8(ascii: ">")
    {
      index += 1
    }
    let name = lowercase(bytes, nameStart, index)
    let collect = wantAttributes(name)
    var tag = Tag(
      name: name, isEnd: isEnd, selfClosing: false, attributes: [], end: end, closed: false)
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: ">") {
        tag.end = index + 1
        tag.closed = true
        return tag
      }
      if isSpace(byte) || byte == UInt8(ascii: "/") {
        tag.selfClosing = byte == UInt8(ascii: "/")
        index += 1
        continue
      }
      tag.selfClosing = false
      let attributeStart = index
      index += 1
      while index < end && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: "/")
        && bytes[index] != UInt8(ascii: ">") && bytes[index] != UInt8(ascii: "=")
      {
        index += 1
      }
      let attributeEnd = index
      while index < end && isSpace(bytes[index]) { index += 1 }
      var value = (start: index, end: index)
      if index < end && bytes[index] == UInt8(ascii: "=") {
        index += 1
        while index < end && isSpace(bytes[index]) { index += 1 }
        if index < end && (bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'"))
        {
          let quote = bytes[index]
          index += 1
          let valueStart = index
          while index < end && bytes[index] != quote { index += 1 }
          value = (valueStart, index)
          if index < end { index += 1 }
        } else {
          let valueStart = index
          while index < end && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ">") {
            index += 1
          }
          value = (valueStart, index)
        }
      } else {
        // A bare attribute: what follows the white space is the next attribute.
        index = attributeEnd
      }
      if collect {
        tag.attributes.append(
          (
            lowercase(bytes, attributeStart, attributeEnd),
            decodedText(bytes, value.start, value.end)
          ))
      }
    }
    return tag
  }

  /// ASCII lower case of `bytes[start..<end]`.
  static func lowercase(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
    String(
      decoding: bytes[start..<end].lazy.map {
        $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0
      }, as: UTF8.self)
  }

  /// `bytes[start..<end]` with references decoded and white space collapsed and trimmed, for
  /// titles and attribute values.
  static func decodedText(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
    var result: [UInt8] = []
    var index = start
    var space = false
    func add(_ scalar: UInt32) {
      switch scalar {
      case 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000...0x200a, 0x202f, 0x205f, 0x3000:
        space = !result.isEmpty
      case 0xad, 0x200b, 0x2060, 0xfeff:
        break
      default:
        if space { result.append(0x20) }
        space = false
        UTF8Scalar.append(scalar, to: &result)
      }
    }
    bytes.withUnsafeBufferPointer { buffer in
      while index < end {
        if buffer[index] == UInt8(ascii: "&"),
          let (scalar, next) = Entities.decode(
            bytes, at: index, end: end)
        {
          add(scalar)
          index = next
          continue
        }
        let (scalar, length) = UTF8Scalar.decode(buffer, at: index)
        add(scalar)
        index += length
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// The offset of the "<" of `</name` (followed by white space, "/" or ">") at or after
  /// `from`, or `end`.
  static func findEndTag(_ bytes: [UInt8], name: String, from: Int, end: Int) -> Int {
    let name = Array(name.utf8)
    var index = from
    while index + 1 + name.count < end {
      if bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "/") {
        var matches = true
        for offset in 0..<name.count where bytes[index + 2 + offset] | 0x20 != name[offset] {
          matches = false
          break
        }
        let after = index + 2 + name.count
        if matches
          && (after == end || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: "/")
            || bytes[after] == UInt8(ascii: ">"))
        {
          return index
        }
      }
      index += 1
    }
    return end
  }
}

/// Reads HTML into prose as a browser would show it, with the title and date it states.
struct HTMLReader {
  /// The `<title>`, if any.
  private(set) var title: String?
  private var metaDate: SimpleDate?
  private var publishedDate: SimpleDate?
  private var timeDate: SimpleDate?
  private var inHead = false
  private var preDepth = 0
  /// How deep in `<thead>` elements the reader is.
  private var headDepth = 0
  private var skipped: [String: Int] = [:]

  /// The date the page states: `<meta name="date">`, then `article:published_time`, then the
  /// first `<time datetime>`.
  var date: SimpleDate? { metaDate ?? publishedDate ?? timeDate }

  private static let headElements: Set<String> = [
    "meta", "link", "title", "style", "script", "noscript", "base", "template", "head",
  ]
  private static let rawText: Set<String> = [
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
  ]

  /// Reads `builder`'s current input from `start` to `end` into it.
  mutating func read(into builder: inout TextBuilder, from start: Int, to end: Int) {
    let bytes = builder.bytes
    builder.reserve(end - start)
    builder.whitespace = .collapse
    var index = start
    var textStart = start
    while index < end && !builder.failed {
      let byte = bytes[index]
      if byte == UInt8(ascii: "<") {
        // The text before the markup goes first, as the markup may end its block.
        addText(bytes, textStart, index, builder: &builder)
        textStart = index
        if let next = markup(bytes, at: index, end: end, builder: &builder) {
          index = next
          textStart = next
        } else {
          index += 1
        }
      } else if byte == UInt8(ascii: "&") {
        if let (scalar, next) = Entities.decode(bytes, at: index, end: end) {
          addText(bytes, textStart, index, builder: &builder)
          if !inHead { builder.character(scalar, index, next) }
          index = next
          textStart = next
        } else {
          index += 1
        }
      } else {
        index += 1
      }
    }
    if !builder.failed { addText(bytes, textStart, min(index, end), builder: &builder) }
    builder.breakBlock()
    builder.skipDepth = 0
    builder.whitespace = .collapse
  }

  private mutating func addText(
    _ bytes: [UInt8], _ start: Int, _ end: Int, builder: inout TextBuilder
  ) {
    guard start < end else { return }
    if inHead {
      // Text in an unclosed head starts the body, as in a browser.
      guard bytes[start..<end].contains(where: { !HTMLTags.isSpace($0) }) else { return }
      inHead = false
    }
    builder.text(start, end)
  }

  /// Handles the markup at `bytes[index]` (a "<") and returns the offset after it, or nil when
  /// the "<" is text.
  private mutating func markup(
    _ bytes: [UInt8], at index: Int, end: Int, builder: inout TextBuilder
  ) -> Int? {
    guard index + 1 < end else { return nil }
    let next = bytes[index + 1]
    if next == UInt8(ascii: "!") {
      if index + 3 < end && bytes[index + 2] == UInt8(ascii: "-")
        && bytes[index + 3] == UInt8(ascii: "-")
      {
        return comment(bytes, at: index, end: end, builder: &builder)
      }
      return bogusComment(bytes, from: index + 2, end: end)
    }
    if next == UInt8(ascii: "?") { return bogusComment(bytes, from: index + 2, end: end) }
    if next == UInt8(ascii: "/") {
      guard index + 2 < end else { return nil }
      if bytes[index + 2] == UInt8(ascii: ">") { return index + 3 }
      guard HTMLTags.isLetter(bytes[index + 2]) else {
        return bogusComment(bytes, from: index + 2, end: end)
      }
      let tag = HTMLTags.scanTag(bytes, nameStart: index + 2, end: end, isEnd: true)
      if tag.closed { endTag(tag.name, builder: &builder) }
      return tag.end
    }
    guard HTMLTags.isLetter(next) else { return nil }
    let tag = HTMLTags.scanTag(
      bytes, nameStart: index + 1, end: end, isEnd: false,
      wantAttributes: { $0 == "meta" || $0 == "time" })
    guard tag.closed else { return end }
    return startTag(tag, bytes, end: end, builder: &builder)
  }

  private func bogusComment(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
    var index = start
    while index < end && bytes[index] != UInt8(ascii: ">") { index += 1 }
    return min(index + 1, end)
  }

  private func comment(
    _ bytes: [UInt8], at start: Int, end: Int, builder: inout TextBuilder
  ) -> Int {
    // "<!-->" and "<!--->" are (empty) comments too, so the search starts at the first "-".
    var index = start + 2
    while index + 2 < end {
      if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-")
        && bytes[index + 2] == UInt8(ascii: ">")
      {
        builder.comment(start, index + 3, body: start + 4, index)
        return index + 3
      }
      index += 1
    }
    builder.comment(start, end, body: start + 4, end)
    return end
  }

  private mutating func startTag(
    _ tag: HTMLTags.Tag, _ bytes: [UInt8], end: Int, builder: inout TextBuilder
  ) -> Int {
    let name = tag.name
    if inHead && !Self.headElements.contains(name) { inHead = false }
    if Self.rawText.contains(name) {
      let close = HTMLTags.findEndTag(bytes, name: name, from: tag.end, end: end)
      if name == "title" && title == nil && builder.skipDepth == 0 {
        let text = HTMLTags.decodedText(bytes, tag.end, close)
        if !text.isEmpty { title = text }
      }
      return close
    }
    switch name {
    case "head":
      inHead = !tag.selfClosing
      return tag.end
    case "body":
      inHead = false
    case "meta":
      readMeta(tag.attributes)
      return tag.end
    case "time":
      if timeDate == nil,
        let value = tag.attributes.first(where: { $0.name == "datetime" })?.value
      {
        timeDate = ArticleDates.isoPrefix(value)
      }
    default:
      break
    }
    let role = HTMLTags.role(name)
    if role == .skip && tag.selfClosing { return tag.end }
    if role == .skip { skipped[name, default: 0] += 1 }
    HTMLTags.apply(role, isEnd: false, to: &builder)
    switch name {
    case "table": builder.beginTable()
    case "thead": headDepth += 1
    case "tr": builder.beginRow(isHeader: headDepth > 0)
    case "td", "th": builder.beginCell(isHeader: name == "th")
    default: break
    }
    if role == .pre {
      preDepth += 1
      builder.whitespace = .raw
      // The newline right after <pre> is not content.
      var next = tag.end
      if next < end && bytes[next] == 0x0d { next += 1 }
      if next < end && bytes[next] == 0x0a { return next + 1 }
    }
    return tag.end
  }

  private mutating func endTag(_ name: String, builder: inout TextBuilder) {
    if name == "head" {
      inHead = false
      return
    }
    let role = HTMLTags.role(name)
    switch role {
    case .skip:
      // Only an element that was opened can be closed; a stray end tag changes nothing.
      guard let open = skipped[name], open > 0 else { return }
      skipped[name] = open - 1
    case .pre:
      guard preDepth > 0 else { break }
      preDepth -= 1
      HTMLTags.apply(role, isEnd: true, to: &builder)
      if preDepth == 0 { builder.whitespace = .collapse }
      return
    default:
      break
    }
    HTMLTags.apply(role, isEnd: true, to: &builder)
    switch name {
    case "table": builder.endTable()
    case "thead": headDepth = max(0, headDepth - 1)
    default: break
    }
  }

  private mutating func readMeta(_ attributes: [(name: String, value: String)]) {
    var key: String?
    var content: String?
    for (name, value) in attributes {
      switch name {
      case "name", "property", "itemprop": key = key ?? value.lowercased()
      case "content": content = value
      default: break
      }
    }
    guard let key, let content else { return }
    if key == "date" && metaDate == nil { metaDate = ArticleDates.isoPrefix(content) }
    if key == "article:published_time" && publishedDate == nil {
      publishedDate = ArticleDates.isoPrefix(content)
    }
  }
}
