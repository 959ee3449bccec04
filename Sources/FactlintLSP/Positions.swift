import FactlintModel

/// The unit of a position's `character`, as the client and server agreed in `initialize`.
public enum PositionEncoding: String, Sendable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"

  /// The one to use of those a client offers: UTF-8 or UTF-32 (a column in bytes or in
  /// scalars needs no second count) when offered, else UTF-16, which every client supports.
  static func chosen(from offered: [String]) -> PositionEncoding {
    for preferred in [PositionEncoding.utf8, .utf32] where offered.contains(preferred.rawValue) {
      return preferred
    }
    return .utf16
  }

  /// The units a scalar of `value`, `length` bytes in UTF-8, takes.
  func width(_ value: UInt32, length: Int) -> Int {
    switch self {
    case .utf8: length
    case .utf16: value >= 0x10000 ? 2 : 1
    case .utf32: 1
    }
  }
}

/// A document's lines, to turn factlint's locations (1-based line, column in Unicode scalars)
/// into protocol positions (0-based line, character in the agreed unit), through the line index
/// every location is made with.
struct DocumentLines {
  private let source: SourceLines

  init(_ text: String) {
    source = SourceLines(Array(text.utf8))
  }

  /// The position of the scalar at `column` (1-based) of `line` (1-based).
  func position(line: Int, column: Int, encoding: PositionEncoding) -> (line: Int, character: Int) {
    guard line >= 1, line <= source.starts.count else { return (max(0, line - 1), 0) }
    let end = source.lineEnd(line - 1)
    var offset = Int(source.starts[line - 1])
    var character = 0
    source.bytes.withUnsafeBufferPointer { buffer in
      for _ in 0..<max(0, column - 1) where offset < end {
        let (value, length) = UTF8Scalar.decode(buffer, at: offset)
        character += encoding.width(value, length: length)
        offset += length
      }
    }
    return (line - 1, character)
  }

  /// A protocol range: 0-based positions in the agreed unit.
  struct Span {
    var start: (line: Int, character: Int)
    var end: (line: Int, character: Int)
  }

  /// The range `location` spans on its line.
  func span(of location: SourceLocation, encoding: PositionEncoding) -> Span {
    Span(
      start: position(line: location.line, column: location.column, encoding: encoding),
      end: position(
        line: location.line, column: location.column + max(1, location.length), encoding: encoding)
    )
  }

  /// The range of `location` as a protocol range.
  func range(of location: SourceLocation, encoding: PositionEncoding) -> [String: Any] {
    LanguageServer.json(span(of: location, encoding: encoding))
  }

  /// The text of `line` (1-based), without its line break; empty past the last line.
  func text(ofLine line: Int) -> String {
    guard line >= 1, line <= source.starts.count else { return "" }
    let start = Int(source.starts[line - 1])
    return String(decoding: source.bytes[start..<source.lineEnd(line - 1)], as: UTF8.self)
  }
}
