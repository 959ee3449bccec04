/// Why an input could not be used. Every message that reports bad input is worded here.
public enum InputError: Error, Sendable, Equatable {
  /// The file exists but cannot be read; the reason says why.
  case unreadable(reason: String)
  /// An output (a report, a baseline) cannot be written; the reason says why.
  case unwritable(reason: String)
  /// No file or folder at the path.
  case notFound
  /// A path an input names leads outside the folders it may name.
  case outsideAllowedFolders(path: String, resolved: String)
  /// A folder holds no file factlint reads.
  case noInputFiles
  /// A folder given as articles holds no article file.
  case noArticleFiles
  /// The file is larger than factlint reads into memory.
  case tooLarge(bytes: Int, limit: Int)
  /// The file is not valid UTF-8.
  case notUTF8
  /// The file is text in another encoding ("UTF-16").
  case otherEncoding(String)
  /// The file holds a NUL byte.
  case binary
  /// The file holds nothing to read.
  case emptyFile
  /// The YAML could not be parsed.
  case yaml(YAMLError)
  /// Something that must be a mapping is another kind of node.
  case notAMapping(what: String, found: String)
  /// A key's value is not of the type it takes.
  case wrongType(key: String, expected: String, found: String)
  /// A key that is not allowed where it is, with the closest allowed key.
  case unknownKey(String, context: String, suggestion: String?)
  /// A required key is missing.
  case missingKey(String, context: String)
  /// A value that does not read as a figure.
  case invalidFigure(QuantityError)
  /// A period that is not written as factlint reads periods.
  case invalidPeriod(String)
  /// A base period that is not one factlint knows.
  case invalidBasePeriod(String)
  /// An exchange rate that does not read as one.
  case invalidRate(String)
  /// A date that is not written `YYYY-MM-DD`.
  case invalidDate(String)
  /// A severity that is not `error`, `warning` or `off`.
  case invalidSeverity(String)
  /// A sign that is not `+` or `-`.
  case invalidSign(String)
  /// A key whose value is empty.
  case emptyValue(key: String)
  /// A rule names a check kind that is not registered, with the closest one.
  case unknownCheck(String, suggestion: String?)
  /// A rule id used a second time, with where it was first used.
  case duplicateRuleID(String, first: SourceLocation)
  /// A figure's key given again in the data with a value that disagrees with the first.
  case conflictingFigure(key: String, value: String, first: String, at: SourceLocation)
  /// A check refused a rule's parameters; the message says why.
  case invalidParameter(check: String, message: String)
  /// A base period that does not apply to the figure's period ("previous quarter" of a year).
  case noBasePeriod(base: String, period: Period)
  /// A CSV header lacks a column it needs.
  case csvMissingColumn(String)
  /// A CSV quote is never closed.
  case csvUnclosedQuote
  /// A CSV row has another number of fields than the header.
  case csvFieldCount(expected: Int, found: Int)
  /// A CSV header names a column factlint does not read, with the closest one.
  case csvUnknownColumn(String, suggestion: String?)
  /// A CSV header names a column, or a period, a second time.
  case csvDuplicateColumn(String, first: SourceLocation)
  /// A report table's cell that does not read as a figure.
  case invalidCell(String)
  /// A scale that is not one factlint knows (thousands, millions, billions).
  case invalidScale(String)
  /// A report table's row has another number of cells than the table has columns.
  case rowLength(expected: Int, found: Int)
  /// A YAML file holds neither `rules:` nor `figures:`.
  case notARuleFile
  /// A file given as rules or data that is not YAML or CSV.
  case unsupportedFileType(String)
  /// An article could not be read.
  case article(ArticleError)
  /// A configured article pattern matches no file: a notice, since the run goes on.
  case noArticlesMatch(String)
  /// A file in a folder of rules or data that looks like data factlint does not read (`.json`,
  /// `.xlsx`), named: a notice, since the folder's other files are read.
  case unreadDataFile(String)
  /// A plugin failed; the problem says how.
  case plugin(id: String, problem: String)
  /// A rule whose plugin would run a command, in a run the user did not allow to run them.
  case untrustedProgram(rule: String)
  /// A rule names a plugin that no `plugins:` list declares.
  case unknownPlugin(String)
  /// `--since` names a revision git cannot compare with.
  case badRevision(String, detail: String)
  /// `--since` is given in a folder that is in no git repository.
  case notInRepository(revision: String)
  /// A baseline file that is not one factlint wrote.
  case invalidBaseline(String)
  /// A suppression gives a reason but no rule to ignore.
  case unusedSuppressionReason
  /// A data file's JSON is not valid; the reason says where it breaks.
  case invalidJSON(String)
  /// A data file's JSON nests deeper than factlint reads.
  case jsonTooDeep(limit: Int)
  /// A JSON data file that is neither SEC companyfacts nor an xBRL-JSON report; says what it
  /// holds instead.
  case notAFiling(String)
  /// A filing's fact in a unit factlint cannot give a meaning.
  case unknownFilingUnit(String)
  /// A filing's fact whose period is written in no form XBRL uses.
  case invalidFilingPeriod(String)
  /// The same fact filed with values that disagree beyond their precision: a notice, since the
  /// later value is the one checked.
  case restatedFact(key: String, earlier: String, at: SourceLocation, later: String)
  /// One report giving a fact twice with values that disagree beyond their precision (an
  /// inconsistent duplicate, in XBRL's words): a notice, since the later value is checked.
  case inconsistentDuplicateFact(key: String, first: String, at: SourceLocation, second: String)
  /// A file given as a workbook that is not one factlint can read; says why.
  case notAWorkbook(String)
  /// A workbook's XML part that is not well-formed, with where in the part and why.
  case invalidWorkbookPart(part: String, reason: String)
  /// A workbook's part that inflates past what factlint reads.
  case workbookPartTooLarge(part: String, limit: Int)
  /// A sheet with more rows than factlint reads.
  case tooManyRows(limit: Int)
  /// A database that cannot be read as configured, or a row in it that cannot be read; the
  /// message says what is wrong and what to do.
  case database(String)
  /// What a database run leaves unchecked: a notice.
  case databaseNotice(String)
  /// A formula cell saved without its calculated value.
  case uncalculatedFormula
  /// A cell holding an error value (`#DIV/0!`).
  case cellError(String)
  /// A sheet with no row of periods, whose cells are no figures: a notice.
  case sheetWithoutPeriods(String)
  /// Facts of a filing whose periods factlint keys no figure by (nine months to date, a fiscal
  /// quarter of a year the filing does not name): a notice, with how many and one of them.
  case unplacedFilingFacts(count: Int, example: String)

