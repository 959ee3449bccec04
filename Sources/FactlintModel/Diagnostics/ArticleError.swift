/// Why an article could not be read. `InputError.article` forwards the message.
public enum ArticleError: Error, Sendable, Equatable {
  /// The file name has no extension factlint reads articles from.
  case unsupportedFormat(String)
  /// The file holds a NUL byte.
  case binary
  /// The JSON is malformed; the text says how.
  case invalidJSON(String)
  /// The JSON nests arrays and objects deeper than the limit.
  case jsonTooDeep(limit: Int)
  /// The JSON is well formed but not a WordPress post; the text says what is missing.
  case notAWordPressPost(String)
  /// A suppression comment names rules but gives no reason.
  case suppressionWithoutReason(ruleID: String)
  /// A suppression comment names no rule.
  case suppressionWithoutRule
  /// A suppression comment could not be read; holds the comment's text.
  case malformedSuppression(String)
  /// A comment starts with `factlint-` but names no known directive.
  case unknownDirective(String)
  /// The article's prose is longer than one article may be; holds its length and the limit, in
  /// bytes.
  case tooLong(bytes: Int, limit: Int)

  /// Lower case; says what is wrong and what to do.
  public var message: String {
    let example = "<!-- factlint-disable-next-line RULE-ID: why it is fine -->"
    switch self {
    case .unsupportedFormat(let name):
      return
        "'\(name)' is not an article file; give a .txt, .text, .md, .markdown, .html, .htm "
        + "or WordPress .json file"
    case .binary:
      return
        "the file looks binary (it holds a NUL byte); give a text, Markdown, HTML or "
        + "WordPress JSON article"
    case .invalidJSON(let reason):
      return "invalid JSON: \(reason); fix the JSON or export the post again"
    case .jsonTooDeep(let limit):
      return
        "the JSON nests more than \(limit) arrays or objects; a WordPress post is far "
        + "shallower, so export the post again"
    case .notAWordPressPost(let reason):
      return
        "the JSON is not a WordPress post: \(reason); give a post (or an array of posts) "
        + "from the REST API, such as /wp-json/wp/v2/posts/ID"
    case .suppressionWithoutReason(let ruleID):
      return
        "suppression of '\(ruleID)' has no reason; write "
        + "<!-- factlint-disable-next-line \(ruleID): why it is fine -->"
    case .suppressionWithoutRule:
      return "the suppression names no rule; write \(example)"
    case .malformedSuppression(let text):
      return
        "cannot read the suppression '\(text)'; write \(example), "
        + "with several rule ids separated by commas"
    case .unknownDirective(let word):
      return "unknown factlint directive '\(word)'; write \(example)"
    case .tooLong(let bytes, let limit):
      return
        "the article's prose is \(bytes) bytes, over the limit of \(limit) for one article "
        + "(a book is about 1,000,000); split it into smaller articles"
    }
  }
}
