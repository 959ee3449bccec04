import Foundation
import Testing

@testable import FactlintModel
@testable import FactlintReading
@testable import FactlintTestSupport

// MARK: Helpers

/// Reads `source` as one article of `format`.
private func read(_ source: String, _ format: ArticleFormat, path: String = "draft") throws
  -> Article
{
  let articles = try ArticleReader.parse(Array(source.utf8), path: path, format: format)
  try #require(articles.count == 1)
  return articles[0]
}

/// The problem reading `source` gives, if any.
private func problem(_ source: String, _ format: ArticleFormat) -> Problem? {
  do {
    _ = try ArticleReader.parse(Array(source.utf8), path: "draft", format: format)
    return nil
  } catch {
    return error
  }
}

/// The problem reading `bytes` gives, if any.
private func problem(_ bytes: [UInt8], _ format: ArticleFormat) -> Problem? {
  do {
    _ = try ArticleReader.parse(bytes, path: "draft", format: format)
    return nil
  } catch {
    return error
  }
}

/// Where the `occurrence`-th `written` is in `source`: its 1-based line, its column and length
/// in characters. Lines are split at "\n" only, as the reader does.
private func position(of written: String, in source: String, occurrence: Int = 1)
  -> (line: Int, column: Int, length: Int)?
{
  var seen = 0
  let lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
  for (number, scalars) in lines.enumerated() {
    let line = String(String.UnicodeScalarView(scalars))
    var rest = line[...]
    while let range = rest.firstRange(of: written) {
      seen += 1
      if seen == occurrence {
        // Columns and lengths count Unicode scalars.
        let column = line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1
        return (number + 1, column, written.unicodeScalars.count)
      }
      rest = line[range.upperBound...]
    }
  }
  return nil
}

/// Expects the `occurrence`-th `figure` in the article's text to be located where `written`
/// (default: the figure itself) is in `source`, spanning all of it.
private func expectFigure(
  _ figure: String, in article: Article, source: String, writtenAs written: String? = nil,
  occurrence: Int = 1, writtenOccurrence: Int = 1,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  var rest = article.text[...]
  var found: Range<String.Index>?
  for _ in 0..<occurrence {
    guard let range = rest.firstRange(of: figure) else { break }
    found = range
    rest = article.text[range.upperBound...]
  }
  guard let range = found, rest.startIndex == range.upperBound else {
    Issue.record("'\(figure)' #\(occurrence) is not in the text", sourceLocation: sourceLocation)
    return
  }
  guard
    let expected = position(
      of: written ?? figure, in: source, occurrence: writtenOccurrence)
  else {
    Issue.record("'\(written ?? figure)' is not in the source", sourceLocation: sourceLocation)
    return
  }
  let location = article.location(of: range)
  #expect(location.file == article.path, sourceLocation: sourceLocation)
  #expect(
    [location.line, location.column, location.length] as [Int]
      == [expected.line, expected.column, expected.length],
    "'\(figure)' should be at \(expected), not \(location)+\(location.length)",
    sourceLocation: sourceLocation)
  let start = article.location(
    atUTF8Offset: article.text.utf8.distance(
      from: article.text.startIndex, to: range.lowerBound))
  #expect(
    [start.line, start.column] as [Int] == [location.line, location.column],
    sourceLocation: sourceLocation)
}

/// Checks that each ASCII letter and digit of the text maps to the same byte in the file, or to
/// the start of the reference or escape it was decoded from.
private func expectLettersMapHome(
  _ article: Article, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let bytes = article.source.bytes
  var mismatches: [Int] = []
  for (offset, byte) in article.text.utf8.enumerated() where byte < 0x80 {
    guard (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a || (byte >= 0x30 && byte <= 0x39)
    else { continue }
    let source = article.map.source(at: offset)
    guard source < bytes.count else {
      mismatches.append(offset)
      continue
    }
    let home = bytes[source]
    if home != byte && home != UInt8(ascii: "&") && home != UInt8(ascii: "\\") {
      mismatches.append(offset)
    }
  }
  #expect(
    mismatches.isEmpty, "offsets mapped astray: \(mismatches)", sourceLocation: sourceLocation)
}

/// Checks the invariants every article keeps whatever its input: every offset maps into the
/// file, and every range has a length.
private func expectSane(
  _ article: Article, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let lineCount = article.source.starts.count
  var offset = 0
  for character in article.text {
    let location = article.location(atUTF8Offset: offset)
    let length = character.utf8.count
    let start = article.text.utf8.index(article.text.startIndex, offsetBy: offset)
    let end = article.text.utf8.index(start, offsetBy: length)
    let span = article.location(of: start..<end)
    if location.line < 1 || location.line > lineCount || location.column < 1 || span.length < 1 {
      Issue.record("offset \(offset) maps to \(location)", sourceLocation: sourceLocation)
      return
    }
    offset += length
  }
}

// MARK: Formats

@Suite("Article readers")
struct ArticleReaderTests {
  @Test(arguments: [
    ("draft.md", ArticleFormat.markdown), ("a/b/DRAFT.MARKDOWN", .markdown), ("x.txt", .text),
    ("notes.text", .text), ("page.html", .html), ("page.HTM", .html), ("post.json", .wordpress),
  ])
  func formatFollowsTheExtension(path: String, format: ArticleFormat) {
    #expect(ArticleFormat(path: path) == format)
  }

