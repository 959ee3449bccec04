import FactlintModel

/// The `factlint-disable-next-line RULE-ID[, RULE-ID...]: reason` directive in a comment.
struct Directive: Equatable {
  /// The rules it silences.
  var ruleIDs: [String]
  /// Why, with white space runs made single spaces.
  var reason: String

  static let keyword = "factlint-disable-next-line"

  /// The directive in the comment body `bytes[from..<to]`; nil when the comment is no directive,
  /// a failure when it is one but cannot be used.
  static func parse(_ bytes: [UInt8], from: Int, to: Int) -> Result<Directive, ArticleError>? {
    var start = from
    while start < to && isSpace(bytes[start]) { start += 1 }
    // Most comments are not ours; look at the prefix before making a string.
    let prefix = Array("factlint-".utf8)
    guard to - start >= prefix.count else { return nil }
    for offset in 0..<prefix.count where bytes[start + offset] | 0x20 != prefix[offset] | 0x20 {
      return nil
    }
    let body = String(decoding: bytes[start..<to], as: UTF8.self)
    return parse(body)
  }

  /// The directive in a comment body that starts with "factlint-".
  static func parse(_ body: String) -> Result<Directive, ArticleError> {
    let text = Substring(body)
    let wordEnd = text.firstIndex { $0.isWhitespace || $0 == ":" } ?? text.endIndex
    let word = text[..<wordEnd]
    guard word.lowercased() == keyword else {
      return .failure(.unknownDirective(String(word)))
    }
    var rest = text[wordEnd...].drop { $0.isWhitespace }
    var ids: [String] = []
    while let first = rest.first, isIDCharacter(first) {
      let idEnd = rest.firstIndex { !isIDCharacter($0) } ?? rest.endIndex
      ids.append(String(rest[..<idEnd]))
      rest = rest[idEnd...].drop { $0.isWhitespace }
      guard rest.first == "," else { break }
      rest = rest.dropFirst().drop { $0.isWhitespace }
    }
    let shown = collapse(body)
    guard !ids.isEmpty else {
      return rest.isEmpty || rest.first == ":"
        ? .failure(.suppressionWithoutRule) : .failure(.malformedSuppression(shown))
    }
    guard rest.isEmpty || rest.first == ":" else { return .failure(.malformedSuppression(shown)) }
    let reason = collapse(String(rest.dropFirst()))
    guard !reason.isEmpty else {
      return .failure(.suppressionWithoutReason(ruleID: ids.joined(separator: ", ")))
    }
    return .success(Directive(ruleIDs: ids, reason: reason))
  }

  private static func isIDCharacter(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return false }
    return character.isLetter || character.isNumber || ascii == UInt8(ascii: "_")
      || ascii == UInt8(ascii: ".") || ascii == UInt8(ascii: "-")
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d || byte == 0x0c
  }

  private static func collapse(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
