import FactlintModel

/// The keys of one YAML mapping, read with located errors: unknown keys fail with a suggestion,
/// wrong types name what was expected.
package struct YAMLFields {
  package let file: String
  let node: YAMLNode
  let context: String
  /// The pairs, each key checked; few enough, as every key must be allowed, that a scan finds a
  /// key faster than a dictionary built for each mapping would.
  private let pairs: [YAMLPair]

  /// Reads `node` as a mapping whose keys must be among `allowed`.
  package init(_ node: YAMLNode, file: String, context: String, allowed: [String]) throws(Problem) {
    self.file = file
    self.node = node
    self.context = context
    guard let pairs = node.mapping else {
      throw Problem(
        .notAMapping(what: context, found: node.kindName), at: Self.location(node, file))
    }
    self.pairs = pairs
    for pair in pairs {
      guard let key = pair.key.scalar else {
        throw Problem(
          .wrongType(key: "key", expected: "a name", found: pair.key.kindName),
          at: Self.location(pair.key, file))
      }
      guard allowed.contains(key) else {
        throw Problem(
          .unknownKey(key, context: context, suggestion: Suggestion.closest(to: key, in: allowed)),
          at: Self.location(pair.key, file))
      }
    }
  }

  /// The location of a node, spanning a scalar's text.
  package static func location(_ node: YAMLNode, _ file: String) -> SourceLocation {
    var length = node.scalar?.count ?? 1
    if let style = node.style, style == .singleQuoted || style == .doubleQuoted { length += 2 }
    return SourceLocation(file: file, mark: node.mark, length: length)
  }

  /// The location of a node in this file.
  package func location(_ node: YAMLNode) -> SourceLocation { Self.location(node, file) }

  /// The location of the mapping itself.
  package var location: SourceLocation { SourceLocation(file: file, mark: node.mark) }

  /// The value node of `key`, if present.
  package subscript(key: String) -> YAMLNode? {
    // Keys are unique, as the parser rejects duplicates.
    pairs.first { $0.key.scalar == key }?.value
  }

  /// The value of a required key.
  package func required(_ key: String) throws(Problem) -> YAMLNode {
    guard let value = self[key] else {
      throw Problem(.missingKey(key, context: context), at: location)
    }
    return value
  }

  /// A non-empty scalar, or nil when the key is absent.
  package func text(_ key: String) throws(Problem) -> (String, YAMLNode)? {
    guard let value = self[key] else { return nil }
    guard let text = value.scalar else {
      throw Problem(
        .wrongType(key: key, expected: "a single value", found: value.kindName), at: location(value)
      )
    }
    let trimmed = text.trimmingSpaces
    guard !trimmed.isEmpty else { throw Problem(.emptyValue(key: key), at: location(value)) }
    return (trimmed, value)
  }

  /// A required non-empty scalar.
  package func requiredText(_ key: String) throws(Problem) -> (String, YAMLNode) {
    guard let found = try text(key) else {
      throw Problem(.missingKey(key, context: context), at: location)
    }
    return found
  }

  /// A period.
  package func period(_ key: String) throws(Problem) -> Period? {
    guard let (text, node) = try text(key) else { return nil }
    guard let period = Period(text) else { throw Problem(.invalidPeriod(text), at: location(node)) }
    return period
  }

  /// A plain `true` or `false`; a quoted "true" is text, not a boolean.
  package func boolean(_ key: String) throws(Problem) -> Bool? {
    guard let value = self[key] else { return nil }
    if value.style == .plain, let text = value.scalar {
      switch text {
      case "true", "True", "TRUE", "yes": return true
      case "false", "False", "FALSE", "no": return false
      default: break
      }
    }
    throw Problem(
      .wrongType(key: key, expected: "true or false", found: Self.describe(value)),
      at: location(value))
  }

  /// A scalar or a sequence of scalars, as a list.
  package func list(_ key: String) throws(Problem) -> [(String, YAMLNode)]? {
    guard let value = self[key] else { return nil }
    let items = value.sequence ?? [value]
    var result: [(String, YAMLNode)] = []
    for item in items {
      guard let text = item.scalar, !text.trimmingSpaces.isEmpty else {
        throw Problem(
          .wrongType(key: key, expected: "a list of names", found: Self.describe(item)),
          at: location(item))
      }
      result.append((text.trimmingSpaces, item))
    }
    return result
  }

  /// A node described for an error message: `"70"` (quoted text) or "a mapping".
  package static func describe(_ node: YAMLNode) -> String {
    guard let text = node.scalar else { return node.kindName }
    switch node.style {
    case .plain?: return "'\(text)'"
    default: return "the text \"\(text)\""
    }
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  package var trimmingSpaces: String {
    // Scanned as bytes: every character trimmed is ASCII, and most values have nothing to trim.
    let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    let bytes = utf8
    guard let first = bytes.firstIndex(where: { !isSpace($0) }),
      let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    let end = bytes.index(after: last)
    return first == bytes.startIndex && end == bytes.endIndex ? self : String(self[first..<end])
  }
}
