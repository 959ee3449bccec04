import FactlintModel

/// Claims whose other figures cannot be found: listed with `--show-unverified`, never errors.
enum Unverified {
  /// A note for every claim the checks had to pass over.
  static func notes(_ claims: [Claim], in dataset: Dataset) -> [Diagnostic] {
    claims.compactMap { claim in
      switch claim {
      case .change(let current, nil, let change)
      where change.amount == nil && dataset.base(of: current, for: change) == nil:
        // An article with no date keeps its relative periods relative.
        let base = current.key.period.isKnown ? change.base.resolve(from: current.key.period) : nil
        let period = base.map { " for \($0)" } ?? ""
        return note(
          "could not check \(change.stated.text) (\(change.baseText)): no figure\(period) to "
            + "compare \(current.quantity.text) with, in the article or the data",
          at: change.location, check: "growth",
          identity: [current.quantity.text, change.stated.text])
      case .conversion(let source, let converted, nil):
        guard case .currency(let from) = source.quantity.unit,
          case .currency(let to) = converted.quantity.unit,
          dataset.rate(from: from, to: to, for: converted.key.period) == nil
        else { return nil }
        return note(
          "could not check \(converted.quantity.text) against \(source.quantity.text): no "
            + "\(from)/\(to) exchange rate in the article or the data",
          at: converted.location, check: "conversion",
          identity: [source.quantity.text, converted.quantity.text])
      default:
        return nil
      }
    }
  }

  static func note(
    _ message: String, at location: SourceLocation, check: String, identity: [String]
  )
    -> Diagnostic
  {
    Diagnostic(
      finding: Finding(severity: .note, message: message, location: location, identity: identity),
      ruleID: check, checkID: check, severity: .note)
  }
}