  @Test(arguments: ["draft", "draft.pdf", "folder.md/draft", ".md", "draft.yml"])
  func unknownExtensionsHaveNoFormat(path: String) {
    #expect(ArticleFormat(path: path) == nil)
  }

  // MARK: Plain text

  @Test func plainTextIsReadAsIs() throws {
    let source =
      "Published 2025-06-03\r\nXiaomi shipped 23.16 million units \u{2014} up 70%.\r\n\r\n"
      + "Revenue: \u{20AC}6.4\u{A0}billion\u{AD}, RMB\u{202F}6.4 billion.\r\nTabs\tstay.\n"
    let article = try read(source, .text)
    #expect(
      article.text
        == "Published 2025-06-03\nXiaomi shipped 23.16 million units \u{2014} up 70%.\n\n"
        + "Revenue: \u{20AC}6.4 billion, RMB 6.4 billion.\nTabs\tstay.\n")
    #expect(article.date == SimpleDate("2025-06-03"))
    #expect(article.title == nil)
    #expect(article.suppressions.isEmpty)
    #expect(article.format == .text)
    expectFigure("23.16 million", in: article, source: source)
    expectFigure("70%", in: article, source: source)
    expectFigure(
      "\u{20AC}6.4 billion", in: article, source: source, writtenAs: "\u{20AC}6.4\u{A0}billion")
    expectFigure(
      "RMB 6.4 billion", in: article, source: source, writtenAs: "RMB\u{202F}6.4 billion")
    expectLettersMapHome(article)
  }

  @Test(
    arguments: [
      ("date 2017-07-07\nXiaomi", "2017-07-07"),
      ("Date: 2017-07-07\nXiaomi", "2017-07-07"),
      ("  2017-07-07\n", "2017-07-07"),
      ("Title\n\nBy a reporter\n\nPosted on 2017-07-07 10:00\n", "2017-07-07"),
      ("PUBLISHED: 2024-08-21T10:00:00Z\n", "2024-08-21"),
      ("a\nb\nc\nd\n\n\ne\nDate: 2017-07-07\n", nil),
      ("Revenue rose 5% on 2017-07-07.\n", nil),
      ("Published 2017-13-01\n", nil),
      ("Published 2017-07-071\n", nil),
    ] as [(String, String?)])
  func plainTextDateComesFromAnEarlyLine(source: String, date: String?) throws {
    #expect(try read(source, .text).date == date.flatMap(SimpleDate.init))
  }

  @Test func columnsCountUnicodeScalarsNotBytesOrCharacters() throws {
    let source = "Cafe\u{301} \u{1F1E8}\u{1F1F3} \u{20AC}5 and 70%\n\u{1F680}\u{1F680} 8%\n"
    let article = try read(source, .text)
    let figure = try #require(article.text.firstRange(of: "70%"))
    let location = article.location(of: figure)
    // "e" and its accent are two scalars, and so is the flag.
    #expect([location.line, location.column, location.length] as [Int] == [1, 17, 3])
    let second = try #require(article.text.firstRange(of: "8%"))
    #expect(article.location(of: second).column == 4)
    let euro = try #require(article.text.firstRange(of: "\u{20AC}5"))
    #expect(article.location(of: euro).column == 10)
  }

  @Test func longLinesLocateFiguresQuickly() throws {
    // A WordPress post is one JSON line; columns far into it must still be exact.
    let filler = String(repeating: "Caf\u{E9} a\u{301} \u{20AC} ", count: 20_000)
    let source = filler + "figure 23.16 million here " + filler + "70% end"
    let article = try read(source, .text)
    expectFigure("23.16 million", in: article, source: source)
    expectFigure("70%", in: article, source: source)
  }

  // MARK: Markdown

  static let markdown = #"""
    ---
    title: "Xiaomi's record quarter"
    date: 2017-08-01
    tags: [phones]
    ---
    # Xiaomi ships **23.16 million** phones

    Xiaomi shipped *23.16 million* smartphones in Q2 2017,
    up **70%** from [13 million](https://example.com/q1 "Q1") in Q1 &mdash; a record.

    > Revenue reached RMB&nbsp;6.4 billion ($900 million),
    > said the _company_.

    - Shipments: 23.16 million
    - Growth: ~~60%~~ 70%
      1. nested 5%

    | Quarter | Units |
    |:--------|------:|
    | Q1 2017 | 13 million |
    | Q2 2017 | 23.16 million |

    ```swift
    let units = 23.16
    ```

        indented code 42

    Use `units = 99` with care. ![chart 77](chart.png) <https://example.com/88>
    <!-- note: 55 million -->
    Costs were \$5 million.[^1] See [the report][r].

    [r]: https://example.com/report
    [^1]: Source: company filings.
    """#

  @Test func markdownKeepsOnlyProse() throws {
    let article = try read(Self.markdown, .markdown)
    #expect(
      article.text == """
        Xiaomi ships 23.16 million phones

        Xiaomi shipped 23.16 million smartphones in Q2 2017,
        up 70% from 13 million in Q1 \u{2014} a record.

        Revenue reached RMB 6.4 billion ($900 million),
        said the company.

        Shipments: 23.16 million

        Growth: 60% 70%

        nested 5%

        Quarter; Units

        Q1 2017; 13 million

        Q2 2017; 23.16 million

        Use with care.

        Costs were $5 million. See the report.

        Source: company filings.
        """)
    #expect(article.title == "Xiaomi's record quarter")
    #expect(article.date == SimpleDate("2017-08-01"))
    #expect(article.format == .markdown)
    for hidden in ["let units", "42", "99", "77", "88", "55", "tags", "phones]", "https", "[r]"] {
      #expect(!article.text.contains(hidden), "'\(hidden)' should be left out")
    }
    expectLettersMapHome(article)
  }

  @Test func markdownFiguresPointAtTheFile() throws {
    let source = Self.markdown
    let article = try read(source, .markdown)
    expectFigure("23.16 million", in: article, source: source)
    expectFigure("23.16 million", in: article, source: source, occurrence: 2, writtenOccurrence: 2)
    expectFigure("70%", in: article, source: source)
    expectFigure("13 million", in: article, source: source)
    expectFigure("\u{2014} a record", in: article, source: source, writtenAs: "&mdash; a record")
    expectFigure("RMB 6.4 billion", in: article, source: source, writtenAs: "RMB&nbsp;6.4 billion")
    expectFigure("$900 million", in: article, source: source)
    expectFigure("company.", in: article, source: source, writtenAs: "company_.")
    expectFigure("23.16 million", in: article, source: source, occurrence: 3, writtenOccurrence: 3)
    expectFigure("60%", in: article, source: source)
    expectFigure("nested 5%", in: article, source: source)
    expectFigure("13 million", in: article, source: source, occurrence: 2, writtenOccurrence: 2)
    expectFigure("23.16 million", in: article, source: source, occurrence: 4, writtenOccurrence: 4)
    expectFigure("$5 million", in: article, source: source, writtenAs: #"\$5 million"#)
    expectFigure("the report", in: article, source: source)
  }

  @Test(arguments: [
    (
      "Title\n=====\n\nSub\n---\n\nText  \nhard\\\nbreak\n\n***\n\nafter",
      "Title\n\nSub\n\nText\nhard\nbreak\n\nafter"
    ),
    (
      "# Heading ##\n## ##\n#5 not heading\n#\tTab heading",
      "Heading\n\n#5 not heading\n\nTab heading"
    ),
    (
      "[a][r] [b][] [r] [undefined] [c]() [d](<e f> \"t\") [g](h i)\n\n[r]: /u 'x'\n[b]: /v",
      "a b r [undefined] c d [g](h i)"
    ),
    (
      "snake_case_name 5 * 3 ~5% *unclosed __strong__ _em_ ***both***",
      "snake_case_name 5 * 3 ~5% *unclosed strong em both"
    ),
    (
      "Text <span>in</span>line<br>next <div>block</div> after",
      "Text inline\nnext\n\nblock\n\nafter"
    ),
    (
      "AT&T &bogus; &#x41;&#66; &#150; &#0; \\* \\_ \\` \\\\ \\a",
      "AT&T &bogus; AB \u{2013} \u{FFFD} * _ ` \\ \\a"
    ),
    (
      "1. first\n2. second\n   continued\n\n   para in item\n\n       code in item\n"
        + "- a\n  - nested *x*\n    lazy\ncontinues lazily",
      "first\n\nsecond\ncontinued\n\npara in item\n\na\n\nnested x\nlazy\ncontinues lazily"
    ),
    (
      "* * *\n- - -\n+ plus item\n2017. Revenue\n\nIn\n2017. Revenue",
      "plus item\n\nRevenue\n\nIn\n2017. Revenue"
    ),
    ("- item\n\n  ```\n  code 1\n  ```\n\n  after code\nout", "item\n\nafter code\nout"),
    (
      "| a | b |\n| - | :-: |\n| 1 | \\| |\n| | 2 |\nlast row\n\nnext",
      "a; b\n\n1; |\n\n2\n\nlast row\n\nnext"
    ),
    ("a | b\n--- | ---\nc | d", "a; b\n\nc; d"),
    (
      "<div>\n<p>Html <b>block</b></p>\n</div>\n\n<!--\nmulti-line 99\n-->\nafter\n\n"
        + "<script>\nvar x = 1;\n\nvar y = 2;\n</script>\n\nend",
      "Html block\n\nafter\n\nend"
    ),
    ("```\nunclosed fence 5\n\nstill code", ""),
    ("para\n<!-- unterminated\n\nhidden 5", "para"),
    ("text <!-- unterminated inline", "text"),
    ("+++\ntitle = \"T\"\ndate = 2020-02-02\n+++\nBody", "Body"),
    ("---\nnot: front matter\n\nBody", "not: front matter\n\nBody"),
    ("> a\n> > b\n>\n> c\nlazy", "a\n\nb\n\nc\nlazy"),
    ("Footnote[^n] and [^ not].\n\n[^n]: The note 5%.", "Footnote and [^ not].\n\nThe note 5%."),
    ("\u{FEFF}BOM first", "BOM first"),
    ("CRLF\r\nlines\r\n\r\nnext", "CRLF\nlines\n\nnext"),
  ])
  func markdownConstructs(source: String, text: String) throws {
    let article = try read(source, .markdown)
    #expect(article.text == text)
    expectLettersMapHome(article)
    expectSane(article)
  }

  @Test func tomlFrontMatterGivesTitleAndDate() throws {
    let article = try read("+++\ntitle = \"Q2\"\ndate = 2020-02-02T10:00:00Z\n+++\nBody", .markdown)
    #expect(article.title == "Q2")
    #expect(article.date == SimpleDate("2020-02-02"))
  }

  @Test func markdownWithoutFrontMatterDateUsesAnEarlyLine() throws {
    let article = try read("# Results\n\n*Published 2025-06-03*\n\nXiaomi shipped 5%.", .markdown)
    #expect(article.date == SimpleDate("2025-06-03"))
    #expect(article.title == nil)
  }

  @Test func gatheredParagraphsMapEachLine() throws {
    let source = "> First 1.5%\n>   second **2.5%**\n> > deep 3.5%\n  - item 4.5%\n    lazy 5.5%"
    let article = try read(source, .markdown)
    #expect(article.text == "First 1.5%\nsecond 2.5%\n\ndeep 3.5%\n\nitem 4.5%\nlazy 5.5%")
    for figure in ["1.5%", "2.5%", "3.5%", "4.5%", "5.5%"] {
      expectFigure(figure, in: article, source: source)
    }
  }

  // MARK: HTML

  static let html = """
    <!DOCTYPE html>
    <html>
    <head>
      <title>Xiaomi &amp; the 23.16 million</title>
      <meta name="date" content="2017-08-01">
      <meta property="article:published_time" content="2017-07-31T09:00:00Z">
      <style>p { margin: 5px; }</style>
      <script>var units = 99;</script>
    </head>
    <body>
    <noscript>Enable JS 12</noscript>
    <h1>Xiaomi ships <b>23</b>.16 million phones</h1>
    <p>Xiaomi shipped <em>23.16&nbsp;million</em> smartphones,
       up <strong>70%</strong> &mdash; from 13&#160;million.<br>Revenue: &euro;6.4&thinsp;billion
       (&#x24;900 million).</p>
    <!-- factlint-disable-next-line stated-growth: the company rounds -->
    <ul><li>Q1: 13 million</li><li>Q2: 23.16 million</li></ul>
    <table>
      <tr><th>Quarter</th><th>Units</th></tr>
      <tr><td>Q2</td><td></td><td>23.16 million</td></tr>
    </table>
    <template><p>hidden 44</p></template>
    <svg><title>icon 33</title><text>chart 22</text></svg>
    <p>Price &lt; $5 &amp; falling&hellip; AT&T, <code>x</code>, <a href="/q?a=1&b=2">link</a></p>
    <img src="x.png" alt="chart 77">
    </body>
    </html>
    """

  @Test func htmlKeepsOnlyProse() throws {
    let article = try read(Self.html, .html)
    #expect(
      article.text == """
        Xiaomi ships 23.16 million phones

        Xiaomi shipped 23.16 million smartphones, up 70% \u{2014} from 13 million.
        Revenue: \u{20AC}6.4 billion ($900 million).

        Q1: 13 million

        Q2: 23.16 million

        Quarter; Units

        Q2; 23.16 million

        Price < $5 & falling\u{2026} AT&T, x, link
        """)
    #expect(article.title == "Xiaomi & the 23.16 million")
    #expect(article.date == SimpleDate("2017-08-01"))
    for hidden in ["99", "12", "44", "33", "22", "77", "margin", "DOCTYPE", "href"] {
      #expect(!article.text.contains(hidden), "'\(hidden)' should be left out")
    }
    expectLettersMapHome(article)
  }

  @Test func htmlFiguresPointAtTheFile() throws {
    let source = Self.html
    let article = try read(source, .html)
    expectFigure("23.16 million", in: article, source: source, writtenAs: "23</b>.16 million")
    expectFigure(
      "23.16 million", in: article, source: source, writtenAs: "23.16&nbsp;million",
      occurrence: 2)
    expectFigure("70%", in: article, source: source)
    expectFigure("\u{2014} from", in: article, source: source, writtenAs: "&mdash; from")
    expectFigure("13 million", in: article, source: source, writtenAs: "13&#160;million")
    expectFigure(
      "\u{20AC}6.4 billion", in: article, source: source, writtenAs: "&euro;6.4&thinsp;billion")
    expectFigure("$900 million", in: article, source: source, writtenAs: "&#x24;900 million")
    expectFigure("13 million", in: article, source: source, occurrence: 2)
    expectFigure("$5", in: article, source: source)
    expectFigure("\u{2026}", in: article, source: source, writtenAs: "&hellip;")
  }

  @Test func htmlSuppressionAppliesToTheNextProse() throws {
    let source = Self.html
    let article = try read(source, .html)
    let comment = try #require(position(of: "<!-- factlint", in: source))
    let next = try #require(position(of: "<ul><li>Q1", in: source))
    #expect(
      article.suppressions == [
        Suppression(
          ruleID: "stated-growth", reason: "the company rounds", line: next.line,
          location: FactlintModel.SourceLocation(
            file: "draft", line: comment.line, column: comment.column, length: 69))
      ])
  }

  @Test(
    arguments: [
      (
        "<meta property=\"article:published_time\" content=\"2017-07-31T09:00:00Z\">"
          + "<time datetime=\"2016-01-01\">x</time>",
        "2017-07-31"
      ),
      ("<p>Posted <time datetime='2016-01-02 10:00'>Jan 2</time></p>", "2016-01-02"),
      ("<META NAME=DATE CONTENT=2015-03-04>", "2015-03-04"),
      ("<meta name=\"date\" content=\"yesterday\"><p>x</p>", nil),
    ] as [(String, String?)])
  func htmlDates(source: String, date: String?) throws {
    #expect(try read(source, .html).date == date.flatMap(SimpleDate.init))
  }

  @Test(arguments: [
    ("a&nbsp;b &ensp;c&emsp;d&thinsp;e", "a b c d e"),
    (
      "&amp;&lt;&gt;&quot;&apos;&ndash;&mdash;&lsquo;&rsquo;&ldquo;&rdquo;&hellip;",
      "&<>\"'\u{2013}\u{2014}\u{2018}\u{2019}\u{201C}\u{201D}\u{2026}"
    ),
    (
      "&euro;&pound;&yen;&cent;&copy;&reg;&trade;&times;&minus;",
      "\u{20AC}\u{A3}\u{A5}\u{A2}\u{A9}\u{AE}\u{2122}\u{D7}\u{2212}"
    ),
    (
      "&#8364;&#x20AC;&#X20ac;&#128; &#x1F680; &#xD800; &#99999999;",
      "\u{20AC}\u{20AC}\u{20AC}\u{20AC} \u{1F680} \u{FFFD} \u{FFFD}"
    ),
    ("sh&shy;y 1&#8203;0 &amp &unknown; &#;", "shy 10 &amp &unknown; &#;"),
    ("<b>23</b>.16 <i>mil</i>lion", "23.16 million"),
    ("a<br>b<br/><br>c<hr>d", "a\nb\n\nc\n\nd"),
    ("<pre>\n  x = 1\n    y\n</pre>after", "  x = 1\n    y\n\nafter"),
    ("  lots   of\n\n  space  ", "lots of space"),
    ("<p>unclosed <b", "unclosed"),
    ("a < b <5% and 3<4", "a < b <5% and 3<4"),
    ("text <!-- unterminated comment 5", "text"),
    ("text <script>never closed 5", "text"),
    (
      "<div><p>nested <span>deep</div> stray </p></b></template> end", "nested deep\n\nstray\n\nend"
    ),
    ("<!--> x <!---> y <? pi ?> z <!x> w </ > v </3>", "x y z w v"),
    ("<a title='1 > 0' href=x>link</a> <img alt=\"7\"> 8", "link 8"),
    ("before <head> <title>T</title> <p>body text</p>", "before\n\nbody text"),
    ("<body>x<noscript>y</noscript><template><template>z</template>w</template>v", "xv"),
    ("<table><tr><td>a</td><td><p>b</p></td></tr><tr><td>c</td></tr></table>", "a\n\nb\n\nc"),
  ])
  func htmlConstructs(source: String, text: String) throws {
    let article = try read(source, .html)
    #expect(article.text == text)
    expectLettersMapHome(article)
    expectSane(article)
  }

  // MARK: WordPress

  static let wordpress = #"""
    {
      "id": 42,
      "date": "2024-08-21T10:00:00",
      "title": {"rendered": "Xiaomi&#8217;s Q2: \u20ac6.4 billion"},
      "content": {
        "rendered": "<p>Xiaomi shipped <strong>23.16 million<\/strong> units \u2014 up 70%.\#
    <\/p>\n<p>Revenue: \"RMB 6.4 billion\" (\u00a3700 million) \ud83d\ude80 then 13 million.\#
    <\/p>\n<!-- factlint-disable-next-line stated-growth: rounded by the company -->\n\#
    <p>Q1: 13&nbsp;million \\ 5%<\/p>",
        "protected": false
      },
      "excerpt": {"rendered": "<p>ignored 99<\/p>"}
    }
    """#

  @Test func wordpressPostReadsTitleThenContent() throws {
    let article = try read(Self.wordpress, .wordpress, path: "post.json")
    #expect(
      article.text == """
        Xiaomi\u{2019}s Q2: \u{20AC}6.4 billion

        Xiaomi shipped 23.16 million units \u{2014} up 70%.

        Revenue: "RMB 6.4 billion" (\u{A3}700 million) \u{1F680} then 13 million.

        Q1: 13 million \\ 5%
        """)
    #expect(article.title == "Xiaomi\u{2019}s Q2: \u{20AC}6.4 billion")
    #expect(article.date == SimpleDate("2024-08-21"))
    #expect(article.format == .wordpress)
    #expect(!article.text.contains("99"))
    expectLettersMapHome(article)
  }

  @Test func wordpressFiguresPointIntoTheJSON() throws {
    let source = Self.wordpress
    let article = try read(source, .wordpress, path: "post.json")
    expectFigure(
      "\u{20AC}6.4 billion", in: article, source: source, writtenAs: #"\u20ac6.4 billion"#)
    expectFigure("\u{2019}s", in: article, source: source, writtenAs: "&#8217;s")
    expectFigure("23.16 million", in: article, source: source)
    expectFigure("\u{2014} up 70%", in: article, source: source, writtenAs: #"\u2014 up 70%"#)
    expectFigure(
      "\"RMB 6.4 billion\"", in: article, source: source, writtenAs: #"\"RMB 6.4 billion\""#)
    expectFigure("\u{A3}700 million", in: article, source: source, writtenAs: #"\u00a3700 million"#)
    expectFigure(
      "\u{1F680} then 13 million", in: article, source: source,
      writtenAs: #"\ud83d\ude80 then 13 million"#)
    expectFigure(
      "13 million", in: article, source: source, writtenAs: "13&nbsp;million", occurrence: 2)
    expectFigure("\\ 5%", in: article, source: source, writtenAs: #"\\ 5%"#)
  }

  @Test func wordpressSuppressionPointsIntoTheJSON() throws {
    let source = Self.wordpress
    let article = try read(source, .wordpress, path: "post.json")
    let comment = try #require(position(of: "<!-- factlint", in: source))
    #expect(article.suppressions.count == 1)
    let suppression = try #require(article.suppressions.first)
    #expect(suppression.ruleID == "stated-growth")
    #expect(suppression.reason == "rounded by the company")
    #expect(suppression.line == comment.line)
    #expect(
      [suppression.location.line, suppression.location.column] as [Int] == [
        comment.line, comment.column,
      ])
  }

  @Test func wordpressArrayHoldsSeveralPosts() throws {
    let source = """
      [
        {"date": "2024-01-02", "title": {"rendered": "One"}, "content": {"rendered": "<p>5%</p>"}},
        {"title": {"rendered": ""}, "content": {"rendered": "Two \\n 7%"}}
      ]
      """
    let articles = try ArticleReader.parse(Array(source.utf8), path: "p.json", format: .wordpress)
    #expect(articles.map(\.text) == ["One\n\n5%", "Two 7%"])
    #expect(articles.map(\.title) == ["One", nil])
    #expect(articles.map(\.date) == [SimpleDate("2024-01-02"), nil])
    expectFigure("7%", in: articles[1], source: source)
    expectFigure("5%", in: articles[0], source: source)
    #expect(try ArticleReader.parse(Array("[ ]".utf8), path: "p.json", format: .wordpress).isEmpty)
  }

  @Test(arguments: [
    (#"{"content": {"rendered": "x"}"#, "expected ',' or '}' after an object member", 1, 30),
    (#"{"content": {"rendered": "x\q"}}"#, "invalid escape '\\q' in a string", 1, 28),
    (
      "{\"content\": {\"rendered\": \"a\tb\"}}",
      "a control character in a string; write it as an escape such as \\n", 1, 28
    ),
    (#"{"a": 01}"#, "invalid number", 1, 7),
    ("{\n  \"a\": tru }", "expected a value; did you mean 'true'?", 2, 11),
    (#"{} x"#, "unexpected text after the JSON value", 1, 4),
    (#"{"a": "unclosed}"#, "the string is not closed; add the closing '\"'", 1, 7),
    (#"{"a": 1,}"#, "expected a member name in double quotes", 1, 9),
    (#"{"a" 1}"#, "expected ':' after the name", 1, 6),
    (#"[1 2]"#, "expected ',' or ']' after an array element", 1, 4),
    (#"{"a": "\u12"}"#, "'\\u' must be followed by four hex digits", 1, 8),
    ("", "expected a value", 1, 1),
  ])
  func invalidJSONIsALocatedProblem(source: String, reason: String, line: Int, column: Int) {
    let found = problem(source, .wordpress)
    if source.isEmpty {
      #expect(found?.error == .emptyFile)
    } else {
      #expect(found?.error == .article(.invalidJSON(reason)))
    }
    #expect([found?.location.line, found?.location.column] as [Int?] == [line, column])
  }

  @Test(arguments: [
    (#"{"title": {"rendered": "x"}}"#, "the post has no 'content.rendered' string", 1, 1),
    ("[{\"content\": \"a\"},\n  7]", "an array element is a number, not a post object", 2, 3),
    (#"  "text""#, "it holds a string, not a post object", 1, 3),
  ])
  func jsonThatIsNoPostIsALocatedProblem(source: String, reason: String, line: Int, column: Int) {
    let found = problem(source, .wordpress)
    #expect(found?.error == .article(.notAWordPressPost(reason)))
    #expect([found?.location.line, found?.location.column] as [Int?] == [line, column])
  }

  @Test func jsonProblemsAreWordedForEditors() {
    #expect(
      problem(#"{"a": 01}"#, .wordpress)?.message
        == "invalid JSON: invalid number; fix the JSON or export the post again")
    #expect(
      problem("[]]", .wordpress)?.message
        == "invalid JSON: unexpected text after the JSON value; fix the JSON or export the post "
        + "again")
    #expect(
      problem("7", .wordpress)?.message
        == "the JSON is not a WordPress post: it holds a number, not a post object; give a post "
        + "(or an array of posts) from the REST API, such as /wp-json/wp/v2/posts/ID")
    #expect(problem("  \n ", .wordpress)?.message == "the file is empty; add content or remove it")
  }

  @Test func deepJSONIsRefusedWithoutRecursion() {
    let limited = problem(String(repeating: "[", count: 600), .wordpress)
    #expect(limited?.error == .article(.jsonTooDeep(limit: 512)))
    #expect(limited?.location.column == 513)
    let objects = problem(String(repeating: "{\"a\":", count: 100_000), .wordpress)
    #expect(objects?.error == .article(.jsonTooDeep(limit: 512)))
    let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    #expect(
      problem(fine, .wordpress)?.error
        == .article(.notAWordPressPost("an array element is an array, not a post object")))
  }

  // MARK: Suppressions

  @Test(arguments: [
    (
      "factlint-disable-next-line growth: why",
      Result<Directive, ArticleError>.success(Directive(ruleIDs: ["growth"], reason: "why"))
    ),
    (
      " factlint-disable-next-line a.b_c-1, total : two\n  lines ",
      .success(Directive(ruleIDs: ["a.b_c-1", "total"], reason: "two lines"))
    ),
    (
      "FACTLINT-DISABLE-NEXT-LINE growth: why",
      .success(Directive(ruleIDs: ["growth"], reason: "why"))
    ),
    ("factlint-disable-next-line growth", .failure(.suppressionWithoutReason(ruleID: "growth"))),
    (
      "factlint-disable-next-line growth, total:   ",
      .failure(.suppressionWithoutReason(ruleID: "growth, total"))
    ),
    ("factlint-disable-next-line", .failure(.suppressionWithoutRule)),
    ("factlint-disable-next-line : why", .failure(.suppressionWithoutRule)),
    (
      "factlint-disable-next-line growth rate: why",
      .failure(.malformedSuppression("factlint-disable-next-line growth rate: why"))
    ),
    ("factlint-disable growth: why", .failure(.unknownDirective("factlint-disable"))),
  ])
  func directives(body: String, result: Result<Directive, ArticleError>) {
    let bytes = Array(body.utf8)
    #expect(Directive.parse(bytes, from: 0, to: bytes.count) == result)
  }

  @Test(arguments: ["a normal comment", "factlint is great", " wp:paragraph ", ""])
  func ordinaryCommentsAreNoDirectives(body: String) {
    let bytes = Array(body.utf8)
    #expect(Directive.parse(bytes, from: 0, to: bytes.count) == nil)
  }

  @Test func suppressionWithoutReasonIsAProblemAtTheComment() {
    let source = "Revenue 5%\n\n  <!-- factlint-disable-next-line stated-growth -->\nUp 70%\n"
    let found = problem(source, .markdown)
    #expect(
      found?.message
        == "suppression of 'stated-growth' has no reason; write "
        + "<!-- factlint-disable-next-line stated-growth: why it is fine -->")
    #expect(found?.error == .article(.suppressionWithoutReason(ruleID: "stated-growth")))
    #expect(
      [found?.location.line, found?.location.column, found?.location.length] as [Int?] == [
        3, 3, 49,
      ])
    #expect(problem("x <!-- factlint-disable-next-line growth: -->", .html) != nil)
    #expect(problem(#"{"content": "<!-- factlint-disable-next-line g -->"}"#, .wordpress) != nil)
  }

  @Test func markdownSuppressionsFindTheirLines() throws {
    let source = """
      <!-- factlint-disable-next-line growth, total: known rounding -->
      Revenue 70%

      Text <!-- factlint-disable-next-line conversion: inline --> more
      on the next line 5%

      <!--
      factlint-disable-next-line ratio:
        a multi-line
        reason
      -->


      Later 5
      <!-- factlint-disable-next-line trailing: nothing follows -->
      """
    let article = try read(source, .markdown)
    #expect(
      article.suppressions.map { [$0.ruleID, $0.reason, "\($0.line)", "\($0.location)"] } == [
        ["growth", "known rounding", "2", "draft:1:1"],
        ["total", "known rounding", "2", "draft:1:1"],
        ["conversion", "inline", "4", "draft:4:6"],
        ["ratio", "a multi-line reason", "14", "draft:7:1"],
        ["trailing", "nothing follows", "16", "draft:15:1"],
      ])
    #expect(article.text == "Revenue 70%\n\nText more\non the next line 5%\n\nLater 5")
  }

  // MARK: Bad input

  @Test func binaryAndNonUTF8AreProblems() {
    let binary = problem(Array("abc\ndef\0".utf8), .markdown)
    #expect(binary?.error == .article(.binary))
    #expect([binary?.location.line, binary?.location.column] as [Int?] == [2, 4])
    #expect(binary?.message.contains("give a text, Markdown, HTML or WordPress JSON") == true)
    let latin1 = problem([0x61, 0x0a, 0x62, 0xe9, 0x74, 0xe9], .text)
    #expect(latin1?.error == .notUTF8)
    #expect([latin1?.location.line, latin1?.location.column] as [Int?] == [2, 2])
    for bytes: [UInt8] in [
      [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
    ] {
      #expect(problem(bytes, .html)?.error == .notUTF8, "\(bytes)")
    }
    #expect(problem(Array("\u{10FFFF}\u{20AC}\u{E9}".utf8), .html) == nil)
  }

  @Test func readingFilesChecksThePath() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-articles-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let markdown = folder.appendingPathComponent("draft.md").path
    try Data("# Q2\n\nUp **70%**.\n".utf8).write(to: URL(fileURLWithPath: markdown))
    let articles = try ArticleReader.read(path: markdown)
    #expect(articles.map(\.text) == ["Q2\n\nUp 70%."])
    #expect(articles.first?.path == markdown)
    let binary = folder.appendingPathComponent("draft.html").path
    try Data([0x3c, 0x70, 0x3e, 0x00]).write(to: URL(fileURLWithPath: binary))
    #expect(throws: Problem(.article(.binary), at: .init(file: binary, line: 1, column: 4))) {
      try ArticleReader.read(path: binary)
    }
    let pdf = folder.appendingPathComponent("draft.pdf").path
    #expect(
      throws: Problem(
        .article(.unsupportedFormat("draft.pdf")), at: .init(file: pdf, line: 1, column: 1))
    ) {
      try ArticleReader.read(path: pdf)
    }
    let missing = folder.appendingPathComponent("missing.txt").path
    #expect(throws: Problem(.notFound, at: .init(file: missing, line: 1, column: 1))) {
      try ArticleReader.read(path: missing)
    }
  }

  @Test func articleErrorMessagesSayWhatToDo() {
    let errors: [ArticleError] = [
      .unsupportedFormat("a.pdf"), .binary, .invalidJSON("x"), .jsonTooDeep(limit: 512),
      .notAWordPressPost("x"), .suppressionWithoutReason(ruleID: "r"), .suppressionWithoutRule,
      .malformedSuppression("x"), .unknownDirective("x"),
    ]
    for error in errors {
      #expect(error.message.first?.isUppercase == false)
      #expect(error.message.contains(";"))
      #expect(InputError.article(error).message == error.message)
    }
  }

  // MARK: Position map

  @Test func verbatimRunsNeedOneAnchor() throws {
    let prose = String(
      repeating: "Xiaomi shipped 23.16 million units in the quarter.\n", count: 10_000)
    #expect(try read(prose, .text).map.count == 1)
    let paragraphs = String(repeating: "Revenue rose **70%** to $5 &amp; more.\n\n", count: 1_000)
    let article = try read(paragraphs, .markdown)
    #expect(article.map.count <= 8 * 1_000)
    let html = try read("<p>" + prose + "</p>", .html)
    #expect(html.map.count <= 2 * 10_000 + 2)
  }

  @Test func offsetsOutsideTheTextAreClamped() throws {
    let article = try read("ab\ncd", .text)
    #expect(article.location(atUTF8Offset: -5) == .init(file: "draft", line: 1, column: 1))
    #expect(article.location(atUTF8Offset: 4) == .init(file: "draft", line: 2, column: 2))
    #expect(article.location(atUTF8Offset: 99) == .init(file: "draft", line: 2, column: 3))
    let empty = try read("", .markdown)
    #expect(empty.text.isEmpty)
    #expect(empty.location(atUTF8Offset: 0) == .init(file: "draft", line: 1, column: 1))
    let range = article.text.startIndex..<article.text.endIndex
    #expect(article.location(of: range) == .init(file: "draft", line: 1, column: 1, length: 2))
  }

  @Test func rangesAcrossLinesStopAtTheLineEnd() throws {
    let source = "Xiaomi shipped *23.16*\nmillion units.\n"
    let article = try read(source, .markdown)
    let range = try #require(article.text.firstRange(of: "23.16\nmillion"))
    let location = article.location(of: range)
    #expect([location.line, location.column, location.length] as [Int] == [1, 17, 6])
  }

  // MARK: Robustness

  @Test(arguments: ArticleFormat.allCases)
  func pathologicalInputsStayLinear(format: ArticleFormat) {
    for unit in [
      "[a", "<a ", "*a ", "_a ", "`a ``b ", "&amp", "<!-- ", "[a](", "> ", "- ", "![", "<b>",
      "</", "\\", "{\"a\":[", "\"\\u", "|", "~~a ",
    ] {
      let source = String(repeating: unit, count: 30_000)
      if let article = try? read(source, format) {
        #expect(article.text.utf8.count <= 2 * source.utf8.count)
      }
    }
  }

  @Test(arguments: ArticleFormat.allCases)
  func randomMarkupNeverBreaksTheReaders(format: ArticleFormat) throws {
    let pieces = [
      "<", ">", "</", "<!--", "-->", "&", "&amp;", "&#", "&#x1F680;", ";", "*", "**", "_", "`",
      "```", "[", "]", "(", ")", "!", "|", "-", "#", "> ", "\n", "\n\n", " ", "    ", "a", "5",
      "\u{20AC}", "\u{2014}", "\u{A0}", "e\u{301}", "\\", "\"", "'", "<p>", "</p>", "<br>",
      "<script>", "</script>", "<pre>", "</pre>", "<td>", "<tr>", "{", "}", ":", ",", "---",
      "~~", "\t", "\r\n", "1. ", "<!-- factlint-disable-next-line r: ok -->", "<b>", "</b>",
      "[x]: /y", "<noscript>", "<title>", "<head>", "<body>",
    ]
    var random = SeededGenerator(seed: 0x5eed)
    for round in 0..<150 {
      var source = ""
      for _ in 0..<Int.random(in: 1...120, using: &random) {
        source += pieces.randomElement(using: &random)!
      }
      if format == .wordpress {
        // Half the rounds wrap the markup as a post, so the HTML reader runs behind escapes.
        if round % 2 == 0 {
          let escaped = source.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "/": return "\\/"
            default:
              return scalar.value > 0x7f && round % 4 == 0
                ? String(scalar.value, radix: 16).leftPadded(to: 4) : String(scalar)
            }
          }.joined()
          source = "{\"title\": {\"rendered\": \"T\"}, \"content\": {\"rendered\": \"\(escaped)\"}}"
        }
      }
      do {
        for article in try ArticleReader.parse(Array(source.utf8), path: "f", format: format) {
          expectSane(article)
          expectLettersMapHome(article)
        }
      } catch {
        #expect(!error.message.isEmpty)
      }
    }
  }
}

extension String {
  /// The text as a `\uXXXX` escape: zero-padded to four hex digits, or a surrogate pair.
  fileprivate func leftPadded(to width: Int) -> String {
    guard let value = UInt32(self, radix: 16) else { return self }
    if value > 0xffff {
      let offset = value - 0x10000
      let high = String(0xd800 + (offset >> 10), radix: 16)
      let low = String(0xdc00 + (offset & 0x3ff), radix: 16)
      return "\\u\(high)\\u\(low)"
    }
    return "\\u" + String(repeating: "0", count: max(0, width - count)) + self
  }
}
