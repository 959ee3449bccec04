import RuleEngine

// The pieces the JSON Schemas are built of.

extension GeneratedFiles {
  /// `node` as indented JSON with a trailing newline.
  static func json(_ node: JSONNode) -> String {
    let writer = JSONWriter()
    writer.write(node)
    return writer.text + "\n"
  }

  /// The keywords every schema starts with.
  static func header(_ name: String, title: String, description: String)
    -> [(key: String, value: JSONNode)]
  {
    [
      ("$schema", "https://json-schema.org/draft/2020-12/schema"),
      ("$id", "https://factlint.dev/schema/\(name).schema.json"),
      ("$comment", .string(notice)),
      ("title", .string(title)),
      ("description", .string(description)),
    ]
  }

  /// A path or pattern, or a list of them.
  static func stringOrList(_ description: String) -> JSONNode {
    [
      "description": .string(description),
      "anyOf": [
        ["type": "string", "minLength": 1],
        ["type": "array", "items": ["type": "string", "minLength": 1]],
      ],
    ]
  }

  /// One item or a list of them, as the loaders read both.
  static func oneOrList(_ description: String, _ item: JSONNode) -> JSONNode {
    ["description": .string(description), "anyOf": [item, ["type": "array", "items": item]]]
  }

  /// Text that is more than spaces, as a reason must be.
  static func nonEmpty(_ description: String) -> JSONNode {
    ["description": .string(description), "type": "string", "minLength": 1, "pattern": "\\S"]
  }

  /// The members of `first`, then those of the object `rest`.
  static func merged(_ first: [(key: String, value: JSONNode)], _ rest: JSONNode)
    -> JSONNode
  {
    guard case .object(let members) = rest else { return rest }
    return .object(first + members)
  }
}

/// A JSON value whose object keys keep the order they were written in, so output is stable.
enum JSONNode: ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  case string(String)
  case integer(Int)
  case boolean(Bool)
  case array([JSONNode])
  case object([(key: String, value: JSONNode)])

  init(stringLiteral value: String) { self = .string(value) }
  init(integerLiteral value: Int) { self = .integer(value) }
  init(booleanLiteral value: Bool) { self = .boolean(value) }
  init(arrayLiteral elements: JSONNode...) { self = .array(elements) }
  init(dictionaryLiteral elements: (String, JSONNode)...) {
    self = .object(elements.map { (key: $0.0, value: $0.1) })
  }
}

extension JSONWriter {
  /// Writes `node` at the current position.
  func write(_ node: JSONNode) {
    switch node {
    case .string(let text): value(Self.quote(text))
    case .integer(let number): value(String(number))
    case .boolean(let flag): value(flag ? "true" : "false")
    case .array(let items): array(items) { write($0) }
    case .object(let members):
      // The writer's object always breaks a line; an empty one reads better as `{}`.
      guard !members.isEmpty else { return value("{}") }
      object {
        for (key, member) in members { field(key) { write(member) } }
      }
    }
  }
}
