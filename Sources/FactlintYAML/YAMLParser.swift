internal import CYaml
import FactlintModel

/// Bounds that keep hostile input from exhausting time, memory or the call stack.
public struct YAMLLimits: Sendable {
  /// The deepest collection nesting allowed, counting the top collection as 1.
  public var maxDepth: Int
  /// The most nodes the document may stand for with every alias expanded.
  public var maxExpandedNodes: Int

  /// Creates limits; the defaults fit any real factlint file.
  public init(maxDepth: Int = 512, maxExpandedNodes: Int = 10_000_000) {
    self.maxDepth = maxDepth
    self.maxExpandedNodes = maxExpandedNodes
  }

  /// The limits used unless a caller asks otherwise.
  public static let `default` = YAMLLimits()
}

/// Hands the items of one sequence to a consumer as they are read, instead of keeping them in
/// the tree: a data file's million figures need not all be held at once.
public struct YAMLItemStream {
  /// The key, in the top mapping, whose sequence is streamed: "figures". In the tree the
  /// sequence is left empty.
  public var key: String
  /// How many items each call receives, but for the last.
  public var batchSize: Int
  /// Called as the sequence starts, with the top mapping's pairs written before it.
  public var begin: ([YAMLPair]) -> Void
  /// Receives the items in document order, with an estimate of how many the sequence holds in
  /// all, from the share of the input read so far, for sizing what is built from them.
  public var receive: (_ items: [YAMLNode], _ expectedCount: Int) -> Void

  /// Creates a stream of `key`'s items.
  public init(
    key: String, batchSize: Int = 1024, begin: @escaping ([YAMLPair]) -> Void = { _ in },
    receive: @escaping (_ items: [YAMLNode], _ expectedCount: Int) -> Void
  ) {
    self.key = key
    self.batchSize = max(1, batchSize)
    self.begin = begin
    self.receive = receive
  }
}

/// Reads YAML text into `YAMLNode`s with libyaml.
public enum YAMLParser {
  /// Parses one YAML document from UTF-8 bytes, handing the items of `stream`'s sequence to it
  /// as they are read. Returns nil for an empty stream (no document or only comments).
  public static func parse(
    _ bytes: [UInt8], limits: YAMLLimits = .default, stream: YAMLItemStream? = nil
  ) throws(YAMLError) -> YAMLNode? {
    let result = bytes.withUnsafeBufferPointer { buffer in
      // A UTF-8 byte order mark is skipped here, because with the encoding fixed libyaml
      // would count it as a column on the first line.
      let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
      let input = hasBOM ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer
      return Result { () throws(YAMLError) in try parse(input, limits: limits, stream: stream) }
    }
    return try result.get()
  }

  private static func parse(
    _ input: UnsafeBufferPointer<UInt8>, limits: YAMLLimits, stream: YAMLItemStream?
  ) throws(YAMLError) -> YAMLNode? {
    guard let base = input.baseAddress, !input.isEmpty else { return nil }
    // Heap-allocated because libyaml keeps pointers into the parser while it reads.
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else {
      throw .syntax(problem: "out of memory", context: nil, at: Mark(line: 1, column: 1))
    }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_input_string(parser, base, input.count)
    // Fixed rather than detected, so UTF-16 input gets a clear "save as UTF-8" error.
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    defer { event.deallocate() }
    var builder = YAMLBuilder(limits: limits, stream: stream, inputSize: input.count)
    var sawDocument = false
    while true {
      guard yaml_parser_parse(parser, event) == 1 else {
        throw syntaxError(parser.pointee, input: input)
      }
      defer { yaml_event_delete(event) }
      let mark = Mark(event.pointee.start_mark)
      builder.inputPosition = Int(clamping: event.pointee.end_mark.index)
      switch event.pointee.type {
      case YAML_SCALAR_EVENT:
        let data = event.pointee.data.scalar
        let count = data.value == nil ? 0 : Int(clamping: data.length)
        let bytes = UnsafeBufferPointer(start: data.value, count: count)
        let value = String(decoding: bytes, as: UTF8.self)
        try builder.scalar(
          value, style: ScalarStyle(data.style), tag: tagName(data.tag),
          anchor: string(data.anchor), at: mark)
      case YAML_MAPPING_START_EVENT:
        let data = event.pointee.data.mapping_start
        try builder.startCollection(
          isMapping: true, tag: tagName(data.tag), anchor: string(data.anchor), at: mark)
      case YAML_SEQUENCE_START_EVENT:
        let data = event.pointee.data.sequence_start
        try builder.startCollection(
          isMapping: false, tag: tagName(data.tag), anchor: string(data.anchor), at: mark)
      case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
        try builder.endCollection()
      case YAML_ALIAS_EVENT:
        try builder.alias(string(event.pointee.data.alias.anchor) ?? "", at: mark)
      case YAML_DOCUMENT_START_EVENT:
        // Stops at the second document's start, before reading it at all.
        if sawDocument { throw .multipleDocuments(at: mark) }
        sawDocument = true
      case YAML_STREAM_END_EVENT:
        return builder.root
      default:
        break
      }
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  /// An explicit tag in its short form; libyaml has already expanded `!!` to the standard
  /// prefix, which is long and unfamiliar in messages.
  private static func tagName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer, pointer.pointee != 0 else { return nil }
    let tag = String(cString: pointer)
    let standard = "tag:yaml.org,2002:"
    guard tag.hasPrefix(standard) else { return tag }
    return "!!" + tag.dropFirst(standard.utf8.count)
  }

  /// The error libyaml reported, with 1-based marks.
  private static func syntaxError(
    _ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>
  ) -> YAMLError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
    switch parser.error {
    case YAML_READER_ERROR:
      // Reader errors carry a byte offset instead of a mark.
      let problem = YAMLError.readerProblem(problem, value: parser.problem_value)
      var offset = min(Int(clamping: parser.problem_offset), input.count)
      // libyaml points at the bad continuation byte; users need the character it breaks.
      if problem.contains("trailing") {
        while offset > 0 && input[offset - 1] & 0xC0 == 0x80 { offset -= 1 }
        if offset > 0 && input[offset - 1] & 0xC0 == 0xC0 { offset -= 1 }
      }
      let mark = TextPosition.mark(atByte: offset, in: input)
      return .syntax(problem: problem, context: nil, at: mark)
    case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
      let mark = Mark(parser.problem_mark)
      var context: String?
      if let text = parser.context {
        context = YAMLError.context(
          String(cString: text), at: Mark(parser.context_mark), problemAt: mark)
      }
      let isTab =
        problem == "found character that cannot start any token"
        && TextPosition.byte(at: parser.problem_mark, in: input) == UInt8(ascii: "\t")
      return .syntax(problem: isTab ? YAMLError.tabProblem : problem, context: context, at: mark)
    default:
      return .syntax(problem: problem, context: nil, at: Mark(parser.mark))
    }
  }
}

