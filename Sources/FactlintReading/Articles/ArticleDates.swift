import FactlintModel

/// Finds the dates articles state about themselves.
enum ArticleDates {
  /// The `YYYY-MM-DD` that `text` starts with (after quotes and white space), as in
  /// "2024-08-21T10:00:00" or "2025-06-03 10:00 +0200".
  static func isoPrefix(_ text: String) -> SimpleDate? {
    let bytes = Array(text.utf8)
    var start = 0
    while start < bytes.count
      && (HTMLTags.isSpace(bytes[start]) || bytes[start] == 0x22 || bytes[start] == 0x27)
    {
      start += 1
    }
    return date(bytes, at: start, end: bytes.count)
  }

  /// The `YYYY-MM-DD` at `bytes[start]`, not followed by another digit.
  static func date(_ bytes: [UInt8], at start: Int, end: Int) -> SimpleDate? {
    guard start + 10 <= end else { return nil }
    for offset in 0..<10 {
      let byte = bytes[start + offset]
      let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
      if offset == 4 || offset == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
      } else if !isDigit {
        return nil
      }
    }
    if start + 10 < end && bytes[start + 10] >= UInt8(ascii: "0")
      && bytes[start + 10] <= UInt8(ascii: "9")
    {
      return nil
    }
    return SimpleDate(String(decoding: bytes[start..<start + 10], as: UTF8.self))
  }

  /// A date line among the first five non-empty lines of `text`: "Published 2025-06-03",
  /// "date 2017-07-07", "Date: 2017-07-07", "Posted on 2017-07-07" or a bare ISO date.
  static func early(in text: [UInt8]) -> SimpleDate? {
    var lineStart = 0
    var seen = 0
    while lineStart < text.count && seen < 5 {
      var lineEnd = lineStart
      while lineEnd < text.count && text[lineEnd] != 0x0a { lineEnd += 1 }
      var start = lineStart
      while start < lineEnd && HTMLTags.isSpace(text[start]) { start += 1 }
      if start < lineEnd {
        seen += 1
        if let date = dateLine(text, start, lineEnd) { return date }
      }
      lineStart = lineEnd + 1
    }
    return nil
  }

  private static let labels = ["published", "posted", "dated", "date"]

  private static func dateLine(_ text: [UInt8], _ start: Int, _ end: Int) -> SimpleDate? {
    var index = start
    if text[index] < UInt8(ascii: "0") || text[index] > UInt8(ascii: "9") {
      var wordEnd = index
      while wordEnd < end && HTMLTags.isLetter(text[wordEnd]) { wordEnd += 1 }
      let word = HTMLTags.lowercase(text, index, wordEnd)
      guard labels.contains(word) else { return nil }
      index = wordEnd
      if index < end && text[index] == UInt8(ascii: ":") { index += 1 }
      while index < end && HTMLTags.isSpace(text[index]) { index += 1 }
      if index + 3 <= end && HTMLTags.lowercase(text, index, index + 3) == "on " { index += 3 }
      while index < end && HTMLTags.isSpace(text[index]) { index += 1 }
    }
    return date(text, at: index, end: end)
  }
}
