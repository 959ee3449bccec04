import FactlintModel

/// A JSON value that remembers where it was written; strings stay undecoded until needed.
package struct JSONValue {
  /// What the value is.
  package enum Kind {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    /// The raw bytes between the quotes.
    case string(start: Int, end: Int)
    /// The bytes of the number are from the value's start to `end`.
    case number(end: Int)
    case bool
    case null
  }

  /// What the value is.
  package var kind: Kind
  /// The offset of its first byte.
  package var start: Int

  /// The member named `key` of an object.
  package subscript(key: String) -> JSONValue? {
    guard case .object(let members) = kind else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The decoded text of a string, or the digits of a number as written; nil for other kinds.
  package func text(in bytes: [UInt8]) -> String? {
    switch kind {
    case .string(let start, let end): return JSONStrings.string(bytes, start, end)
    case .number(let end): return String(decoding: bytes[start..<end], as: UTF8.self)
    default: return nil
    }
  }

  /// The members of an object in order, or nil for another kind.
  package var members: [(key: String, value: JSONValue)]? {
    guard case .object(let members) = kind else { return nil }
    return members
  }

  /// The elements of an array, or nil for another kind.
  package var elements: [JSONValue]? {
    guard case .array(let elements) = kind else { return nil }
    return elements
  }

  /// "an object", "a string", ..., for messages.
  package var kindName: String {
    switch kind {
    case .object: return "an object"
    case .array: return "an array"
    case .string: return "a string"
    case .number: return "a number"
    case .bool: return "true or false"
    case .null: return "null"
    }
  }
}

/// A strict JSON parser that keeps byte offsets, so locations can point into the file.
///
/// It is iterative, so deep nesting cannot overflow the stack, and it refuses nesting deeper
/// than `depthLimit`.
package struct JSONParser {
  /// Why the bytes are not usable JSON, and where.
  package enum Failure: Error {
    case invalid(String, at: Int)
    case tooDeep(at: Int)
  }

  /// The deepest nesting of arrays and objects accepted.
  package static let depthLimit = 512

  private let bytes: [UInt8]
  private var index: Int

  /// An open array or object. Its elements are appended in place on the stack: a frame popped,
  /// extended and pushed again would copy them all at each element.
  private struct Frame {
    let start: Int
    let isObject: Bool
    var items: [JSONValue] = []
    var members: [(key: String, value: JSONValue)] = []
    /// The key of the member being read, in an object.
    var key = ""
  }

  /// Parses the document in `bytes` from `start`.
  package static func parse(_ bytes: [UInt8], from start: Int) throws(Failure) -> JSONValue {
    var parser = JSONParser(bytes: bytes, index: start)
    return try parser.document()
  }

  private mutating func document() throws(Failure) -> JSONValue {
    var stack: [Frame] = []
    while true {
      skipSpace()
      var value: JSONValue
      guard index < bytes.count else { throw .invalid("expected a value", at: index) }
      let start = index
      switch bytes[index] {
      case UInt8(ascii: "{"):
        guard stack.count < Self.depthLimit else { throw .tooDeep(at: start) }
        index += 1
        skipSpace()
        if peek(UInt8(ascii: "}")) {
          index += 1
          value = JSONValue(kind: .object([]), start: start)
        } else {
          let key = try memberKey()
          stack.append(Frame(start: start, isObject: true, key: key))
          continue
        }
      case UInt8(ascii: "["):
        guard stack.count < Self.depthLimit else { throw .tooDeep(at: start) }
        index += 1
        skipSpace()
        if peek(UInt8(ascii: "]")) {
          index += 1
          value = JSONValue(kind: .array([]), start: start)
        } else {
          stack.append(Frame(start: start, isObject: false))
          continue
        }
      case UInt8(ascii: "\""):
        let end = try string()
        value = JSONValue(kind: .string(start: start + 1, end: end - 1), start: start)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        try number()
        value = JSONValue(kind: .number(end: index), start: start)
      case UInt8(ascii: "t"):
        try literal("true")
        value = JSONValue(kind: .bool, start: start)
      case UInt8(ascii: "f"):
        try literal("false")
        value = JSONValue(kind: .bool, start: start)
      case UInt8(ascii: "n"):
        try literal("null")
        value = JSONValue(kind: .null, start: start)
      default:
        throw .invalid("expected a value", at: start)
      }
      // Hand the finished value to the containers that are complete with it.
      while true {
        guard let last = stack.indices.last else {
          skipSpace()
          guard index == bytes.count else {
            throw .invalid("unexpected text after the JSON value", at: index)
          }
          return value
        }
        skipSpace()
        if stack[last].isObject {
          stack[last].members.append((stack[last].key, value))
          if peek(UInt8(ascii: ",")) {
            index += 1
            skipSpace()
            stack[last].key = try memberKey()
          } else if peek(UInt8(ascii: "}")) {
            index += 1
            let frame = stack.removeLast()
            value = JSONValue(kind: .object(frame.members), start: frame.start)
            continue
          } else {
            throw .invalid("expected ',' or '}' after an object member", at: index)
          }
        } else {
          stack[last].items.append(value)
          if peek(UInt8(ascii: ",")) {
            index += 1
          } else if peek(UInt8(ascii: "]")) {
            index += 1
            let frame = stack.removeLast()
            value = JSONValue(kind: .array(frame.items), start: frame.start)
            continue
          } else {
            throw .invalid("expected ',' or ']' after an array element", at: index)
          }
        }
        break
      }
    }
  }

  private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0a, 0x0d: index += 1
      default: return
      }
    }
  }

  /// Reads `"key" :` and returns the key.
  private mutating func memberKey() throws(Failure) -> String {
    guard peek(UInt8(ascii: "\"")) else {
      throw .invalid("expected a member name in double quotes", at: index)
    }
    let start = index
    let end = try string()
    skipSpace()
    guard peek(UInt8(ascii: ":")) else { throw .invalid("expected ':' after the name", at: index) }
    index += 1
    return JSONStrings.string(bytes, start + 1, end - 1)
  }

  /// Checks the string at `index` (its opening quote) and returns the offset after its closing
  /// quote.
  private mutating func string() throws(Failure) -> Int {
    let start = index
    index += 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return index
      }
      if byte < 0x20 {
        throw .invalid(
          "a control character in a string; write it as an escape such as \\n", at: index)
      }
      if byte == UInt8(ascii: "\\") {
        guard index + 1 < bytes.count else { break }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          index += 2
        case UInt8(ascii: "u"):
          guard index + 6 <= bytes.count,
            bytes[index + 2..<index + 6].allSatisfy({ JSONStrings.hexValue($0) != nil })
          else {
            throw .invalid("'\\u' must be followed by four hex digits", at: index)
          }
          index += 6
        default:
          let shown = String(decoding: [bytes[index + 1]], as: UTF8.self)
          throw .invalid("invalid escape '\\\(shown)' in a string", at: index)
        }
        continue
      }
      index += 1
    }
    throw .invalid("the string is not closed; add the closing '\"'", at: start)
  }

  private mutating func number() throws(Failure) {
    let start = index
    func digits() -> Int {
      let from = index
      while index < bytes.count && bytes[index] >= UInt8(ascii: "0")
        && bytes[index] <= UInt8(ascii: "9")
      {
        index += 1
      }
      return index - from
    }
    if peek(UInt8(ascii: "-")) { index += 1 }
    let leadingZero = peek(UInt8(ascii: "0"))
    let integer = digits()
    guard integer > 0, !(leadingZero && integer > 1) else {
      throw .invalid("invalid number", at: start)
    }
    if peek(UInt8(ascii: ".")) {
      index += 1
      guard digits() > 0 else { throw .invalid("invalid number", at: start) }
    }
    if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
      index += 1
      if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
      guard digits() > 0 else { throw .invalid("invalid number", at: start) }
    }
  }

  private mutating func literal(_ word: String) throws(Failure) {
    for byte in word.utf8 {
      guard peek(byte) else {
        throw .invalid("expected a value; did you mean '\(word)'?", at: index)
      }
      index += 1
    }
  }
}

