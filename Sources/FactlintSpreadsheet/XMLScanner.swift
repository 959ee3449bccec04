/// A streaming scanner of the XML that spreadsheet parts are written in: one start tag, end tag
/// or run of text at a time, with no tree built.
///
/// Element and attribute names are read without their namespace prefix (`x:row` is `row`), as
/// SpreadsheetML is written with or without one; `r:id` keeps its prefix, since a workbook's
/// sheets name their parts by it. The predefined entities and character references are decoded;
/// a document type declaration is refused, so no entity of the document's own is ever expanded.
struct XMLScanner {
  /// What the scanner met.
  enum Event {
    /// `<name a="1">`, or `<name/>` with `isEmpty`.
    case start(name: String, attributes: [String: String], isEmpty: Bool)
    /// `</name>`.
    case end(name: String)
    /// Character data between tags, decoded.
    case text(String)
  }

  /// Why the bytes are not well-formed, and at which byte.
  struct Failure: Error {
    var reason: String
    var offset: Int
  }

  private let bytes: [UInt8]
  private(set) var offset = 0
  /// The elements open at `offset`, with where each starts.
  private var open: [(name: String, offset: Int)] = []

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The next event, or nil at the end of the document.
  mutating func next() throws(Failure) -> Event? {
    while offset < bytes.count {
      if bytes[offset] != UInt8(ascii: "<") {
        let start = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") { offset += 1 }
        return .text(try Self.decode(bytes[start..<offset]))
      }
      if starts(with: "<?") {
        try skip(past: "?>", what: "processing instruction")
        continue
      }
      if starts(with: "<!--") {
        try skip(past: "-->", what: "comment")
        continue
      }
      if starts(with: "<![CDATA[") {
        let start = offset + 9
        try skip(past: "]]>", what: "CDATA section")
        return .text(String(decoding: bytes[start..<(offset - 3)], as: UTF8.self))
      }
      if starts(with: "<!") {
        throw Failure(
          reason: "a document type declaration, which spreadsheet parts never hold", offset: offset)
      }
      let start = offset
      let event = try tag()
      switch event {
      case .start(let name, _, false): open.append((name, start))
      case .end(let name):
        guard let last = open.popLast() else {
          throw Failure(reason: "</\(name)> closes no element", offset: start)
        }
        guard last.name == name else {
          throw Failure(reason: "</\(name)> closes <\(last.name)>", offset: start)
        }
      default: break
      }
      return event
    }
    if let last = open.last {
      throw Failure(reason: "the element <\(last.name)> is not closed", offset: last.offset)
    }
    return nil
  }

  private func starts(with text: StaticString) -> Bool {
    let length = text.utf8CodeUnitCount
    guard offset + length <= bytes.count else { return false }
    return text.withUTF8Buffer { prefix in
      (0..<length).allSatisfy { bytes[offset + $0] == prefix[$0] }
    }
  }

  private mutating func skip(past end: StaticString, what: String) throws(Failure) {
    let start = offset
    while offset < bytes.count {
      if starts(with: end) {
        offset += end.utf8CodeUnitCount
        return
      }
      offset += 1
    }
    throw Failure(reason: "the \(what) is not closed", offset: start)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    !isSpace(byte) && byte != UInt8(ascii: "=") && byte != UInt8(ascii: ">")
      && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "\"")
      && byte != UInt8(ascii: "'")
  }

  private mutating func skipSpace() {
    while offset < bytes.count, Self.isSpace(bytes[offset]) { offset += 1 }
  }

  private mutating func name() throws(Failure) -> String {
    let start = offset
    while offset < bytes.count, Self.isNameByte(bytes[offset]) { offset += 1 }
    guard offset > start else { throw Failure(reason: "expected a name", offset: start) }
    return String(decoding: bytes[start..<offset], as: UTF8.self)
  }

  /// A name without its prefix, but for the relationship id `r:id`.
  private static func local(_ name: String) -> String {
    guard let colon = name.firstIndex(of: ":") else { return name }
    if name.hasSuffix(":id") && !name.hasPrefix("xmlns") { return "r:id" }
    return String(name[name.index(after: colon)...])
  }

  private mutating func tag() throws(Failure) -> Event {
    let start = offset
    offset += 1
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "/") {
      offset += 1
      let name = try name()
      skipSpace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: ">") else {
        throw Failure(reason: "expected '>' to end </\(name)>", offset: offset)
      }
      offset += 1
      return .end(name: Self.local(name))
    }
    let name = try name()
    var attributes: [String: String] = [:]
    while true {
      skipSpace()
      guard offset < bytes.count else {
        throw Failure(reason: "the tag <\(name)> is not closed", offset: start)
      }
      if bytes[offset] == UInt8(ascii: ">") {
        offset += 1
        return .start(name: Self.local(name), attributes: attributes, isEmpty: false)
      }
      if bytes[offset] == UInt8(ascii: "/") {
        offset += 1
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ">") else {
          throw Failure(reason: "expected '>' after '/' in <\(name)>", offset: offset)
        }
        offset += 1
        return .start(name: Self.local(name), attributes: attributes, isEmpty: true)
      }
      let attribute = try self.name()
      skipSpace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else {
        throw Failure(reason: "expected '=' after the attribute \(attribute)", offset: offset)
      }
      offset += 1
      skipSpace()
      guard offset < bytes.count,
        bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'")
      else {
        throw Failure(reason: "the attribute \(attribute) needs a quoted value", offset: offset)
      }
      let quote = bytes[offset]
      offset += 1
      let valueStart = offset
      while offset < bytes.count, bytes[offset] != quote {
        guard bytes[offset] != UInt8(ascii: "<") else {
          throw Failure(reason: "'<' in the value of \(attribute)", offset: offset)
        }
        offset += 1
      }
      guard offset < bytes.count else {
        throw Failure(reason: "the value of \(attribute) is not closed", offset: valueStart)
      }
      attributes[Self.local(attribute)] = try Self.decode(bytes[valueStart..<offset])
      offset += 1
    }
  }

  /// Text with its entity and character references decoded.
  static func decode(_ text: ArraySlice<UInt8>) throws(Failure) -> String {
    guard text.contains(UInt8(ascii: "&")) else { return String(decoding: text, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var index = text.startIndex
    while index < text.endIndex {
      let byte = text[index]
      guard byte == UInt8(ascii: "&") else {
        out.append(byte)
        index += 1
        continue
      }
      guard let semicolon = text[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
        throw Failure(reason: "'&' that starts no reference; write it as &amp;", offset: index)
      }
      let name = String(decoding: text[(index + 1)..<semicolon], as: UTF8.self)
      let scalar: Unicode.Scalar?
      switch name {
      case "lt": scalar = "<"
      case "gt": scalar = ">"
      case "amp": scalar = "&"
      case "quot": scalar = "\""
      case "apos": scalar = "'"
      default:
        if name.hasPrefix("#x") {
          scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if name.hasPrefix("#") {
          scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
        } else {
          scalar = nil
        }
      }
      guard let scalar, scalar.value != 0 else {
        throw Failure(reason: "the reference &\(name); is not one XML defines", offset: index)
      }
      out.append(contentsOf: Array(String(Character(scalar)).utf8))
      index = semicolon + 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
