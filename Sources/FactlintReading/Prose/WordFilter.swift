/// A set of words that rules out most other words by their length and end letters before the
/// set is searched: for word lists tested against every word of every sentence.
struct WordFilter: Sendable {
  private let words: Set<String>
  /// Whether some word of the set has each slot (see `slot(of:)`).
  private let slots: [Bool]

  init(_ words: Set<String>) {
    self.words = words
    var slots = [Bool](repeating: false, count: 0x1000)
    for word in words { if let slot = Self.slot(of: word) { slots[slot] = true } }
    self.slots = slots
  }

  /// Whether `word` is in the set.
  func contains(_ word: String) -> Bool {
    guard let slot = Self.slot(of: word), slots[slot] else { return false }
    return words.contains(word)
  }

  /// A word's slot: its length and its first and last bytes; nil for words of 16 bytes or more,
  /// which no list holds.
  private static func slot(of word: String) -> Int? {
    let utf8 = word.utf8
    guard let first = utf8.first, let last = utf8.last, utf8.count < 16 else { return nil }
    return (utf8.count << 8 | Int(first &+ last &* 7)) & 0xFFF
  }
}
