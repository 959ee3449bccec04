import FactlintModel

/// How a scalar was written.
public enum ScalarStyle: Sendable, Hashable {
  /// Unquoted.
  case plain
  /// In single quotes.
  case singleQuoted
  /// In double quotes.
  case doubleQuoted
  /// A literal block (`|`).
  case literal
  /// A folded block (`>`).
  case folded
}

/// A YAML node with its position.
public struct YAMLNode: Sendable {
  /// What the node holds.
  public enum Kind: Sendable {
    /// A scalar's text and how it was written.
    case scalar(String, ScalarStyle)
    /// A sequence's items.
    case sequence([YAMLNode])
    /// A mapping's pairs, in the order written.
    case mapping([YAMLPair])
  }

  /// What the node holds.
  public var kind: Kind
  // Position and tag are stored compactly: documents have millions of nodes and tags are
  // rare, so this takes a node from 56 to 40 bytes, which parsing speed follows.
  private var line: UInt32
  private var column: UInt32
  private var tagBox: Box<String>?

  /// Where the node starts: its anchor or tag if any, else its first character (for a quoted
  /// scalar the opening quote). A node produced by an alias has the alias's mark.
  public var mark: Mark {
    get { Mark(line: Int(line), column: Int(column)) }
    set {
      line = UInt32(clamping: newValue.line)
      column = UInt32(clamping: newValue.column)
    }
  }

  /// The explicit tag, if any; the standard `tag:yaml.org,2002:` prefix is shown as `!!`.
  public var tag: String? {
    get { tagBox?.value }
    set { tagBox = newValue.map(Box.init) }
  }

  /// Creates a node.
  public init(kind: Kind, mark: Mark, tag: String? = nil) {
    self.kind = kind
    self.line = UInt32(clamping: mark.line)
    self.column = UInt32(clamping: mark.column)
    self.tagBox = tag.map(Box.init)
  }

  /// The value if the node is a scalar.
  public var scalar: String? {
    if case .scalar(let value, _) = kind { return value }
    return nil
  }

  /// The style if the node is a scalar.
  public var style: ScalarStyle? {
    if case .scalar(_, let style) = kind { return style }
    return nil
  }

  /// The items if the node is a sequence.
  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = kind { return items }
    return nil
  }

  /// The pairs, in document order, if the node is a mapping.
  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = kind { return pairs }
    return nil
  }

  /// The value of the first pair whose key is the scalar `key`; nil if none or not a mapping.
  public subscript(key: String) -> YAMLNode? {
    guard case .mapping(let pairs) = kind else { return nil }
    for pair in pairs {
      if case .scalar(let value, _) = pair.key.kind, value == key { return pair.value }
    }
    return nil
  }

  /// "a scalar", "a sequence" or "a mapping", for error messages.
  public var kindName: String {
    switch kind {
    case .scalar: return "a scalar"
    case .sequence: return "a sequence"
    case .mapping: return "a mapping"
    }
  }
}

/// One key and value of a mapping.
public struct YAMLPair: Sendable {
  /// The key node.
  public var key: YAMLNode
  /// The value node.
  public var value: YAMLNode

  /// Creates a pair.
  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
