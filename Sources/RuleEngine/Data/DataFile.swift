import FactlintModel
import FactlintYAML

/// The figures, rates and aliases of one data file.
public struct DataFile: Sendable {
  /// The file's path.
  public var path: String
  /// Its figures.
  public var figures: [Figure] = []
  /// Its exchange rates.
  public var rates: [ExchangeRate] = []
  /// Its aliases.
  public var aliases = Aliases()
  /// The `ignore:` entries of its figures.
  public var suppressions: [DataSuppression] = []
  /// The figures' index, when they were indexed as they were read.
  var index: FigureIndex?

  /// An empty data file at `path`.
  public init(path: String) {
    self.path = path
  }
}

/// Reads data files: YAML datasets and CSV tables, reporting every bad entry, not just the first.
public enum DataLoader {
  static let topKeys = [
    "entity", "segment", "source", "currency", "scale", "figures", "tables", "rates", "aliases",
  ]
  static let figureKeys = [
    "entity", "metric", "period", "segment", "value", "change", "rate", "source", "ignore",
    "reason",
  ]
  static let changeKeys = ["vs", "stated"]
  static let rateKeys = ["pair", "rate", "date"]

  /// Loads `path` by its extension; problems are appended, and the good entries kept.
  public static func load(_ path: String, problems: inout [Problem]) -> DataFile? {
    if path.lowercased().hasSuffix(".xlsx") {
      return SpreadsheetLoader.load(path, problems: &problems)
    }
    if path.lowercased().hasSuffix(".json") {
      do {
        return FilingLoader.load(path, bytes: try SourceFiles.read(path), problems: &problems)
      } catch {
        problems.append(error)
        return nil
      }
    }
    if SourceFiles.isCSV(path) {
      do {
        return CSVDataLoader.load(path, bytes: try SourceFiles.read(path), problems: &problems)
      } catch {
        problems.append(error)
        return nil
      }
    }
    // The figures are read on another core while the parser reads on, and their nodes are let
    // go batch by batch instead of being held as one tree.
    let reader = FigureReader(path: path)
    let stream = YAMLItemStream(key: "figures", begin: reader.begin) {
      reader.read($0, expectedCount: $1)
    }
    guard let root = SourceFiles.readYAML(path, stream: stream, problems: &problems) else {
      _ = reader.finish()
      return nil
    }
    return load(root, path: path, streamedTo: reader, problems: &problems)
  }

  /// Reads a parsed YAML data file.
  public static func load(_ root: YAMLNode, path: String, problems: inout [Problem]) -> DataFile? {
    load(root, path: path, streamedTo: nil, problems: &problems)
  }

  /// Reads a parsed YAML data file whose figures, if `reader` is given, were streamed to it.
  private static func load(
    _ root: YAMLNode, path: String, streamedTo reader: FigureReader?, problems: inout [Problem]
  ) -> DataFile? {
    var file = DataFile(path: path)
    let top: YAMLFields
    let defaults: FigureDefaults
    do {
      top = try YAMLFields(root, file: path, context: "a data file", allowed: topKeys)
      defaults = try FigureDefaults(top)
      if let aliases = top["aliases"] { file.aliases = try readAliases(aliases, path: path) }
    } catch {
      _ = reader?.finish()
      problems.append(error)
      return nil
    }
    if let reader, reader.hasBegun {
      let read = reader.finish()
      // A default written after the figures was not known while they were read: read again.
      guard reader.defaults == defaults else {
        guard let full = SourceFiles.readYAML(path, problems: &problems) else { return nil }
        return load(full, path: path, problems: &problems)
      }
      (file.figures, file.suppressions, file.index) = (read.figures, read.suppressions, read.index)
      problems += read.problems
    } else if let figures = top["figures"] {
      guard let entries = figures.sequence else {
        problems.append(
          Problem(
            .wrongType(key: "figures", expected: "a list", found: figures.kindName),
            at: top.location(figures)))
        return file
      }
      let reader = FigureReader(path: path, defaults: defaults)
      reader.read(entries, expectedCount: entries.count)
      let read = reader.finish()
      (file.figures, file.suppressions, file.index) = (read.figures, read.suppressions, read.index)
      problems += read.problems
    }
    if let tables = top["tables"] {
      do {
        let defaults = ReportTables.Defaults(
          entity: defaults.entity, segment: defaults.segment, source: defaults.source,
          currency: try ReportTables.currency(top, "currency"),
          scale: try ReportTables.scale(top, "scale"))
        let read = ReportTables.read(
          tables, path: path, defaults: defaults, aliases: &file.aliases, problems: &problems)
        if var index = file.index {
          for figure in read { index.add(figure.key) }
          file.index = index
        }
        file.figures += read
      } catch {
        problems.append(error)
      }
    }
    if let rates = top["rates"] {
      for entry in rates.sequence ?? [rates] {
        do {
          file.rates.append(try readRate(entry, path: path))
        } catch {
          problems.append(error)
        }
      }
    }
    return file
  }

