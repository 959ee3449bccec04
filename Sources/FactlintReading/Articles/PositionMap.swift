/// One point of a position map: from `text` on, positions map to the source from `source` on.
///
/// A verbatim anchor advances with the text, so a run copied byte for byte needs one anchor. A
/// replacement anchor (a decoded entity or escape, a synthetic separator) maps its whole span to
/// where the replaced source starts; the anchor after it holds where that source ends.
struct Anchor: Sendable, Hashable {
  /// The offset in the mapped text.
  var text: UInt32
  /// The offset in the source, with bit 31 set for a replacement anchor.
  private var packed: UInt32

  /// Creates an anchor; offsets are below 2^31 because inputs are limited to 512 MB.
  init(text: Int, source: Int, verbatim: Bool) {
    self.text = UInt32(truncatingIfNeeded: text)
    self.packed = UInt32(truncatingIfNeeded: source) | (verbatim ? 0 : 0x8000_0000)
  }

  /// The source offset.
  var source: Int { Int(packed & 0x7fff_ffff) }
  /// Whether the source advances with the text.
  var verbatim: Bool { packed & 0x8000_0000 == 0 }
}

/// A compact, sorted map from offsets in derived text to offsets in the text it came from.
struct OffsetMap: Sendable {
  /// Sorted by `text`; equal `text` values occur only after a replacement, where the first
  /// records the end of the replaced source and the last is the one that applies.
  private(set) var anchors: [Anchor] = []

  /// Records that text from offset `text` on comes from `source`.
  mutating func add(text: Int, source: Int, verbatim: Bool) {
    let anchor = Anchor(text: text, source: source, verbatim: verbatim)
    guard let last = anchors.last else {
      anchors.append(anchor)
      return
    }
    let count = anchors.count
    if Int(last.text) == text {
      // Nothing was emitted since `last`, so it maps nothing, unless it marks where the
      // replacement before it ends; that marker must survive for range lengths.
      let endsReplacement =
        count >= 2 && !anchors[count - 2].verbatim && anchors[count - 2].text < last.text
      if endsReplacement && last.source != source {
        anchors.append(anchor)
      } else {
        anchors[count - 1] = anchor
      }
      return
    }
    if verbatim && last.verbatim && last.source + (text - Int(last.text)) == source { return }
    anchors.append(anchor)
  }

  /// The index of the anchor that applies at `offset`, or nil before the first anchor.
  func index(at offset: Int) -> Int? {
    // The last anchor whose text offset is at most `offset`.
    let after = anchors.partitionIndex { Int($0.text) > offset }
    return after == 0 ? nil : after - 1
  }

  /// The source offset of the character that starts at `offset`.
  func source(at offset: Int) -> Int {
    guard let index = index(at: offset) else { return anchors.first?.source ?? offset }
    let anchor = anchors[index]
    return anchor.verbatim ? anchor.source + (offset - Int(anchor.text)) : anchor.source
  }

  /// The source offset just past what produced the byte at `offset`.
  func sourceEnd(ofByteAt offset: Int) -> Int {
    guard let index = index(at: offset) else { return (anchors.first?.source ?? offset) + 1 }
    let anchor = anchors[index]
    if anchor.verbatim { return anchor.source + (offset - Int(anchor.text)) + 1 }
    return index + 1 < anchors.count ? max(anchors[index + 1].source, anchor.source) : anchor.source
  }

  /// How many anchors the map holds.
  var count: Int { anchors.count }
}
