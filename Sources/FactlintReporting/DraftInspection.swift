import FactlintModel
import FactlintReading
import RuleEngine

/// What a figure of a checked draft came to.
public enum FigureVerdict: String, Sendable, Hashable, CaseIterable {
  /// Every claim it takes part in was checked, and none is reported at it.
  case agrees
  /// A claim is inconsistent under every reading, reported at this figure.
  case error
  /// A claim holds only under a loose reading, reported at this figure.
  case warning
  /// A claim it takes part in could not be checked: a figure it needs is missing.
  case unverified
  /// It takes part in no claim, so nothing checked it.
  case unchecked

  /// The verdict of a figure at which a diagnostic of `severity` is reported.
  init(_ severity: Severity) {
    switch severity {
    case .error: self = .error
    case .warning: self = .warning
    case .note: self = .unverified
    }
  }

  /// How much a verdict says against a figure: an error outweighs a warning, and so on.
  var weight: Int {
    switch self {
    case .unchecked: 0
    case .agrees: 1
    case .unverified: 2
    case .warning: 3
    case .error: 4
    }
  }
}

/// A claim a figure takes part in, as an editor shows it.
public struct ClaimInspection: Sendable, Hashable {
  /// The claim in words: `change +15% of $2.73 billion against $2.37 billion`.
  public var summary: String
  /// The arithmetic on the figures as written: `(2.73 - 2.37) / |2.37| = +15.0% to +15.4%`;
  /// nil when a figure it needs is not known.
  public var arithmetic: String?
  /// What the checks made of it.
  public var verdict: FigureVerdict
  /// The diagnostics reported for it, unverified notes among them.
  public var diagnostics: [Diagnostic]
  /// The figures it used, the draft's and the data's, with the place each was written.
  public var figures: [Figure]
}

/// A figure of a checked draft, as an editor shows it on hover or in a page's side panel.
public struct FigureInspection: Sendable {
  /// The figure as read, with its binding.
  public var figure: ExtractedFigure
  /// Its verdict.
  public var verdict: FigureVerdict
  /// The claims it takes part in.
  public var claims: [ClaimInspection]
  /// The diagnostics reported at it.
  public var diagnostics: [Diagnostic]
  /// A figure written so that a claim reported at it would agree, when a check found one.
  public var replacement: Replacement? { diagnostics.lazy.compactMap(\.replacement).first }
}

/// The figures of a checked draft with their verdicts and arithmetic: what the language server's
/// hover and the web page's marks show, from the same run as `factlint check`.
public enum DraftInspection {
  /// Every figure of `checked`, in reading order, with the unverified claims of `registry`'s
  /// checks.
  public static func figures(of checked: CheckedArticle, registry: CheckRegistry)
    -> [FigureInspection]
  {
    var checked = checked
    let notes = checked.unverifiedNotes(registry: registry)
    checked.diagnostics += notes.filter { !checked.diagnostics.contains($0) }
    let claims = checked.claims.map { claim in inspect(claim, in: checked) }
    var byLocation: [SourceLocation: [Int]] = [:]
    for (index, claim) in claims.enumerated() {
      for figure in claim.figures where figure.location.file == checked.article.path {
        byLocation[figure.location, default: []].append(index)
      }
    }
    var reported: [SourceLocation: [Diagnostic]] = [:]
    for diagnostic in checked.diagnostics {
      reported[diagnostic.location, default: []].append(diagnostic)
    }
    return checked.extraction.figures.map { extracted in
      let location = extracted.figure.location
      let own = reported[location] ?? []
      let taking = (byLocation[location] ?? []).map { claims[$0] }
      var verdict: FigureVerdict = taking.isEmpty ? .unchecked : .agrees
      if taking.contains(where: { $0.verdict == .unverified }) { verdict = .unverified }
      for diagnostic in own where FigureVerdict(diagnostic.severity).weight > verdict.weight {
        verdict = FigureVerdict(diagnostic.severity)
      }
      return FigureInspection(
        figure: extracted, verdict: verdict, claims: taking, diagnostics: own)
    }
  }

  /// A claim with its arithmetic and the diagnostics reported for it: those at one of its
  /// figures whose other places are all among its figures.
  static func inspect(_ claim: Claim, in checked: CheckedArticle) -> ClaimInspection {
    var figures = claim.figures
    var base: Figure?
    if case .change(let current, let stated, let change) = claim {
      base = stated ?? checked.dataset.base(of: current, for: change)
      if stated == nil, let base { figures.append(base) }
    }
    let places = Set(figures.map(\.location))
    let diagnostics = checked.diagnostics.filter { diagnostic in
      places.contains(diagnostic.location)
        && diagnostic.notes.allSatisfy { places.contains($0.location) }
    }
    var verdict: FigureVerdict = .agrees
    for diagnostic in diagnostics where FigureVerdict(diagnostic.severity).weight > verdict.weight {
      verdict = FigureVerdict(diagnostic.severity)
    }
    return ClaimInspection(
      summary: ExtractReport.describe(claim),
      arithmetic: arithmetic(of: claim, base: base, rates: checked.dataset),
      verdict: verdict, diagnostics: diagnostics, figures: figures)
  }

