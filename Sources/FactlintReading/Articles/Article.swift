import FactlintModel

/// The formats factlint reads articles in.
public enum ArticleFormat: String, Sendable, CaseIterable {
  /// Plain text, read as is.
  case text
  /// Markdown (CommonMark with GitHub tables), with optional front matter.
  case markdown
  /// An HTML page or fragment.
  case html
  /// A WordPress REST API post object, or an array of them, as JSON.
  case wordpress

  /// The extensions of the article files a folder given as articles stands for: all that
  /// `init(path:)` reads but `.json`, which a folder holds for many other uses (a WordPress post
  /// is given by name).
  public static let folderExtensions: Set<String> = [
    "txt", "text", "md", "markdown", "html", "htm",
  ]

  /// By extension: .txt/.text -> text, .md/.markdown -> markdown, .html/.htm -> html,
  /// .json -> wordpress; nil otherwise.
  public init?(path: String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "txt", "text": self = .text
    case "md", "markdown": self = .markdown
    case "html", "htm": self = .html
    case "json": self = .wordpress
    default: return nil
    }
  }
}

/// An `<!-- factlint-disable-next-line RULE-ID: reason -->` comment.
public struct Suppression: Sendable, Hashable {
  /// The rule it silences.
  public var ruleID: String
  /// Why the finding is fine, as written.
  public var reason: String
  /// The 1-based line of the original file it applies to: the line of the first prose after
  /// the comment (or the line after the comment when no prose follows).
  public var line: Int
  /// Where the comment is.
  public var location: SourceLocation

  /// Creates a suppression.
  public init(ruleID: String, reason: String, line: Int, location: SourceLocation) {
    self.ruleID = ruleID
    self.reason = reason
    self.line = line
    self.location = location
  }
}

/// A table in an article, as cells of its prose.
public struct ArticleTable: Sendable, Hashable {
  /// Each row's cells, as UTF-8 offsets of the article's text; nil for a cell with no prose.
  public var rows: [[Range<Int>?]]
  /// How many rows at the top are column headings, as the markup says: a Markdown table's
  /// header row, `<thead>` rows, rows of `<th>` cells only.
  public var headerRows: Int
  /// Where the table starts in the text (UTF-8 offset): an HTML caption comes before its
  /// first cell.
  public var start: Int

  /// Creates a table.
  public init(rows: [[Range<Int>?]], headerRows: Int, start: Int) {
    self.rows = rows
    self.headerRows = headerRows
    self.start = start
  }
}

/// An article's prose with a map back to its file.
public struct Article: Sendable {
  /// The file's path, as given.
  public let path: String
  /// The format it was read as.
  public let format: ArticleFormat
  /// The prose: text content only, markup removed, entities decoded. Blocks (paragraphs,
  /// headings, list items, table rows, a WordPress post's title) are separated by "\n\n"; a line
  /// break inside a paragraph stays "\n"; the cells of a table row are joined by "; ". Every
  /// Unicode space
  /// becomes " ", and soft hyphens and zero-width spaces are dropped. Non-prose (code blocks,
  /// inline code, HTML comments, script/style, front matter, image alt text and link URLs) is
  /// left out entirely.
  public let text: String
  /// The title: front matter `title:`, HTML `<title>` or the WordPress title, if any.
  public let title: String?
  /// The article's date, if it states one.
  public let date: SimpleDate?
  /// The suppression comments, in file order.
  public let suppressions: [Suppression]
  /// The tables, in order: their cells are also in `text`, a row per block.
  public let tables: [ArticleTable]

  /// Maps UTF-8 offsets of `text` to byte offsets of the file.
  let map: OffsetMap
  /// The file, shared by all the articles read from it.
  let source: SourceLines

  /// The file location of the character that starts at UTF-8 offset `offset` of `text`
  /// (1-based line and column, the column counted in Unicode scalars of the original line). For a
  /// decoded entity (`&amp;`) or escape it is where the entity or escape starts.
  public func location(atUTF8Offset offset: Int) -> SourceLocation {
    let offset = min(max(0, offset), text.utf8.count)
    return source.location(file: path, offset: sourceOffset(offset))
  }

  /// The location of a range of `text`, with `length` = the number of Unicode scalars it spans in
  /// the original line when the range maps to one original line, else to the end of that line.
  public func location(of range: Range<String.Index>) -> SourceLocation {
    let (lower, upper) = utf8Bounds(of: range)
    let start = sourceOffset(lower)
    guard upper > lower, map.count > 0 else { return source.location(file: path, offset: start) }
    let end = map.sourceEnd(ofByteAt: upper - 1)
    return source.location(file: path, offset: start, end: max(end, start + 1))
  }

  /// The bytes of the file that a range of `text` was read from, as UTF-8 offsets: from the
  /// first byte of its first character to past the last byte of its last.
  public func byteRange(of range: Range<String.Index>) -> Range<Int> {
    let (lower, upper) = utf8Bounds(of: range)
    let start = sourceOffset(lower)
    guard upper > lower, map.count > 0 else { return start..<start }
    return start..<max(start, map.sourceEnd(ofByteAt: upper - 1))
  }

  /// Where the file's `bytes`, which start at `start`, end: just past their last character.
  /// Counting on from the start is cheap when they hold no line break, as a figure rarely does.
  public func end(of bytes: Range<Int>, startingAt start: SourceLocation) -> Mark {
    let upper = min(max(0, bytes.upperBound), source.bytes.count)
    let lower = min(max(0, bytes.lowerBound), upper)
    if !source.bytes[lower..<upper].contains(0x0A) {
      return Mark(
        line: start.line, column: start.column + source.characters(from: lower, to: upper))
    }
    let end = source.location(file: path, offset: upper)
    return Mark(line: end.line, column: end.column)
  }

  /// The UTF-8 offsets of a range of `text`, kept within the text.
  private func utf8Bounds(of range: Range<String.Index>) -> (Int, Int) {
    let count = text.utf8.count
    let lower = min(max(0, text.utf8.distance(from: text.startIndex, to: range.lowerBound)), count)
    let upper = min(
      max(lower, text.utf8.distance(from: text.startIndex, to: range.upperBound)), count)
    return (lower, upper)
  }

  private func sourceOffset(_ offset: Int) -> Int {
    map.count == 0 ? 0 : min(map.source(at: offset), source.bytes.count)
  }
}
