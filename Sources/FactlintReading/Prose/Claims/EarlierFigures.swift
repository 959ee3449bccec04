import FactlintModel

/// The figures a claim takes from earlier in the article, and the claims left unread when the
/// article gives a figure more than once with values that disagree.
extension ExtractionState {
  /// The latest figure bound to one of `metrics`, of `period` (of any period only when the period
  /// is unknown), in `like`'s unit, among the figures before the index `end` when it is given.
  /// Figures named by the metric itself come before those of a narrower one ("revenue" before
  /// "china revenue"). When the article gives that metric and period more than once with values
  /// that disagree, there is no telling which is meant: nil, with the candidates in `rivals`.
  mutating func latest(
    metrics: [String], period: Period, like reference: Figure? = nil, before end: Int? = nil
  ) -> Figure? {
    rivals = []
    var fallback: Figure?
    var inPeriod: [ExtractedFigure] = []
    // Past the first match, rivals are looked for among the next few dozen figures only.
    var budget = 40
    for extracted in figures[..<(end ?? figures.endIndex)].reversed() {
      if !inPeriod.isEmpty {
        budget -= 1
        if budget == 0 { break }
      }
      // The cheap tests first: comparing metric phrases splits them into words.
      // A change's base is another period's figure, whatever period its words gave it.
      guard let metric = extracted.metric, extracted.role != .relation, extracted.role != .base
      else { continue }
      if let reference {
        guard Self.fits(extracted.figure.quantity.unit, reference.quantity.unit),
          extracted.figure.location != reference.location
        else { continue }
      } else {
        switch extracted.figure.quantity.unit {
        case .count, .currency: break
        default: continue
        }
      }
      guard metrics.contains(where: { ProseWords.sameMetric(metric, $0) }) else { continue }
      if extracted.period == period {
        inPeriod.append(extracted)
        if inPeriod.count == 3 { break }
      } else if fallback == nil {
        fallback = extracted.figure.bound(.inferred)
      }
    }
    let exact = inPeriod.filter { $0.metric.map(metrics.contains) == true }
    let pool = (exact.isEmpty ? inPeriod : exact).map(\.figure)
    // Another period's figure is no whole or part of this one's ("representing 70.0% and 74.5%
    // of revenues, respectively"); only an article with no periods falls back on one.
    guard let chosen = pool.first else { return period.isKnown ? nil : fallback }
    let disagreeing = pool.dropFirst().filter {
      !$0.quantity.range(.lenient).overlaps(chosen.quantity.range(.lenient))
    }
    guard disagreeing.isEmpty else {
      rivals = [chosen] + disagreeing
      return nil
    }
    return chosen.bound(.metric)
  }

  /// Records that the share stated as `stated` was not checked because `rivals` hold more than
  /// one figure of its whole's metric and period.
  mutating func recordRivals(of stated: Figure) {
    recordRivals(for: stated.location, kind: .share, stated: stated.quantity.text)
  }

  /// Records that the claim stated at `location` was not checked because `rivals` hold more
  /// than one figure of its metric and period.
  mutating func recordRivals(for location: SourceLocation, kind: Claim.Kind, stated: String) {
    guard let first = rivals.first else { return }
    let listed = rivals.prefix(3).map {
      "\($0.quantity.text) at \($0.location.line):\($0.location.column)"
    }.joined(separator: ", ")
    let what = first.key.metric.isEmpty ? "figure" : first.key.metric
    let when = first.key.period.isKnown ? " for \(first.key.period)" : ""
    unread.append(
      UnreadClaim(
        location: location, kind: kind,
        message: "could not check \(stated): the article gives more than one \(what)\(when) "
          + "(\(listed))"))
    rivals = []
  }
}
