import FactlintModel

/// Writes indented JSON with keys in the order given.
package final class JSONWriter {
  /// An empty document.
  package init() {}

  package private(set) var text = ""
  private var indent = 0
  private var needsComma = false

  package func object(_ body: () -> Void) {
    open("{")
    body()
    close("}")
  }

  package func array<T>(_ items: [T], _ body: (T) -> Void) {
    guard !items.isEmpty else {
      text += "[]"
      needsComma = true
      return
    }
    open("[")
    for item in items {
      separate()
      body(item)
    }
    close("]")
  }

  package func field(_ key: String, _ body: () -> Void) {
    separate()
    text += Self.quote(key) + ": "
    needsComma = false
    body()
    needsComma = true
  }

  package func field(_ key: String, _ value: String) {
    field(key) { text += Self.quote(value) }
  }

  /// A bare value in an array: a number or `null`, already written as JSON.
  package func value(_ json: String) {
    text += json
    needsComma = true
  }

  /// A string, or `null` when there is none.
  package func field(_ key: String, _ value: String?) {
    field(key) { text += value.map(Self.quote) ?? "null" }
  }

  package func field(_ key: String, _ value: Int) {
    field(key) { text += String(value) }
  }

  /// `true` or `false`.
  package func field(_ key: String, _ value: Bool) {
    field(key) { text += value ? "true" : "false" }
  }

  /// A number, or `null` when there is none.
  package func field(_ key: String, _ value: Int?) {
    field(key) { text += value.map { String($0) } ?? "null" }
  }

  package func location(_ location: SourceLocation) {
    field("file", location.file)
    field("line", location.line)
    field("column", location.column)
  }

  private func open(_ bracket: String) {
    text += bracket
    indent += 1
    needsComma = false
  }

  private func close(_ bracket: String) {
    indent -= 1
    text += "\n" + String(repeating: "  ", count: indent) + bracket
    needsComma = true
  }

  /// Starts a new element on its own line, after a comma when one came before.
  private func separate() {
    if needsComma { text += "," }
    text += "\n" + String(repeating: "  ", count: indent)
    needsComma = false
  }

  /// A JSON string literal.
  package static func quote(_ value: String) -> String {
    // Built as UTF-8 bytes: only quotes, backslashes and control characters are escaped, and
    // every other byte, of any character, is copied as it is.
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    bytes.reserveCapacity(value.utf8.count + 2)
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case ..<0x20:
        let hex = String(byte, radix: 16)
        bytes += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }
}
