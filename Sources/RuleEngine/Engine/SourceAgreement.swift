import FactlintModel
import FactlintReading

/// Figures an article writes that another source also holds: the desk's data, or an article
/// read in the same run. Each becomes a restatement claim, judged at the article's figure, so
/// that a draft's "$2.37 billion" is held to the data's $2.73 billion for the same key.
enum SourceAgreement {
  /// The figures of articles that other articles may restate, by key, each with its article's
  /// position, in the order given.
  typealias Statements = [FigureKey: [(position: Int, figure: ExtractedFigure)]]

  /// The figures of `extractions` that state their key's value, by key.
  static func statements(in extractions: [Extraction]) -> Statements {
    var statements: Statements = [:]
    for (position, extraction) in extractions.enumerated() {
      for figure in extraction.figures where isStatement(figure) {
        statements[figure.figure.key, default: []].append((position, figure))
      }
    }
    return statements
  }

  /// The restatements of the article at `position` among `extractions`: its figures against
  /// the data's figures of the same key, and, where the data has none, against those of the
  /// articles published before it (by date, or given before it when either has no date).
  static func claims(
    of position: Int, in extractions: [Extraction], data: Dataset, statements: Statements
  ) -> [Claim] {
    var claims: [Claim] = []
    for figure in extractions[position].figures where isStatement(figure) {
      var written = figure.figure
      let binding: Binding = figure.periodIsExplicit ? .key : .inferred
      let held = heldFigures(like: written, in: data)
      // "A net loss of $45 million" states the data's -$45 million of net income.
      if figure.isLoss, !written.quantity.value.isNegative,
        held.contains(where: \.quantity.value.isNegative)
      {
        written.quantity.value = -written.quantity.value
      }
      if !held.isEmpty {
        // The data's figure it agrees with, else the first that it may be a slip of.
        if let original = held.first(where: { agrees($0, written) })
          ?? held.first(where: { mayBeDataSlip(written.quantity, of: $0.quantity) })
        {
          claims.append(.restatement(first: original, second: written.bound(binding)))
        }
        continue
      }
      // An article that names no entity may be about any: its figures are not tied to another's.
      guard !written.key.entity.isEmpty else { continue }
      let others = (statements[written.key] ?? []).filter {
        $0.position != position && isEarlier($0.position, position, in: extractions)
          && $0.figure.figure.quantity.unit.isComparable(with: written.quantity.unit)
      }.sorted { isEarlier($0.position, $1.position, in: extractions) }
      // The most recent article it agrees with, else the most recent it may be a slip of: as
      // near as the data's would be when both articles name the period, else alike as a slip
      // of the keyboard makes figures.
      guard
        let other = others.last(where: { agrees($0.figure.figure, written) })
          ?? others.last(where: {
            figure.periodIsExplicit && $0.figure.periodIsExplicit
              ? mayBeDataSlip(written.quantity, of: $0.figure.figure.quantity)
              : ExtractionState.mayBeTheSame($0.figure.figure.quantity, written.quantity)
          })
      else { continue }
      let pair: Binding =
        figure.periodIsExplicit && other.figure.periodIsExplicit ? .key : .inferred
      claims.append(
        .restatement(first: other.figure.figure.bound(pair), second: written.bound(pair)))
    }
    return claims
  }

  /// `claims` without the article's restatements of a figure whose key the data holds: each
  /// of its figures is held to the data's instead, so that a right figure is never reported
  /// for differing from a wrong one written before it.
  static func withoutRestatementsOfData(_ claims: [Claim], data: Dataset) -> [Claim] {
    claims.filter { claim in
      guard case .restatement(_, let second) = claim else { return true }
      return heldFigures(like: second, in: data).isEmpty
    }
  }

  /// The data files' figures of `figure`'s key in a unit comparable with its own.
  static func heldFigures(like figure: Figure, in data: Dataset) -> [Figure] {
    data.figures(for: figure.key).filter {
      !$0.isFromArticle && $0.quantity.unit.isComparable(with: figure.quantity.unit)
    }
  }

  /// Whether an article's figure states its key's value: a level bound to a whole key, with a
  /// period of its own or an earlier sentence's, neither an estimate nor qualified (another
  /// company's or place's, a part, another measure).
  static func isStatement(_ figure: ExtractedFigure) -> Bool {
    figure.isBound && figure.role == .level && !figure.isEstimate && !figure.isQualified
      && !figure.periodIsFromDate
  }

  /// Whether two figures agree under strict rounding.
  static func agrees(_ lhs: Figure, _ rhs: Figure) -> Bool {
    lhs.quantity.range(.rounded).overlaps(rhs.quantity.range(.rounded))
  }

  /// Whether an article's figure may be the data's figure of its key written wrongly: within a
  /// factor of two of it, or a slip with a likely cause (a scale word, the sign). A figure much
  /// further off is more likely another figure the binding could not tell from it.
  static func mayBeDataSlip(_ written: Quantity, of held: Quantity) -> Bool {
    let (small, large) =
      written.value.magnitude <= held.value.magnitude
      ? (written.value.magnitude, held.value.magnitude)
      : (held.value.magnitude, written.value.magnitude)
    guard !small.isZero else { return false }
    return large <= small * 2 || Slip.cause(written: written, expected: held) != nil
  }

  /// Whether the article at `lhs` came out before the one at `rhs`: by date when both have one
  /// and they differ, else in the order given.
  static func isEarlier(_ lhs: Int, _ rhs: Int, in extractions: [Extraction]) -> Bool {
    if let left = extractions[lhs].date, let right = extractions[rhs].date, left != right {
      return left < right
    }
    return lhs < rhs
  }
}