  static func readFigure(
    _ node: YAMLNode, path: String, entity: String?, segment: String?, source: String?
  ) throws(Problem) -> Figure {
    let fields = try YAMLFields(node, file: path, context: "a figure", allowed: figureKeys)
    guard let entity = try fields.text("entity")?.0 ?? entity else {
      throw Problem(.missingKey("entity", context: "a figure"), at: fields.location)
    }
    let metric = try fields.requiredText("metric").0
    guard let period = try fields.period("period") else {
      throw Problem(.missingKey("period", context: "a figure"), at: fields.location)
    }
    let (valueText, valueNode) = try fields.requiredText("value")
    let quantity = try parseQuantity(valueText, node: valueNode, path: path)
    var changes: [StatedChange] = []
    if let change = fields["change"] {
      for entry in change.sequence ?? [change] {
        changes.append(try readChange(entry, path: path, period: period))
      }
    }
    var rate: ExchangeRate?
    if let rateNode = fields["rate"] { rate = try readRate(rateNode, path: path) }
    return Figure(
      key: FigureKey(
        entity: entity, metric: metric, period: period,
        segment: try fields.text("segment")?.0 ?? segment),
      quantity: quantity, location: fields.location(valueNode),
      source: try fields.text("source")?.0 ?? source, changes: changes, rate: rate)
  }

  /// A figure's `ignore: [RULE-ID]` with its required `reason:`, covering the figure's lines.
  static func readIgnore(_ node: YAMLNode, path: String, lines: ClosedRange<Int>)
    throws(Problem) -> DataSuppression?
  {
    let fields = try YAMLFields(node, file: path, context: "a figure", allowed: figureKeys)
    guard let rules = try fields.list("ignore") else {
      if let reason = fields["reason"] {
        throw Problem(.unusedSuppressionReason, at: fields.location(reason))
      }
      return nil
    }
    guard let (reason, _) = try fields.text("reason") else {
      throw Problem(.missingKey("reason", context: "a figure with 'ignore'"), at: fields.location)
    }
    return DataSuppression(
      ruleIDs: rules.map(\.0), reason: reason,
      location: fields.location(fields["ignore"]!), scope: .lines(file: path, range: lines))
  }

  /// Parses a figure, locating a parse error at the character where it went wrong.
  static func parseQuantity(_ text: String, node: YAMLNode, path: String) throws(Problem)
    -> Quantity
  {
    do {
      return try QuantityParser.parse(text)
    } catch {
      var location = YAMLFields.location(node, path)
      let quoted = node.style == .singleQuoted || node.style == .doubleQuoted
      location.column += error.offset + (quoted ? 1 : 0)
      location.length = 1
      throw Problem(.invalidFigure(error), at: location)
    }
  }

  static func readChange(_ node: YAMLNode, path: String, period: Period) throws(Problem)
    -> StatedChange
  {
    let fields = try YAMLFields(node, file: path, context: "a change", allowed: changeKeys)
    let (baseText, baseNode) = try fields.requiredText("vs")
    guard let base = BasePeriod(baseText) else {
      throw Problem(.invalidBasePeriod(baseText), at: fields.location(baseNode))
    }
    guard base.resolve(from: period) != nil else {
      throw Problem(.noBasePeriod(base: baseText, period: period), at: fields.location(baseNode))
    }
    let (statedText, statedNode) = try fields.requiredText("stated")
    let stated = try parseQuantity(statedText, node: statedNode, path: path)
    return StatedChange(
      base: base, baseText: baseText, stated: stated, location: fields.location(statedNode))
  }

