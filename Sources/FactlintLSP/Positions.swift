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

  func width(_ scalar: Unicode.Scalar) -> Int {
    switch self {
    case .utf8: UTF8.width(scalar)
    case .utf16: UTF16.width(scalar)
    case .utf32: 1
    }
  }
}

/// A document's lines, to turn factlint's locations (1-based line, column in Unicode scalars)
/// into protocol positions (0-based line, character in the agreed unit).
struct DocumentLines {
  private let lines: [Substring]

  /// Lines end at "\n", "\r\n" or a lone "\r", as factlint's locations count them.
  init(_ text: String) {
    var lines: [Substring] = []
    let bytes = text.utf8
    var start = bytes.startIndex
    var index = start
    while index < bytes.endIndex {
      let byte = bytes[index]
      guard byte == 0x0a || byte == 0x0d else {
        index = bytes.index(after: index)
        continue
      }
      lines.append(text[start..<index])
      var next = bytes.index(after: index)
      if byte == 0x0d, next < bytes.endIndex, bytes[next] == 0x0a {
        next = bytes.index(after: next)
      }
      start = next
      index = next
    }
    lines.append(text[start...])
    self.lines = lines
  }

  /// The position of the scalar at `column` (1-based) of `line` (1-based).
  func position(line: Int, column: Int, encoding: PositionEncoding) -> (line: Int, character: Int) {
    guard line >= 1, line <= lines.count else { return (max(0, line - 1), 0) }
    var character = 0
    for scalar in lines[line - 1].unicodeScalars.prefix(max(0, column - 1)) {
      character += encoding.width(scalar)
    }
    return (line - 1, character)
  }

  /// The range of `location` as a protocol range.
  func range(of location: SourceLocation, encoding: PositionEncoding) -> [String: Any] {
    let start = position(line: location.line, column: location.column, encoding: encoding)
    let end = position(
      line: location.line, column: location.column + max(1, location.length), encoding: encoding)
    return [
      "start": ["line": start.line, "character": start.character],
      "end": ["line": end.line, "character": end.character],
    ]
  }
}