  /// Lower case; says what is wrong and what to do.
  public var message: String {
    switch self {
    case .unreadable(let reason):
      return "cannot read the file: \(reason); check the path and its permissions"
    case .unwritable(let reason):
      return "cannot write the file: \(reason); check that its folder exists and may be written to"
    case .notFound:
      return "no such file or folder; check the path"
    case .outsideAllowedFolders(let path, let resolved):
      return
        "'\(path)' leads to \(resolved), outside the folders a file may name (its repository, "
        + "or else its folder and the current one); move it inside, or pass --allow-path with "
        + "the folder if you trust it"
    case .noInputFiles:
      return "no .yml, .yaml or .csv files here; give a rule file or a folder of them"
    case .noArticleFiles:
      return
        "no article files (.md, .markdown, .txt, .text, .html or .htm) here; give an article "
        + "or a folder of them (a WordPress .json post by its name)"
    case .tooLarge(let bytes, let limit):
      return "the file is \(bytes) bytes, over the limit of \(limit); split it into smaller files"
    case .notUTF8:
      return "the file is not UTF-8 text; save it as UTF-8"
    case .otherEncoding(let name):
      return "the file is \(name) text; save it as UTF-8"
    case .binary:
      return "the file looks binary (it holds a NUL byte); give a YAML or CSV text file"
    case .emptyFile:
      return "the file is empty; add content or remove it"
    case .yaml(let error):
      return error.message
    case .notAMapping(let what, let found):
      return "\(what) must be a mapping of keys to values, not \(found)"
    case .wrongType(let key, let expected, let found):
      return "'\(key)' must be \(expected), not \(found)"
    case .unknownKey(let key, let context, let suggestion):
      let hint = suggestion.map { "did you mean '\($0)'?" } ?? "remove it or check the spelling"
      return "unknown key '\(key)' in \(context); \(hint)"
    case .missingKey(let key, let context):
      return "\(context) has no '\(key)'; add it"
    case .invalidFigure(let error):
      return error.message
    case .invalidPeriod(let text):
      return
        "'\(text)' is not a period; write a year (2017), half (2017-H1), quarter (2017-Q2), "
        + "month (2017-09) or fiscal year (FY2017)"
    case .invalidBasePeriod(let text):
      return
        "'\(text)' is not a base period; write 'previous quarter', 'previous year', "
        + "'a year earlier', 'year on year' or a period such as 2017-Q1"
    case .invalidRate(let text):
      return
        "'\(text)' is not an exchange rate; write 'USD/CNY 7.1348' or '$1 = RMB 7.1348'"
    case .invalidDate(let text):
      return "'\(text)' is not a date; write it as YYYY-MM-DD"
    case .invalidSeverity(let text):
      let suggestion = Suggestion.closest(to: text, in: ["error", "warning", "off"])
      return "'\(text)' is not a severity; use error, warning or off"
        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
    case .invalidSign(let text):
      return "'\(text)' is not a sign; use '+' or '-'"
    case .emptyValue(let key):
      return "'\(key)' is empty; give it a value"
    case .unknownCheck(let id, let suggestion):
      let hint = suggestion.map { "did you mean '\($0)'?" } ?? "run 'factlint checks' to list them"
      return "unknown check '\(id)'; \(hint)"
    case .conflictingFigure(let key, let value, let first, let at):
      return
        "\(key) is given twice with values that disagree: \(value) here, \(first) at "
        + "\(at.file):\(at.line):\(at.column); remove one, or give each its own 'source:' to "
        + "check them with a restatement rule"
    case .duplicateRuleID(let id, let first):
      return
        "duplicate rule id '\(id)' (first at \(first.file):\(first.line):\(first.column)); "
        + "give each rule its own id"
    case .invalidParameter(let check, let message):
      return "\(message) (check '\(check)'; see 'factlint explain \(check)')"
    case .noBasePeriod(let base, let period):
      return
        "'\(base)' does not apply to \(period); name the base period, such as \(period.previous)"
    case .csvMissingColumn(let name):
      return "the CSV header has no '\(name)' column; add it"
    case .csvUnclosedQuote:
      return "a quoted CSV field is not closed; add the closing '\"'"
    case .csvFieldCount(let expected, let found):
      return "this row has \(found) fields but the header has \(expected); add or remove commas"
    case .csvDuplicateColumn(let name, let first):
      return
        "the CSV header repeats the column '\(name)' (first at line \(first.line), column "
        + "\(first.column)); remove or rename one of them"
    case .csvUnknownColumn(let name, let suggestion):
      let hint = suggestion.map { "did you mean '\($0)'?" } ?? "remove it or check the spelling"
      return "unknown CSV column '\(name)'; \(hint)"
    case .invalidCell(let text):
      return
        "'\(text)' is not a figure; write a number such as 1,234.5 or (123) for a negative, "
        + "or '—' for none"
    case .invalidScale(let text):
      return "'\(text)' is not a scale; write thousands, millions or billions"
    case .rowLength(let expected, let found):
      return
        "this row has \(found) cells but the table has \(expected) columns and a label; "
        + "add or remove cells"
    case .notARuleFile:
      return
        "this file has neither 'rules:' nor 'figures:'; a rule file lists 'rules:', "
        + "a data file 'figures:'"
    case .unsupportedFileType(let name):
      return "'\(name)' is not a .yml, .yaml or .csv file; give rule or data files"
    case .article(let error):
      return error.message
    case .noArticlesMatch(let pattern):
      return
        "no article file matches '\(pattern)', so it checks nothing; check the pattern, or "
        + "remove it"
    case .unreadDataFile(let name):
      return
        "'\(name)' is not read: data files are YAML, CSV, TSV, .xlsx workbooks, or filings in "
        + "JSON (SEC companyfacts, xBRL-JSON); convert it, or move it out of this folder"
    case .invalidJSON(let reason):
      return "the JSON is not valid: \(reason)"
    case .jsonTooDeep(let limit):
      return "the JSON nests arrays and objects more than \(limit) deep; factlint reads no deeper"
    case .notAFiling(let found):
      return
        "this JSON is not a filing factlint reads (\(found)); give the SEC's companyfacts JSON "
        + "(an object with 'cik' and 'facts') or an xBRL-JSON report (with 'documentInfo' and "
        + "'facts'), or move it out of the data"
    case .unknownFilingUnit(let unit):
      return
        "unit '\(unit)' is not one factlint reads: a currency code (USD), shares, pure, an "
        + "amount per unit (USD/shares) or a count of one thing (employee); leave this fact "
        + "out of the data"
    case .invalidFilingPeriod(let period):
      return
        "'\(period)' is not a period: write 'start'/'end' dates as YYYY-MM-DD, or an xBRL-JSON "
        + "period as START/END or one instant in ISO 8601"
    case .restatedFact(let key, let earlier, let at, let later):
      return
        "\(key) was restated: \(earlier) (\(at.file):\(at.line):\(at.column)), then \(later); "
        + "the later value is checked"
    case .inconsistentDuplicateFact(let key, let first, let at, let second):
      return
        "\(key) is given twice with values that disagree: \(first) "
        + "(\(at.file):\(at.line):\(at.column)), and \(second); the later value is checked"
    case .notAWorkbook(let reason):
      return
        "this is not an .xlsx workbook factlint can read: \(reason); save it from the "
        + "spreadsheet application as an Excel workbook (.xlsx)"
    case .invalidWorkbookPart(let part, let reason):
      return
        "the workbook's part \(part) is not well-formed XML: \(reason); save the workbook again "
        + "from the spreadsheet application"
    case .workbookPartTooLarge(let part, let limit):
      return
        "the workbook's part \(part) inflates to more than \(limit / (1024 * 1024)) MiB, more "
        + "than factlint reads; split the workbook, or export the figures as CSV"
    case .database(let message), .databaseNotice(let message):
      return message
    case .tooManyRows(let limit):
      return
        "the sheet has more than \(limit) rows, more than factlint reads in a sheet; split it, or "
        + "export the figures as CSV"
    case .uncalculatedFormula:
      return
        "the formula was saved without its calculated value; open the workbook in a "
        + "spreadsheet application, let it calculate, and save it"
    case .cellError(let value):
      return "the cell holds the error \(value); fix its formula or its value"
    case .sheetWithoutPeriods(let sheet):
      return
        "sheet '\(sheet)' has no row of periods (2024, FY2024, Q2 2024 or dates), so none of "
        + "its cells are read as figures"
    case .unplacedFilingFacts(let count, let example):
      let facts = count == 1 ? "1 fact is" : "\(count) facts are"
      return
        "\(facts) not read, since factlint keys figures by year, half, quarter and month: "
        + "\(example)"
    case .plugin(let id, let problem):
      return "plugin '\(id)' \(problem); fix the plugin or its command in 'plugins:'"
    case .untrustedProgram(let rule):
      return
        "rule '\(rule)' runs a plugin's command, and plugins run only when allowed; pass "
        + "--allow-plugins (or set FACTLINT_ALLOW_PLUGINS=1) if you trust these rules"
    case .unknownPlugin(let id):
      return "plugin '\(id)' is declared twice or clashes with a built-in check; rename it"
    case .badRevision(let revision, let detail):
      return "cannot compare with '\(revision)': \(detail); give a git revision such as HEAD~1"
    case .notInRepository(let revision):
      return
        "this folder is in no git repository, so '--since \(revision)' has no changes to "
        + "compare; run factlint inside the repository, or leave out --since"
    case .invalidBaseline(let detail):
      return "the baseline is not valid: \(detail); write it again with --write-baseline"
    case .unusedSuppressionReason:
      return "'reason' without 'ignore'; add the rule ids to ignore or remove the reason"
    }
  }
}

