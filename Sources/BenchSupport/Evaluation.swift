import FactlintModel
import FactlintReading
import Foundation

/// A figure as a label gives it: where it is written, its value or range, and its unit.
public struct FigureLabel: Sendable, Hashable {
  /// The 1-based line where the figure starts.
  public var line: Int
  /// The 1-based column of its first character, in Unicode scalars; nil when the label gives
  /// only the line, as the corpus labels do.
  public var column: Int?
  /// The value, or a range's low end, in base units.
  public var low: ExactDecimal
  /// A range's high end; `low` for a single value.
  public var high: ExactDecimal
  /// `count`, `percent`, `pp`, `multiple`, `points` or an ISO 4217 code.
  public var unit: String
  /// What the figure is, for scores by class: `money`, `percent`, `scaled`, `count`, ...
  public var kind: String

  /// Creates a label.
  public init(
    line: Int, column: Int?, low: ExactDecimal, high: ExactDecimal, unit: String, kind: String
  ) {
    self.line = line
    self.column = column
    self.low = low
    self.high = high
    self.unit = unit
    self.kind = kind
  }

  /// Reads one line of a `.figures` file: `LINE COLUMN VALUE UNIT CLASS`, tab-separated, where
  /// VALUE is a decimal or `LOW..HIGH`; nil when the line is not one.
  public init?(figuresLine text: Substring) {
    let fields = text.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
    guard fields.count == 5, let line = Int(fields[0]), let column = Int(fields[1]) else {
      return nil
    }
    let ends = fields[2].components(separatedBy: "..")
    guard ends.count <= 2, let low = ExactDecimal(ends[0]),
      let high = ExactDecimal(ends.count == 2 ? ends[1] : ends[0])
    else { return nil }
    self.init(line: line, column: column, low: low, high: high, unit: fields[3], kind: fields[4])
  }
}

/// Figure precision and recall of an extractor against labels.
public struct FigureScore: Sendable {
  /// Counts for one class of figure.
  public struct Tally: Sendable {
    /// Labelled figures.
    public var labelled = 0
    /// Extracted figures matched to a label of this class.
    public var extracted = 0
    /// Labels read with their value and unit.
    public var right = 0
  }

  /// All figures.
  public var total = Tally()
  /// Labels read with their value, whatever the unit.
  public var valueRight = 0
  /// Figures by the label's class.
  public var byClass: [String: Tally] = [:]
  /// Extracted figures in all, matched or not.
  public var extracted = 0
  /// Labels read at their place with another value: worse than a miss.
  public var wrong: [String] = []
  /// Labels read at their place with their value but another unit.
  public var wrongUnit: [String] = []
  /// Labels with no figure read at their place.
  public var missed: [String] = []
  /// Figures read where no label is.
  public var extra: [String] = []

  /// Creates an empty score.
  public init() {}

  /// The share of extracted figures that are right.
  public var precision: Double { Double(total.right) / Double(max(1, extracted)) }
  /// The share of labels read right.
  public var recall: Double { Double(total.right) / Double(max(1, total.labelled)) }
  /// The harmonic mean of precision and recall.
  public var f1: Double { Self.f1(precision, recall) }
  /// F1 on values alone: a figure read with its value but another unit counts as right.
  public var valueF1: Double {
    Self.f1(
      Double(valueRight) / Double(max(1, extracted)),
      Double(valueRight) / Double(max(1, total.labelled)))
  }

