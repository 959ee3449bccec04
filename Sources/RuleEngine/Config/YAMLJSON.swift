import FactlintModel
import FactlintYAML

/// YAML values written as JSON, for passing a plugin rule's parameters on unchanged.
enum YAMLJSON {
  /// A JSON object of the given pairs.
  static func object(_ pairs: [YAMLPair]) -> String {
    "{"
      + pairs.map { JSONWriter.quote($0.key.scalar ?? "") + ": " + value($0.value) }
      .joined(separator: ", ") + "}"
  }

  /// A node as JSON: plain scalars that YAML reads as numbers, booleans or null keep that type.
  static func value(_ node: YAMLNode) -> String {
    switch node.kind {
    case .scalar(let text, let style):
      guard style == .plain else { return JSONWriter.quote(text) }
      switch text {
      case "true", "false": return text
      case "null", "~", "": return "null"
      default: return number(text) ?? JSONWriter.quote(text)
      }
    case .sequence(let items):
      return "[" + items.map(value).joined(separator: ", ") + "]"
    case .mapping(let pairs):
      return object(pairs)
    }
  }

  /// A number of YAML's core schema (`-01`, `.5`, `5.`, `+1e3`, `0x1F`, `0o17`) written as JSON
  /// writes it (`-1`, `0.5`, `5`, `1e3`, `31`, `15`); nil for any other text, and for `.inf`
  /// and `.nan`, which JSON cannot hold.
  static func number(_ text: String) -> String? {
    for (prefix, radix) in [("0x", 16), ("0o", 8)] where text.hasPrefix(prefix) {
      return Int(text.dropFirst(2), radix: radix).map(String.init)
    }
    var rest = Substring(text)
    var sign = ""
    if let first = rest.first, first == "-" || first == "+" {
      sign = first == "-" ? "-" : ""
      rest = rest.dropFirst()
    }
    let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
    let exponent = rest.dropFirst(mantissa.count)
    let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    let fraction = parts.count == 2 ? parts[1] : ""
    guard !(whole.isEmpty && fraction.isEmpty), whole.allSatisfy(\.isASCIIDigit),
      fraction.allSatisfy(\.isASCIIDigit)
    else { return nil }
    var json = sign + (whole.drop { $0 == "0" }.isEmpty ? "0" : String(whole.drop { $0 == "0" }))
    if !fraction.isEmpty { json += "." + fraction }
    if !exponent.isEmpty {
      var digits = exponent.dropFirst()
      var exponentSign = ""
      if let first = digits.first, first == "-" || first == "+" {
        exponentSign = first == "-" ? "-" : ""
        digits = digits.dropFirst()
      }
      guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
      json += "e" + exponentSign + digits
    }
    return json
  }
}