/// An input problem at a place in a file.
public struct Problem: Error, Sendable, Equatable {
  /// Where the problem is; line and column 1 when it concerns the whole file.
  public var location: SourceLocation
  /// What is wrong.
  public var error: InputError

  /// Creates a problem.
  public init(_ error: InputError, at location: SourceLocation) {
    self.error = error
    self.location = location
  }

  /// The message.
  public var message: String { error.message }

  /// Whether the problem is a notice: a remark on the inputs that leaves the run's outcome as it
  /// is, as a pattern that matches nothing yet or a file skipped in a folder.
  public var isNotice: Bool {
    switch error {
    case .noArticlesMatch, .unreadDataFile, .restatedFact, .inconsistentDuplicateFact,
      .unplacedFilingFacts, .sheetWithoutPeriods, .databaseNotice:
      true
    default: false
    }
  }

  /// Whether the problem is in the file's text, so that its line may be shown under it: not when
  /// it is about the path (a file missing, unreadable, too large, or leading outside), whose text
  /// factlint did not or must not read.
  public var showsSource: Bool {
    switch error {
    case .notFound, .outsideAllowedFolders, .unreadable, .tooLarge, .noInputFiles, .noArticleFiles,
      .unsupportedFileType, .unreadDataFile, .notInRepository:
      false
    default: true
    }
  }
}

/// Finds the closest known word to a misspelt one, for "did you mean".
public enum Suggestion {
  /// The candidate within an edit distance of a third of the word's length (at least 2), if any.
  public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let limit = max(2, word.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(word.lowercased(), candidate.lowercased())
      if distance <= limit, distance < best?.1 ?? Int.max { best = (candidate, distance) }
    }
    return best?.0
  }

  /// Levenshtein distance over characters.
  package static func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
