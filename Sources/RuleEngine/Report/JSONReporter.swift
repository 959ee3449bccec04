/// Machine-readable output, one JSON object with a version:
/// `{"version": 1, "diagnostics": [...], "summary": {"errors", "warnings", "files"}}`.
public enum JSONReporter: Reporter {
  /// `json`.
  public static let id = "json"
  /// Bumped when a field changes meaning or disappears; new fields do not bump it.
  public static let version = 1

  /// The diagnostics as one JSON object, keys in a fixed order.
  public static func report(_ result: LintResult, context: ReportContext) -> String {
    let json = JSONWriter()
    json.object {
      json.field("version", version)
      json.field("diagnostics") {
        json.array(result.diagnostics) { diagnostic in
          json.object {
            json.location(diagnostic.location)
            json.field("severity", diagnostic.severity.rawValue)
            json.field("rule", diagnostic.ruleID)
            json.field("check", diagnostic.checkID)
            json.field("message", diagnostic.message)
            json.field("notes") {
              json.array(diagnostic.notes) { note in
                json.object {
                  json.location(note.location)
                  json.field("message", note.message)
                }
              }
            }
            json.field("fingerprint", diagnostic.fingerprint)
          }
        }
      }
      json.field("summary") {
        json.object {
          json.field("errors", result.count(.error))
          json.field("warnings", result.count(.warning))
          json.field("notes", result.count(.note))
          json.field("files", result.fileCount)
        }
      }
    }
    return json.text + "\n"
  }
}

/// Writes indented JSON with keys in the order given.
final class JSONWriter {
  private(set) var text = ""
  private var indent = 0
  private var needsComma = false

  func object(_ body: () -> Void) {
    open("{")
    body()
    close("}")
  }

  func array<T>(_ items: [T], _ body: (T) -> Void) {
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

  func field(_ key: String, _ body: () -> Void) {
    separate()
    text += Self.quote(key) + ": "
    needsComma = false
    body()
    needsComma = true
  }

  func field(_ key: String, _ value: String) {
    field(key) { text += Self.quote(value) }
  }

  /// A bare value in an array: a number or `null`, already written as JSON.
  func value(_ json: String) {
    text += json
    needsComma = true
  }

  /// A string, or `null` when there is none.
  func field(_ key: String, _ value: String?) {
    field(key) { text += value.map(Self.quote) ?? "null" }
  }

  func field(_ key: String, _ value: Int) {
    field(key) { text += String(value) }
  }

  /// A number, or `null` when there is none.
  func field(_ key: String, _ value: Int?) {
    field(key) { text += value.map { String($0) } ?? "null" }
  }

  func location(_ location: SourceLocation) {
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
  static func quote(_ value: String) -> String {
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