  /// Reads `{ pair: USD/CNY, rate: 7.1348, date: 2024-08-21 }`, `USD/CNY 7.1348` or
  /// `$1 = RMB 7.1348`.
  static func readRate(_ node: YAMLNode, path: String) throws(Problem) -> ExchangeRate {
    if let text = node.scalar {
      let location = YAMLFields.location(node, path)
      guard let rate = parseRate(text, location: location) else {
        throw Problem(.invalidRate(text), at: location)
      }
      return rate
    }
    let fields = try YAMLFields(node, file: path, context: "an exchange rate", allowed: rateKeys)
    let (pairText, pairNode) = try fields.requiredText("pair")
    let (rateText, rateNode) = try fields.requiredText("rate")
    let combined = pairText + " " + rateText
    guard var rate = parseRate(combined, location: fields.location(rateNode)) else {
      let culprit = pairText.contains("/") ? rateNode : pairNode
      throw Problem(.invalidRate(combined), at: fields.location(culprit))
    }
    if let (dateText, dateNode) = try fields.text("date") {
      guard let date = SimpleDate(dateText) else {
        throw Problem(.invalidDate(dateText), at: fields.location(dateNode))
      }
      rate.date = date
    }
    return rate
  }

  /// Parses `USD/CNY 7.1348` or `$1 = RMB 7.1348`.
  static func parseRate(_ text: String, location: SourceLocation) -> ExchangeRate? {
    if let equals = text.firstIndex(of: "=") {
      guard let left = try? QuantityParser.parse(String(text[..<equals]).trimmingSpaces),
        let right = try? QuantityParser.parse(
          String(text[text.index(after: equals)...]).trimmingSpaces),
        case .currency(let base) = left.unit, case .currency(let quote) = right.unit,
        base != quote, !left.value.isZero
      else { return nil }
      var rate = right
      if left.value != .one {
        guard let perUnit = right.value.divided(by: left.value) else { return nil }
        rate = Quantity(value: perUnit, unit: .count(nil), text: right.text)
      }
      rate.unit = .count(nil)
      return ExchangeRate(base: base, quote: quote, rate: rate, location: location)
    }
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2 else { return nil }
    let currencies = parts[0].split(separator: "/")
    guard currencies.count == 2, let base = isoCode(currencies[0]),
      let quote = isoCode(currencies[1]),
      base != quote, let rate = try? QuantityParser.parse(String(parts[1])),
      case .count(nil) = rate.unit, !rate.value.isZero, !rate.value.isNegative
    else { return nil }
    return ExchangeRate(base: base, quote: quote, rate: rate, location: location)
  }

  /// An upper-case three-letter code, with RMB read as CNY.
  static func isoCode(_ text: Substring) -> String? {
    let code = text.uppercased()
    guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
    return code == "RMB" ? "CNY" : code
  }

  static func readAliases(_ node: YAMLNode, path: String) throws(Problem) -> Aliases {
    let fields = try YAMLFields(
      node, file: path, context: "aliases", allowed: ["entities", "metrics"])
    var aliases = Aliases()
    for (kind, keyPath) in [("entities", \Aliases.entities), ("metrics", \Aliases.metrics)] {
      guard let table = fields[kind] else { continue }
      guard let pairs = table.mapping else {
        throw Problem(
          .notAMapping(what: "'\(kind)'", found: table.kindName), at: fields.location(table))
      }
      for pair in pairs {
        guard let canonical = pair.key.scalar else {
          throw Problem(
            .wrongType(key: kind, expected: "a name", found: pair.key.kindName),
            at: fields.location(pair.key))
        }
        for alias in pair.value.sequence ?? [pair.value] {
          guard let name = alias.scalar, !name.trimmingSpaces.isEmpty else {
            throw Problem(
              .wrongType(key: canonical, expected: "a list of names", found: alias.kindName),
              at: fields.location(alias))
          }
          aliases[keyPath: keyPath][name.trimmingSpaces] = canonical
        }
      }
    }
    return aliases
  }
}