extension Mark {
  /// Converts libyaml's 0-based mark.
  fileprivate init(_ mark: yaml_mark_t) {
    self.init(line: Int(clamping: mark.line) + 1, column: Int(clamping: mark.column) + 1)
  }
}

extension ScalarStyle {
  fileprivate init(_ style: yaml_scalar_style_t) {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: self = .literal
    case YAML_FOLDED_SCALAR_STYLE: self = .folded
    default: self = .plain
    }
  }
}

/// Maps between byte offsets and libyaml's lines and columns, only on the error path. Like
/// libyaml, it treats CR LF, CR, LF, NEL, LS and PS as line breaks and counts columns in
/// characters.
private enum TextPosition {
  /// The 1-based mark of the character starting at `offset`.
  static func mark(atByte offset: Int, in input: UnsafeBufferPointer<UInt8>) -> Mark {
    var line = 0
    var column = 0
    walk(input) { index, breakLength in
      guard index < offset else { return false }
      if breakLength > 0 {
        line += 1
        column = 0
      } else if input[index] & 0xC0 != 0x80 {
        column += 1
      }
      return true
    }
    return Mark(line: line + 1, column: column + 1)
  }

  /// The first byte of the character at a libyaml mark, if the input has one there.
  static func byte(at mark: yaml_mark_t, in input: UnsafeBufferPointer<UInt8>) -> UInt8? {
    let (targetLine, targetColumn) = (Int(clamping: mark.line), Int(clamping: mark.column))
    var line = 0
    var column = 0
    var found: UInt8?
    walk(input) { index, breakLength in
      let byte = input[index]
      if byte & 0xC0 == 0x80 { return true }
      if line == targetLine && column == targetColumn {
        found = byte
        return false
      }
      if breakLength > 0 {
        line += 1
        column = 0
      } else {
        column += 1
      }
      return line <= targetLine
    }
    return found
  }

  /// Calls `visit` with each byte index and, at the start of a line break, the break's length
  /// in bytes (whose remaining bytes are skipped); stops when `visit` returns false.
  private static func walk(
    _ input: UnsafeBufferPointer<UInt8>, _ visit: (Int, Int) -> Bool
  ) {
    var index = 0
    while index < input.count {
      let length = breakLength(input, at: index)
      guard visit(index, length) else { return }
      index += max(length, 1)
    }
  }

  private static func breakLength(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let rest = input.count - index
    switch input[index] {
    case 0x0A:
      return 1
    case 0x0D:
      return rest >= 2 && input[index + 1] == 0x0A ? 2 : 1
    case 0xC2 where rest >= 2 && input[index + 1] == 0x85:
      return 2
    case 0xE2 where rest >= 3 && input[index + 1] == 0x80 && (input[index + 2] | 1) == 0xA9:
      return 3
    default:
      return 0
    }
  }
}
