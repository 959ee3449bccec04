import FactlintModel
import FactlintReading

/// Checks articles: figures and claims read out of the prose are checked against each other and
/// against the data given with `--data` or named by `--rules` files.
public struct ArticleRun: Sendable {
  /// The check kinds; each runs once over every article, as a rule with the check's id.
  public let registry: CheckRegistry
  /// Whether to report claims that could not be checked.
  public var showUnverified: Bool
  /// Severity overrides, tolerances and plugins.
  public var configuration: Configuration
  /// Whether the result keeps each article with its figures, claims and the data it was
  /// checked against, for an editor to show.
  public var keepsArticles = false

  /// Creates a run.
  public init(
    registry: CheckRegistry, showUnverified: Bool = false,
    configuration: Configuration = Configuration()
  ) {
    self.registry = registry
    self.showUnverified = showUnverified
    self.configuration = configuration
  }

  /// What reading the data and the articles gave.
  public struct Inputs: Sendable {
    /// The data every article is checked against.
    public var data: Dataset
    /// Each article's extraction, in the order given.
    public var extractions: [(article: Article, extraction: Extraction)]
    /// Inputs that could not be used.
    public var problems: [Problem]
    /// How many files were read.
    public var fileCount: Int
    /// The files read, when the reading says.
    public var readFiles: Set<String> = []
    /// The data files read, with how many figures each holds.
    public var dataFiles: [DataFileSummary] = []

    /// Inputs read elsewhere: articles already extracted, checked against `data`.
    public init(
      data: Dataset, extractions: [(article: Article, extraction: Extraction)],
      problems: [Problem] = [], fileCount: Int
    ) {
      self.data = data
      self.extractions = extractions
      self.problems = problems
      self.fileCount = fileCount
    }
  }

  /// A draft given on standard input (`factlint check -`): its bytes, and the name diagnostics
  /// give it.
  public struct StandardInput: Sendable {
    /// What diagnostics call it: the `--stdin-path` given, else `<stdin>`.
    public var name: String
    /// Its format: from the name's extension, Markdown when no name was given; nil when the name
    /// has an extension factlint does not read articles from.
    public var format: ArticleFormat?
    /// What was read.
    public var bytes: [UInt8]

    /// Standard input's `bytes`, named `name` when given.
    public init(name: String?, bytes: [UInt8]) {
      self.name = name ?? "<stdin>"
      self.format = name.map { ArticleFormat(path: $0) } ?? .markdown
      self.bytes = bytes
    }
  }

  /// Reads the data named by `dataPaths` and `rulePaths`, and the articles at `articlePaths`: a
  /// folder stands for the article files below it, and `-` for `standardInput`.
  public func read(
    articlePaths: [String], dataPaths: [String], rulePaths: [String],
    standardInput: StandardInput? = nil, progress: (any RunProgress)? = nil
  ) -> Inputs {
    var problems: [Problem] = []
    var dataFiles: [String] = []
    var read = Set<String>()
    let scope = configuration.readScope
    for path in dataPaths {
      do {
        dataFiles += try SourceFiles.expand(
          path, scope: scope, extensions: SourceFiles.dataExtensions, problems: &problems)
      } catch {
        problems.append(error)
      }
    }
    var seenIDs: [String: SourceLocation] = [:]
    for path in rulePaths {
      do {
        for file in try SourceFiles.expand(path, scope: scope, problems: &problems) {
          read.insert(file)
          guard let root = SourceFiles.readYAML(file, problems: &problems) else { continue }
          dataFiles +=
            RuleLoader.load(
              root, path: file, registry: registry, scope: scope, seenIDs: &seenIDs,
              problems: &problems
            ).dataFiles
        }
      } catch {
        problems.append(error)
      }
    }
    var articleFiles: [String] = []
    for path in articlePaths {
      guard path != "-" || standardInput == nil, SourceFiles.isFolder(path) else {
        articleFiles.append(path)
        continue
      }
      do {
        articleFiles += try SourceFiles.expand(
          path, scope: scope, extensions: ArticleFormat.folderExtensions,
          whenEmpty: .noArticleFiles,
          problems: &problems)
      } catch {
        problems.append(error)
      }
    }
    // The progress line counts the data files, then the articles.
    dataFiles = dataFiles.filter { read.insert($0).inserted }
    let total = dataFiles.count + articleFiles.count
    var loaded: [DataFile] = []
    for (done, file) in dataFiles.enumerated() {
      progress?.update(done, of: total)
      if let data = DataLoader.load(file, problems: &problems) { loaded.append(data) }
    }
    let data = Engine.dataset(loaded)
    problems += data.conflictingFigures()
    let extractor = Extractor(aliases: data.aliases)
    var extractions: [(Article, Extraction)] = []
    for (done, path) in articleFiles.enumerated() {
      progress?.update(dataFiles.count + done, of: total)
      do {
        let articles: [Article]
        if path == "-", let standardInput {
          read.insert(standardInput.name)
          articles = try Self.articles(of: standardInput)
        } else {
          let file = SourceFiles.normalize(path)
          read.insert(file)
          articles = try ArticleReader.read(path: file)
        }
        for article in articles { extractions.append((article, extractor.extract(article))) }
      } catch {
        problems.append(error)
      }
    }
    progress?.finish()
    var inputs = Inputs(
      data: data, extractions: extractions, problems: problems, fileCount: read.count)
    inputs.readFiles = read
    inputs.dataFiles = loaded.map { DataFileSummary(path: $0.path, figureCount: $0.figures.count) }
    return inputs
  }

