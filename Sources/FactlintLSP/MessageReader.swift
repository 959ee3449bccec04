/// Splits a byte stream into Language Server Protocol messages: header lines (`Content-Length:
/// N`; others are read past) ended by an empty line, then N bytes of JSON. Bytes arrive in any
/// pieces; a message that cannot be read is a failure that skips it, so the next can be.
public struct MessageReader: Sendable {
  /// The longest header, in bytes: a client sends two short lines.
  public static let headerLimit = 8_192

  /// The largest body read; a larger one is skipped as it arrives, never held.
  public let bodyLimit: Int
  private var buffer: [UInt8] = []
  /// Bytes of a refused body still to come and be dropped.
  private var skipping = 0

  /// Why a message could not be read.
  public enum Failure: Error, Equatable, Sendable {
    /// No empty line within `headerLimit` bytes; what was buffered is dropped.
    case headerTooLong
    /// The header has no `Content-Length`.
    case noContentLength
    /// `Content-Length` is not a count of bytes.
    case invalidContentLength(String)
    /// The body is larger than `bodyLimit`.
    case bodyTooLarge(Int, limit: Int)

    /// What went wrong, for the client's log.
    public var message: String {
      switch self {
      case .headerTooLong:
        return "a message header passed \(MessageReader.headerLimit) bytes; it was dropped"
      case .noContentLength: return "a message header has no Content-Length; it was dropped"
      case .invalidContentLength(let value):
        return "Content-Length '\(value)' is not a number of bytes; the message was dropped"
      case .bodyTooLarge(let length, let limit):
        return "a message of \(length) bytes is over the limit of \(limit); it was skipped"
      }
    }
  }

  /// A reader that takes bodies up to `bodyLimit` bytes (default 64 MB).
  public init(bodyLimit: Int = 64 << 20) {
    self.bodyLimit = bodyLimit
  }

  /// Adds bytes read from the stream.
  public mutating func append(_ bytes: some Collection<UInt8>) {
    let dropped = min(skipping, bytes.count)
    skipping -= dropped
    buffer += bytes.dropFirst(dropped)
  }

  /// The next whole message's body, or nil until more bytes arrive.
  public mutating func next() throws(Failure) -> [UInt8]? {
    guard let end = headerEnd() else {
      if buffer.count > Self.headerLimit {
        buffer.removeAll()
        throw .headerTooLong
      }
      return nil
    }
    let bodyStart = end + 4
    // Every failure drops what it is about, so that the next call reads on.
    let length: Int?
    do {
      length = try contentLength(buffer[..<end])
    } catch {
      buffer.removeFirst(bodyStart)
      throw error
    }
    guard let length else {
      buffer.removeFirst(bodyStart)
      throw .noContentLength
    }
    guard length <= bodyLimit else {
      buffer.removeFirst(bodyStart)
      let dropped = min(length, buffer.count)
      buffer.removeFirst(dropped)
      skipping = length - dropped
      throw .bodyTooLarge(length, limit: bodyLimit)
    }
    guard buffer.count - bodyStart >= length else { return nil }
    let body = Array(buffer[bodyStart..<bodyStart + length])
    buffer.removeFirst(bodyStart + length)
    return body
  }

  /// Where "\r\n\r\n" starts, within the header limit.
  private func headerEnd() -> Int? {
    let limit = min(buffer.count, Self.headerLimit + 4)
    guard limit >= 4 else { return nil }
    for index in 0...(limit - 4)
    where buffer[index] == 0x0d && buffer[index + 1] == 0x0a && buffer[index + 2] == 0x0d
      && buffer[index + 3] == 0x0a
    {
      return index
    }
    return nil
  }

  /// The `Content-Length` of a header, nil when it has none.
  private func contentLength(_ header: ArraySlice<UInt8>) throws(Failure) -> Int? {
    for line in String(decoding: header, as: UTF8.self).split(separator: "\r\n") {
      guard let colon = line.firstIndex(of: ":"),
        line[..<colon].lowercased() == "content-length"
      else { continue }
      let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
      guard value.count <= 18, !value.isEmpty, value.allSatisfy(\.isASCII),
        let length = Int(value), length >= 0
      else { throw .invalidContentLength(String(value.prefix(40))) }
      return length
    }
    return nil
  }

  /// `body` framed as one message.
  public static func frame(_ body: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    var text = self
    while let first = text.first, set.contains(first) { text.removeFirst() }
    while let last = text.last, set.contains(last) { text.removeLast() }
    return text
  }
}