/// Decoding of JSON string contents that the parser has checked.
package enum JSONStrings {
  /// The string `bytes[start..<end]` decoded, with a map from its offsets to the file's.
  static func decode(_ bytes: [UInt8], _ start: Int, _ end: Int) -> ([UInt8], OffsetMap) {
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    var map = OffsetMap()
    map.add(text: 0, source: start, verbatim: true)
    var index = start
    var runStart = start
    while index < end {
      guard bytes[index] == UInt8(ascii: "\\") else {
        index += 1
        continue
      }
      out.append(contentsOf: bytes[runStart..<index])
      let (scalar, length) = escape(bytes, at: index, end: end)
      map.add(text: out.count, source: index, verbatim: false)
      UTF8Scalar.append(scalar, to: &out)
      index += length
      map.add(text: out.count, source: index, verbatim: true)
      runStart = index
    }
    out.append(contentsOf: bytes[runStart..<end])
    map.add(text: out.count, source: end, verbatim: true)
    return (out, map)
  }

  /// The string `bytes[start..<end]` decoded, for names and short values.
  package static func string(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
    guard bytes[start..<end].contains(UInt8(ascii: "\\")) else {
      return String(decoding: bytes[start..<end], as: UTF8.self)
    }
    return String(decoding: decode(bytes, start, end).0, as: UTF8.self)
  }

  /// The scalar of the escape at `index` and its length; lone surrogates and NUL become U+FFFD.
  static func escape(_ bytes: [UInt8], at index: Int, end: Int) -> (UInt32, Int) {
    guard index + 1 < end else { return (0xfffd, 1) }
    switch bytes[index + 1] {
    case UInt8(ascii: "b"): return (0x08, 2)
    case UInt8(ascii: "f"): return (0x0c, 2)
    case UInt8(ascii: "n"): return (0x0a, 2)
    case UInt8(ascii: "r"): return (0x0d, 2)
    case UInt8(ascii: "t"): return (0x09, 2)
    case UInt8(ascii: "u"):
      guard let high = hex4(bytes, index + 2, end) else { return (0xfffd, 2) }
      if (0xd800..<0xdc00).contains(high) && index + 12 <= end
        && bytes[index + 6] == UInt8(ascii: "\\") && bytes[index + 7] == UInt8(ascii: "u"),
        let low = hex4(bytes, index + 8, end), (0xdc00..<0xe000).contains(low)
      {
        return (0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00), 12)
      }
      if high == 0 || (0xd800..<0xe000).contains(high) { return (0xfffd, 6) }
      return (high, 6)
    default: return (UInt32(bytes[index + 1]), 2)
    }
  }

  private static func hex4(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt32? {
    guard start + 4 <= end else { return nil }
    var value: UInt32 = 0
    for byte in bytes[start..<start + 4] {
      guard let digit = hexValue(byte) else { return nil }
      value = value << 4 | digit
    }
    return value
  }

  /// The value of a hex digit.
  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - 48)
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - 87)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - 55)
    default: return nil
    }
  }
}