  private static func articles(of input: StandardInput) throws(Problem) -> [Article] {
    guard let format = input.format else {
      let name = input.name.split(separator: "/").last.map(String.init) ?? input.name
      throw Problem(
        .article(.unsupportedFormat(name)), at: SourceLocation(file: input.name, line: 1, column: 1)
      )
    }
    return try ArticleReader.parse(input.bytes, path: input.name, format: format)
  }

  /// Checks every article read; diagnostics are those located in the articles. The articles'
  /// figures join the data in one dataset, so a claim in one article may use a figure another
  /// states, and a figure written in the data or an earlier article must agree with it there.
  public func check(_ inputs: Inputs) -> LintResult {
    let extractions = inputs.extractions.map(\.extraction)
    let tolerance = configuration.tolerance
    let articleFigures = extractions.flatMap(\.boundFigures)
    let shared = inputs.data.adding(articleFigures: articleFigures).applying(tolerance)
    let statements = SourceAgreement.statements(in: extractions)
    var diagnostics: [Diagnostic] = []
    var checked: [CheckedArticle] = []
    for (position, (article, extraction)) in inputs.extractions.enumerated() {
      var claims =
        SourceAgreement.withoutRestatementsOfData(extraction.claims, data: inputs.data)
        + SourceAgreement.claims(
          of: position, in: extractions, data: inputs.data, statements: statements)
      if !tolerance.isEmpty { claims = claims.map { $0.mapFigures { $0.widened(by: tolerance) } } }
      let dataset = shared.replacing(rates: inputs.data.rates + extraction.rates, claims: claims)
      var found: [Diagnostic] = []
      for check in registry.checks {
        let id = check.description.id
        let severity = configuration.severity(of: id, default: .error)
        guard severity != .off,
          let instance = try? check.init(parameters: Parameters(ruleLocation: article.start))
        else { continue }
        // Only the article's claims: the data's own figures are checked by `factlint lint`, and
        // a check over all of them would take as long as the data is large.
        let findings = instance.evaluate(Selection(figures: [], claims: claims), in: dataset)
        let rule = Rule(
          id: id, checkID: id, severity: severity, selector: Selector(), check: instance,
          location: article.start)
        found += Engine.diagnostics(findings, of: rule).filter { $0.location.file == article.path }
      }
      let kept = SuppressionFilter.apply(article.lineSuppressions, to: found)
      diagnostics += kept
      if showUnverified {
        diagnostics += Unverified.notes(extraction, in: dataset, registry: registry)
      }
      if keepsArticles {
        checked.append(
          CheckedArticle(
            article: article, extraction: extraction, claims: claims, dataset: dataset,
            diagnostics: kept))
      }
    }
    diagnostics.sort(by: Engine.order)
    var result = LintResult(
      diagnostics: diagnostics, problems: [], fileCount: inputs.fileCount,
      rules: registry.checks.compactMap { check in
        let id = check.description.id
        return configuration.severity(of: id, default: .error).apply(to: .error).map {
          RuleRun(id: id, checkID: id, severity: $0)
        }
      }, articles: checked, dataFiles: inputs.dataFiles)
    result.record(inputs.problems.sorted { $0.location < $1.location })
    result.readFiles = inputs.readFiles
    return result
  }
}

/// A data file a run read: its path and how many figures it holds.
public struct DataFileSummary: Sendable, Hashable {
  /// The file's path.
  public var path: String
  /// How many figures it holds.
  public var figureCount: Int
}

/// An article as a run checked it: what was read from it, the claims checked, the data they were
/// checked against, and its diagnostics.
public struct CheckedArticle: Sendable {
  /// The article.
  public var article: Article
  /// Its figures and claims.
  public var extraction: Extraction
  /// The claims the checks were given: the article's own, and its restatements of other figures.
  public var claims: [Claim]
  /// The data and the articles' figures, as the checks saw them.
  public var dataset: Dataset
  /// The article's diagnostics after its suppressions.
  public var diagnostics: [Diagnostic]

  /// A note for each claim of the article that `registry`'s checks could not check, as
  /// `--show-unverified` lists them; found when asked for, since an editor asks only on hover.
  public func unverifiedNotes(registry: CheckRegistry) -> [Diagnostic] {
    Unverified.notes(extraction, in: dataset, registry: registry)
  }
}

extension Article {
  /// The article's first character, for rules that have no place of their own.
  var start: SourceLocation { SourceLocation(file: path, line: 1, column: 1) }

  /// The `factlint-disable-next-line` comments, each covering the line after it.
  var lineSuppressions: [DataSuppression] {
    suppressions.map {
      DataSuppression(
        ruleIDs: [$0.ruleID], reason: $0.reason, location: $0.location,
        scope: .lines(file: path, range: $0.line...$0.line))
    }
  }
}

extension Extractor {
  /// Extracts the figures and claims of an article, located in its file.
  public func extract(_ article: Article) -> Extraction {
    var extraction = extract(
      text: article.text, path: article.path, date: article.date, tables: article.tables
    ) { range in article.location(of: range) }
    for index in extraction.figures.indices {
      guard let range = extraction.figures[index].textRange else { continue }
      let bytes = article.byteRange(of: range)
      extraction.figures[index].bytes = bytes
      extraction.figures[index].end = article.end(
        of: bytes, startingAt: extraction.figures[index].figure.location)
    }
    return extraction
  }
}
