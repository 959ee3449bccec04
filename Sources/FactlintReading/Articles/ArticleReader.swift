import FactlintModel

/// Reads article files into prose with a map back to the file.
public enum ArticleReader {
  /// Reads the articles in a file (a WordPress JSON file may hold one post object or an array of
  /// posts; other formats hold one article). Errors (missing, binary, not UTF-8, too large,
  /// unsupported extension, invalid JSON, a JSON that is not a WordPress post, a suppression
  /// comment without a reason) are a located `Problem`.
  public static func read(path: String) throws(Problem) -> [Article] {
    let start = SourceLocation(file: path, line: 1, column: 1)
    guard let format = ArticleFormat(path: path) else {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      throw Problem(.article(.unsupportedFormat(name)), at: start)
    }
    let bytes: [UInt8]
    do {
      bytes = try SourceFiles.read(path)
    } catch {
      // The shared wording asks for YAML or CSV; an article is neither.
      if error.error == .binary { throw Problem(.article(.binary), at: error.location) }
      throw error
    }
    return try parse(bytes, path: path, format: format)
  }

  /// The most prose one article may hold, in UTF-8 bytes: far more than any article or report
  /// a person writes, and few enough that reading it takes seconds and a bounded memory.
  public static let proseLimit = 10_000_000

  /// The same from bytes already read.
  public static func parse(_ bytes: [UInt8], path: String, format: ArticleFormat) throws(Problem)
    -> [Article]
  {
    let articles = try readArticles(bytes, path: path, format: format)
    // Located where the limit was passed, so that the writer sees where to split.
    for article in articles where article.text.utf8.count > proseLimit {
      throw Problem(
        .article(.tooLong(bytes: article.text.utf8.count, limit: proseLimit)),
        at: article.location(atUTF8Offset: proseLimit))
    }
    return articles
  }

  private static func readArticles(_ bytes: [UInt8], path: String, format: ArticleFormat)
    throws(Problem)
    -> [Article]
  {
    guard bytes.count <= SourceFiles.sizeLimit else {
      throw Problem(
        .tooLarge(bytes: bytes.count, limit: SourceFiles.sizeLimit),
        at: SourceLocation(file: path, line: 1, column: 1))
    }
    if let nul = bytes.firstIndex(of: 0) {
      throw Problem(
        .article(.binary), at: SourceFiles.location(ofOffset: nul, in: bytes, file: path))
    }
    if let invalid = UTF8Scalar.firstInvalid(in: bytes) {
      throw Problem(.notUTF8, at: SourceFiles.location(ofOffset: invalid, in: bytes, file: path))
    }
    let lines = SourceLines(bytes)
    let start = bytes.starts(with: [0xef, 0xbb, 0xbf]) ? 3 : 0
    var builder = TextBuilder(path: path, lines: lines)
    switch format {
    case .text:
      builder.whitespace = .raw
      builder.reserve(bytes.count - start)
      builder.text(start, bytes.count)
      builder.finishKeepingTrailingSpace()
      let date = ArticleDates.early(in: builder.out)
      return [article(builder, format: format, title: nil, date: date)]
    case .markdown:
      var reader = MarkdownReader(bytes)
      reader.read(into: &builder, from: start)
      if let problem = builder.problem { throw problem }
      let date = reader.date ?? ArticleDates.early(in: builder.out)
      return [article(builder, format: format, title: reader.title, date: date)]
    case .html:
      var reader = HTMLReader()
      reader.read(into: &builder, from: start, to: bytes.count)
      if let problem = builder.problem { throw problem }
      return [article(builder, format: format, title: reader.title, date: reader.date)]
    case .wordpress:
      return try wordpress(bytes, from: start, lines: lines, path: path)
    }
  }

  private static func article(
    _ builder: TextBuilder, format: ArticleFormat, title: String?, date: SimpleDate?
  ) -> Article {
    Article(
      path: builder.path, format: format, text: builder.string, title: title, date: date,
      suppressions: builder.resolvedSuppressions(), tables: builder.finishedTables,
      map: builder.map, source: builder.lines)
  }

  // MARK: WordPress

  private static func wordpress(
    _ bytes: [UInt8], from start: Int, lines: SourceLines, path: String
  ) throws(Problem) -> [Article] {
    func located(_ error: ArticleError, _ offset: Int) -> Problem {
      Problem(.article(error), at: lines.location(file: path, offset: offset))
    }
    var first = start
    while first < bytes.count && HTMLTags.isSpace(bytes[first]) { first += 1 }
    guard first < bytes.count else {
      throw Problem(.emptyFile, at: SourceLocation(file: path, line: 1, column: 1))
    }
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes, from: start)
    } catch {
      switch error {
      case .invalid(let reason, let offset): throw located(.invalidJSON(reason), offset)
      case .tooDeep(let offset): throw located(.jsonTooDeep(limit: JSONParser.depthLimit), offset)
      }
    }
    let posts: [JSONValue]
    switch root.kind {
    case .array(let items): posts = items
    case .object: posts = [root]
    default:
      throw located(
        .notAWordPressPost("it holds \(root.kindName), not a post object"), root.start)
    }
    var articles: [Article] = []
    for post in posts {
      articles.append(try wordpressPost(post, bytes: bytes, lines: lines, path: path))
    }
    return articles
  }

  private static func wordpressPost(
    _ post: JSONValue, bytes: [UInt8], lines: SourceLines, path: String
  ) throws(Problem) -> Article {
    func located(_ reason: String, _ offset: Int) -> Problem {
      Problem(.article(.notAWordPressPost(reason)), at: lines.location(file: path, offset: offset))
    }
    guard case .object = post.kind else {
      throw located("an array element is \(post.kindName), not a post object", post.start)
    }
    guard let content = rendered(post["content"]) else {
      throw located("the post has no 'content.rendered' string", post.start)
    }
    var builder = TextBuilder(path: path, lines: lines)
    var title: String?
    if let titleRange = rendered(post["title"]) {
      let (decoded, map) = JSONStrings.decode(bytes, titleRange.start, titleRange.end)
      builder.setInput(decoded, map: map)
      var reader = HTMLReader()
      reader.read(into: &builder, from: 0, to: decoded.count)
      let text = builder.string
      title = text.isEmpty ? nil : text
    }
    let (decoded, map) = JSONStrings.decode(bytes, content.start, content.end)
    builder.setInput(decoded, map: map)
    var reader = HTMLReader()
    reader.read(into: &builder, from: 0, to: decoded.count)
    if let problem = builder.problem { throw problem }
    var date: SimpleDate?
    for key in ["date", "date_gmt"] where date == nil {
      if let value = post[key], case .string(let start, let end) = value.kind {
        date = ArticleDates.isoPrefix(JSONStrings.string(bytes, start, end))
      }
    }
    return Article(
      path: path, format: .wordpress, text: builder.string, title: title, date: date,
      suppressions: builder.resolvedSuppressions(), tables: builder.finishedTables,
      map: builder.map, source: lines)
  }

  /// The raw range of `value.rendered`, or of `value` itself when it is a string.
  private static func rendered(_ value: JSONValue?) -> (start: Int, end: Int)? {
    guard let value else { return nil }
    if case .string(let start, let end) = value.kind { return (start, end) }
    if let inner = value["rendered"], case .string(let start, let end) = inner.kind {
      return (start, end)
    }
    return nil
  }

  // MARK: Encoding

}