  static func f1(_ precision: Double, _ recall: Double) -> Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }

  /// F1 on the labels of `classes`, counting as extracted only the figures matched to them.
  public func f1(of classes: Set<String>) -> (labelled: Int, f1: Double) {
    let tallies = byClass.filter { classes.contains($0.key) }.map(\.value)
    let labelled = tallies.reduce(0) { $0 + $1.labelled }
    let right = tallies.reduce(0) { $0 + $1.right }
    let extracted = tallies.reduce(0) { $0 + $1.extracted }
    let precision = Double(right) / Double(max(1, extracted))
    let recall = Double(right) / Double(max(1, labelled))
    return (labelled, Self.f1(precision, recall))
  }

  /// The unit of an extracted figure in the labels' words.
  public static func unitName(_ unit: QuantityUnit) -> String {
    switch unit {
    case .count(let noun?) where ["points", "point", "pts", "pt"].contains(noun): return "points"
    case .count: return "count"
    case .currency(let code): return code
    case .percent: return "percent"
    case .percentagePoints: return "pp"
    case .multiple: return "multiple"
    }
  }

  /// Scores one article's figures against its labels. A label with a column is matched by the
  /// figure whose span covers that column; one without, by the first figure on its line with its
  /// value. `lines` are the article's lines, to quote what was missed.
  public mutating func add(
    labels: [FigureLabel], figures: [ExtractedFigure], name: String, lines: [Substring]
  ) {
    extracted += figures.count
    var unmatched = Array(figures.indices)
    func quote(_ line: Int, _ column: Int?) -> String {
      guard line >= 1, line <= lines.count else { return "" }
      let text = lines[line - 1].unicodeScalars
      let start = text.index(text.startIndex, offsetBy: min(max(0, (column ?? 1) - 1), text.count))
      return String(String.UnicodeScalarView(text[start...]).prefix(40))
    }
    for label in labels {
      total.labelled += 1
      byClass[label.kind, default: Tally()].labelled += 1
      let place = "\(name):\(label.line):\(label.column.map(String.init) ?? "-")"
      let found = unmatched.firstIndex { position in
        let location = figures[position].figure.location
        guard let column = label.column else {
          return location.line == label.line && Self.isRight(figures[position], label)
        }
        // The label's place lies in the figure's span, which may run onto the next line.
        let end =
          figures[position].end.map { ($0.line, $0.column) }
          ?? (location.line, location.column + max(1, location.length))
        let place = (label.line, column)
        return (location.line, location.column) <= place && place < end
      }
      guard let found else {
        missed.append("\(place) \(quote(label.line, label.column))")
        continue
      }
      let figure = figures[unmatched.remove(at: found)]
      byClass[label.kind, default: Tally()].extracted += 1
      if Self.isRight(figure, label) {
        valueRight += 1
        total.right += 1
        byClass[label.kind, default: Tally()].right += 1
      } else {
        let quantity = figure.figure.quantity
        let sameValue =
          quantity.value == label.low && (quantity.rangeHigh ?? quantity.value) == label.high
        if sameValue {
          valueRight += 1
          wrongUnit.append(
            "\(place) '\(quantity.text)' read as \(Self.describe(quantity)), labelled \(label.unit)"
          )
          continue
        }
        wrong.append(
          "\(place) '\(quantity.text)' read as \(Self.describe(quantity)), labelled "
            + "\(label.low == label.high ? "\(label.low)" : "\(label.low)..\(label.high)") "
            + label.unit)
      }
    }
    for position in unmatched {
      let location = figures[position].figure.location
      let quantity = figures[position].figure.quantity
      extra.append(
        "\(name):\(location.line):\(location.column) '\(quantity.text)' = "
          + Self.describe(quantity))
    }
  }

  static func describe(_ quantity: Quantity) -> String {
    let value =
      quantity.rangeHigh.map { "\(quantity.value)..\($0)" } ?? quantity.value.description
    return "\(value) \(unitName(quantity.unit))"
  }

  /// Whether the figure has the label's value and unit; a fraction word ("a third") is right when
  /// its interval holds the label's rounded value (33.3).
  static func isRight(_ figure: ExtractedFigure, _ label: FigureLabel) -> Bool {
    let quantity = figure.figure.quantity
    guard unitName(quantity.unit) == label.unit else { return false }
    if quantity.value == label.low, (quantity.rangeHigh ?? quantity.value) == label.high {
      return true
    }
    return label.low == label.high && !quantity.text.contains(where: \.isNumber)
      && quantity.range(.rounded).contains(label.low)
  }
}

/// The figures a TAT-QA context's derivations use, and how many of them an extractor read with the
/// value shown.
public struct DerivationScore: Sendable {
  /// Figures named by derivations (each distinct number once per context).
  public var named = 0
  /// Of those, the ones read from the context's table or paragraphs with the value shown.
  public var read = 0
  /// The numbers not read, by context.
  public var missed: [String] = []

  /// Creates an empty score.
  public init() {}

  /// The share of named figures read.
  public var rate: Double { Double(read) / Double(max(1, named)) }