  /// The claim's arithmetic on its figures read as rounded to their last written digit.
  static func arithmetic(of claim: Claim, base: Figure?, rates: Dataset) -> String? {
    switch claim {
    case .change(let current, _, let change):
      guard let base else { return nil }
      let (new, old) = (current.quantity.range(.rounded), base.quantity.range(.rounded))
      let stated = change.stated
      let terms = "\(current.quantity.text) and \(base.quantity.text)"
      if change.isDirection {
        return "\(current.quantity.text) - \(base.quantity.text) = "
          + Wording.amountRange(new - old, like: current.quantity) + "; stated \(stated.text)"
      }
      let computed: ValueRange?
      let formula: String
      switch stated.unit {
      case .percent:
        let size = base.quantity.value.isNegative ? ValueRange(exactly: .zero) - old : old
        computed = ((new - old) / size).map { $0 * .hundred }
        formula = "(new - old) / |old|"
      case .multiple:
        computed = new / old
        formula = "new / old"
      default:
        computed = new - old
        formula = "new - old"
      }
      let result =
        computed.map {
          Wording.changeRange($0, unit: stated.unit, decimals: Wording.decimals(for: stated))
        } ?? "undefined"
      return "\(formula) of \(terms) = \(result); stated \(stated.text)"
    case .composition(let total, let parts, let negated, let isPartial):
      var sum = ValueRange(exactly: .zero)
      var terms: [String] = []
      for (index, (part, isNegated)) in zip(parts, negated).enumerated() {
        let range = part.quantity.range(.rounded)
        sum = isNegated ? sum - range : sum + range
        terms.append((isNegated ? "- " : index == 0 ? "" : "+ ") + part.quantity.text)
      }
      return terms.joined(separator: " ") + " = "
        + Wording.amountRange(sum, like: total.quantity)
        + (isPartial ? "; at most the total " : "; stated total ") + total.quantity.text
    case .share(let part, let whole, let stated):
      let share = (part.quantity.range(.rounded) / whole.quantity.range(.rounded)).map {
        $0 * .hundred
      }
      return "\(part.quantity.text) / \(whole.quantity.text) = "
        + (share.map { Wording.amountRange($0, like: stated.quantity) } ?? "undefined")
        + "; stated \(stated.quantity.text)"
    case .conversion(let source, let converted, let rate):
      guard let rate else {
        return "\(source.quantity.text) at the data's rate; stated \(converted.quantity.text)"
      }
      return "\(source.quantity.text) at \(rate.pairText); stated \(converted.quantity.text)"
    case .restatement(let first, let second):
      return "\(second.quantity.text) restates \(first.quantity.text) (\(first.location))"
    }
  }

  /// A figure's hover in Markdown: value, interval, unit, binding, and its claims with their
  /// arithmetic and verdicts.
  public static func markdown(_ inspection: FigureInspection) -> String {
    let extracted = inspection.figure
    let figure = extracted.figure
    let quantity = figure.quantity
    var lines = ["**\(quantity.text)** — \(describe(inspection.verdict))", ""]
    lines.append("- value: `\(quantity.value)`")
    lines.append("- written precision: \(interval(quantity.range(.rounded)))")
    lines.append("- unit: \(quantity.unit.name)")
    let how = extracted.isTableCell ? "from its table row and column" : "from the text"
    lines.append("- entity: " + (extracted.entity.map { "`\($0)`, \(how)" } ?? "not found"))
    lines.append("- metric: " + (extracted.metric.map { "`\($0)`, \(how)" } ?? "not found"))
    if let segment = extracted.segment { lines.append("- segment: `\(segment)`") }
    let period =
      extracted.period.map { period in
        let source =
          extracted.periodIsExplicit
          ? "named in its sentence"
          : extracted.periodIsFromDate
            ? "the year of the article's date, so it is not held to the data"
            : "from an earlier sentence"
        return "`\(period)`, \(source)"
      } ?? "not found"
    lines.append("- period: \(period)")
    if extracted.isEstimate { lines.append("- an estimate or forecast: not held to the data") }
    if inspection.claims.isEmpty {
      lines.append("")
      lines.append("It takes part in no claim that factlint checks.")
    }
    for claim in inspection.claims {
      lines.append("")
      lines.append("**\(claim.summary)** — \(describe(claim.verdict))")
      if let arithmetic = claim.arithmetic { lines += ["", "`\(arithmetic)`"] }
      for diagnostic in claim.diagnostics {
        lines += ["", "\(diagnostic.ruleID): \(diagnostic.message)"]
      }
      for other in claim.figures where other.location != figure.location {
        lines.append("- uses \(other.quantity.text) (\(other.key)) at \(other.location)")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// A verdict in a sentence's words.
  public static func describe(_ verdict: FigureVerdict) -> String {
    switch verdict {
    case .agrees: "checked, agrees"
    case .error: "error"
    case .warning: "warning"
    case .unverified: "unverified: a figure it needs is missing"
    case .unchecked: "not checked"
    }
  }

  /// A range as an interval: `[2.365, 2.375]`.
  static func interval(_ range: ValueRange) -> String {
    "[\(range.low.map(\.description) ?? "-∞"), \(range.high.map(\.description) ?? "∞")]"
  }
}
