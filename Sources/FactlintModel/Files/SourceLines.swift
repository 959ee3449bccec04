/// A file's bytes with its line starts, to turn byte offsets into lines and columns: the one
/// line and column calculator, with columns in Unicode scalars (SARIF's `unicodeCodePoints`).
package struct SourceLines: Sendable {
  /// The file's bytes.
  package let bytes: [UInt8]
  /// The offset at which each line starts; the first is 0.
  package let starts: [UInt32]
  /// In long lines (a WordPress post is one line of JSON), points at which the column is known,
  /// so that columns cost a bounded count rather than one from the start of the line.
  private let checkpoints: [(offset: UInt32, characters: UInt32)]

  /// Lines longer than this get checkpoints this far apart.
  private static let checkpointSpacing = 256

  /// Indexes the lines of `bytes`, which end at "\n", "\r\n" or a lone "\r", as in YAML.
  package init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts: [UInt32] = [0]
    starts.reserveCapacity(bytes.count / 48 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      for index in 0..<buffer.count where buffer[index] <= 0x0d {
        let byte = buffer[index]
        if byte == 0x0a
          || (byte == 0x0d && (index + 1 == buffer.count || buffer[index + 1] != 0x0a))
        {
          starts.append(UInt32(truncatingIfNeeded: index + 1))
        }
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
  package func lineIndex(of offset: Int) -> Int {
    max(0, starts.partitionIndex { Int($0) > offset } - 1)
  }

  /// Where the content of line `index` ends: before its "\n", "\r\n" or "\r".
  package func lineEnd(_ index: Int) -> Int {
    var end = index + 1 < starts.count ? Int(starts[index + 1]) - 1 : bytes.count
    if end > Int(starts[index]) && bytes[end - 1] == 0x0d { end -= 1 }
    return end
  }

  /// The location of byte `offset`, spanning to `end` or to the end of its line.
  package func location(file: String, offset: Int, end: Int? = nil) -> SourceLocation {
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
  package func characters(from: Int, to: Int) -> Int {
    Self.characters(in: bytes, from: from, to: to)
  }

  /// The number of Unicode scalars in `bytes[from..<to]`, the unit of columns everywhere (as
  /// SARIF's `unicodeCodePoints`); "\r\n" counts once.
  package static func characters(in bytes: [UInt8], from: Int, to: Int) -> Int {
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

/// UTF-8: the check that bytes are valid, and decoding of single scalars.
package enum UTF8Scalar {
  /// The scalar starting at `index` and its length in bytes; invalid input gives U+FFFD.
  package static func decode(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
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
  package static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    UTF8.encode(scalar, into: { bytes.append($0) })
  }

  /// The UTF-8 encoding of `value`.
  package static func encode(_ value: UInt32) -> [UInt8] {
    var bytes: [UInt8] = []
    append(value, to: &bytes)
    return bytes
  }

  /// The offset of the first byte that is not part of valid UTF-8, if any: the one check of
  /// UTF-8 for every input factlint reads.
  package static func firstInvalid(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      let count = buffer.count
      var index = 0
      while index < count {
        let lead = buffer[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xbf
        switch lead {
        case 0xc2...0xdf: length = 2
        case 0xe0:
          length = 3
          low = 0xa0
        case 0xe1...0xec, 0xee...0xef: length = 3
        case 0xed:
          length = 3
          high = 0x9f
        case 0xf0:
          length = 4
          low = 0x90
        case 0xf1...0xf3: length = 4
        case 0xf4:
          length = 4
          high = 0x8f
        default: return index
        }
        guard index + length <= count else { return index }
        let second = buffer[index + 1]
        guard second >= low && second <= high else { return index }
        for offset in 2..<max(2, length) where buffer[index + offset] & 0xc0 != 0x80 {
          return index
        }
        index += length
      }
      return nil
    }
  }
}
