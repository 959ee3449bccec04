import FactlintModel

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

/// A file's bytes with its line starts, to turn byte offsets into lines and columns.
struct SourceLines: Sendable {
  /// The file's bytes.
  let bytes: [UInt8]
  /// The offset at which each line starts; the first is 0.
  let starts: [UInt32]
  /// In long lines (a WordPress post is one line of JSON), points at which the column is known,
  /// so that columns cost a bounded count rather than one from the start of the line.
  private let checkpoints: [(offset: UInt32, characters: UInt32)]

  /// Lines longer than this get checkpoints this far apart.
  private static let checkpointSpacing = 4096

  /// Indexes the lines of `bytes`.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts: [UInt32] = [0]
    starts.reserveCapacity(bytes.count / 48 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      for index in 0..<buffer.count where buffer[index] == 0x0a {
        starts.append(UInt32(truncatingIfNeeded: index + 1))
      }
    }
    self.starts = starts
    var checkpoints: [(offset: UInt32, characters: UInt32)] = []
    let spacing = Self.checkpointSpacing
    for line in starts.indices {
      let start = Int(starts[line])
      let end = line + 1 < starts.count ? Int(starts[line + 1]) : bytes.count
      guard end - start > 2 * spacing else { continue }
      var previous = start
      var characters = 0
      var candidate = start + spacing
      while candidate < end - spacing {
        // Between two ASCII characters (other than "\r\n") there is always a character
        // boundary, so counts on either side add up.
        if bytes[candidate - 1] < 0x80 && bytes[candidate] < 0x80 && bytes[candidate - 1] != 0x0d {
          characters += Self.characters(in: bytes, from: previous, to: candidate)
          checkpoints.append((UInt32(candidate), UInt32(truncatingIfNeeded: characters)))
          previous = candidate
          candidate += spacing
        } else {
          candidate += 1
        }
      }
    }
    self.checkpoints = checkpoints
  }

  /// The column (0-based, in Unicode scalars) of `offset` in the line starting at `lineStart`.
  private func column(of offset: Int, lineStart: Int) -> Int {
    guard !checkpoints.isEmpty else { return characters(from: lineStart, to: offset) }
    let low = checkpoints.partitionIndex { Int($0.offset) > offset }
    guard low > 0, Int(checkpoints[low - 1].offset) > lineStart else {
      return characters(from: lineStart, to: offset)
    }
    let checkpoint = checkpoints[low - 1]
    return Int(checkpoint.characters) + characters(from: Int(checkpoint.offset), to: offset)
  }

  /// The 0-based line holding byte `offset`.
  func lineIndex(of offset: Int) -> Int {
    max(0, starts.partitionIndex { Int($0) > offset } - 1)
  }

  /// Where the content of line `index` ends: before its "\n" or "\r\n".
  func lineEnd(_ index: Int) -> Int {
    var end = index + 1 < starts.count ? Int(starts[index + 1]) - 1 : bytes.count
    if end > Int(starts[index]) && bytes[end - 1] == 0x0d { end -= 1 }
    return end
  }

  /// The location of byte `offset`, spanning to `end` or to the end of its line.
  func location(file: String, offset: Int, end: Int? = nil) -> SourceLocation {
    let offset = min(max(0, offset), bytes.count)
    let line = lineIndex(of: offset)
    let column = column(of: offset, lineStart: Int(starts[line])) + 1
    var length = 1
    if let end, end > offset {
      length = characters(from: offset, to: min(end, max(offset, lineEnd(line))))
    }
    return SourceLocation(file: file, line: line + 1, column: column, length: length)
  }

  /// The number of Unicode scalars in `bytes[from..<to]`.
  func characters(from: Int, to: Int) -> Int {
    Self.characters(in: bytes, from: from, to: to)
  }

  /// The number of Unicode scalars in `bytes[from..<to]`, the unit of columns everywhere (as
  /// SARIF's `unicodeCodePoints`); "\r\n" counts once.
  static func characters(in bytes: [UInt8], from: Int, to: Int) -> Int {
    guard from < to else { return 0 }
    return bytes.withUnsafeBufferPointer { buffer in
      var count = 0
      var index = from
      while index < to {
        let byte = buffer[index]
        if byte < 0x80 {
          // "\r\n" is one character.
          if byte == 0x0d && index + 1 < to && buffer[index + 1] == 0x0a { index += 1 }
          count += 1
          index += 1
          continue
        }
        let (_, length) = UTF8Scalar.decode(buffer, at: index)
        count += 1
        index += length
      }
      return count
    }
  }
}

/// Decoding of single scalars from valid UTF-8.
enum UTF8Scalar {
  /// The scalar starting at `index` and its length in bytes; invalid input gives U+FFFD.
  static func decode(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let lead = UInt32(buffer[index])
    func continuation(_ offset: Int) -> UInt32 {
      index + offset < buffer.count ? UInt32(buffer[index + offset] & 0x3f) : 0
    }
    switch lead {
    case 0..<0x80: return (lead, 1)
    case 0xc0..<0xe0: return ((lead & 0x1f) << 6 | continuation(1), 2)
    case 0xe0..<0xf0:
      return ((lead & 0x0f) << 12 | continuation(1) << 6 | continuation(2), 3)
    case 0xf0..<0xf8:
      let value = (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6
      return (value | continuation(3), 4)
    default: return (0xfffd, 1)
    }
  }

  /// Appends the UTF-8 encoding of `value` (U+FFFD when it is not a scalar).
  static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    UTF8.encode(scalar, into: { bytes.append($0) })
  }

  /// The UTF-8 encoding of `value`.
  static func encode(_ value: UInt32) -> [UInt8] {
    var bytes: [UInt8] = []
    append(value, to: &bytes)
    return bytes
  }
}