  /// The numbers written in a derivation ("(44.1-56.7)/56.7" names 44.1 and 56.7), leaving out
  /// the constants of the arithmetic: a `* 100` or `/ 100` for percent, a `/ 2` for an average.
  public static func numbers(in derivation: String) -> [String] {
    var numbers: [String] = []
    var current = ""
    var before: Character?
    var operatorBefore: Character?
    func finish() {
      defer { current = "" }
      guard !current.isEmpty else { return }
      let digits = current.replacingOccurrences(of: ",", with: "")
      if let op = operatorBefore, op == "*" || op == "/",
        ["100", "2", "3", "4", "12", "1000"].contains(digits)
      {
        return
      }
      numbers.append(digits)
    }
    for character in derivation {
      if character.isNumber || (character == "." || character == ",") && !current.isEmpty {
        if current.isEmpty { operatorBefore = before }
        current.append(character)
      } else {
        finish()
        if !character.isWhitespace, character != "(" { before = character }
      }
    }
    finish()
    return numbers.map { $0.hasSuffix(".") || $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
  }

  /// Scores one context: each number its derivations name that is written in its text must be
  /// the shown value (the digits as written, without the scale word) of a figure read from it.
  public mutating func add(
    derivations: [String], text: String, figures: [ExtractedFigure], name: String
  ) {
    let shown = Set(figures.map { Self.shownValue($0.figure.quantity) })
    let ends = Set(
      figures.compactMap { figure in
        figure.figure.quantity.rangeHigh.map { Self.shownValue(figure.figure.quantity, $0) }
      })
    let written = Set(Self.numerals(in: text))
    var seen = Set<String>()
    for derivation in derivations {
      for number in Self.numbers(in: derivation) where !seen.contains(number) {
        seen.insert(number)
        guard let value = ExactDecimal(number), written.contains(value) else { continue }
        named += 1
        if shown.contains(value) || ends.contains(value) {
          read += 1
        } else {
          missed.append("\(name): \(number)")
        }
      }
    }
  }

  /// The number as shown: the value without its scale word, sign or minor-unit conversion.
  static func shownValue(_ quantity: Quantity, _ value: ExactDecimal? = nil) -> ExactDecimal {
    let value = (value ?? quantity.value).magnitude
    return value * .powerOfTen(-quantity.shownPower)
  }

  /// Every run of digits in `text` as a decimal, with its grouping commas removed.
  static func numerals(in text: String) -> [ExactDecimal] {
    var result: [ExactDecimal] = []
    var current = ""
    func finish() {
      var digits = current.replacingOccurrences(of: ",", with: "")
      while digits.hasSuffix(".") { digits.removeLast() }
      if let value = ExactDecimal(digits) { result.append(value) }
      current = ""
    }
    for character in text {
      if character.isASCII, character.isNumber {
        current.append(character)
      } else if character == "." || character == ",", !current.isEmpty {
        current.append(character)
      } else if !current.isEmpty {
        finish()
      }
    }
    if !current.isEmpty { finish() }
    return result
  }
}

/// One TAT-QA context rendered as an article: its table as a Markdown table, then its paragraphs.
public struct TATQAContext: Sendable {
  /// The context's id.
  public var id: String
  /// The Markdown text.
  public var markdown: String
  /// The derivations of its arithmetic questions.
  public var derivations: [String]

  /// Reads the contexts of a TAT-QA JSON file.
  public static func read(_ url: URL) throws -> [TATQAContext] {
    let data = try Data(contentsOf: url)
    guard let contexts = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
      return []
    }
    return contexts.compactMap { context in
      guard let table = context["table"] as? [String: Any],
        let rows = table["table"] as? [[String]]
      else { return nil }
      let id = table["uid"] as? String ?? ""
      let paragraphs = (context["paragraphs"] as? [[String: Any]] ?? []).compactMap {
        $0["text"] as? String
      }
      // Only arithmetic derivations name figures; the others list years ("2019##2018").
      let derivations = (context["questions"] as? [[String: Any]] ?? []).filter {
        $0["answer_type"] as? String == "arithmetic"
      }.compactMap { $0["derivation"] as? String }.filter { !$0.isEmpty }
      return TATQAContext(
        id: id, markdown: markdown(table: rows, paragraphs: paragraphs), derivations: derivations)
    }
  }

  /// A Markdown table with the first row as its header, and the paragraphs after it.
  static func markdown(table rows: [[String]], paragraphs: [String]) -> String {
    func row(_ cells: [String]) -> String {
      "| "
        + cells.map {
          $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }.joined(separator: " | ") + " |"
    }
    var lines: [String] = []
    if let header = rows.first {
      lines.append(row(header))
      lines.append("|" + String(repeating: " --- |", count: max(1, header.count)))
      lines += rows.dropFirst().map(row)
    }
    for paragraph in paragraphs {
      lines += ["", paragraph.replacingOccurrences(of: "\n", with: " ")]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
