import FactlintModel
import RuleEngine

/// Checks that a stated share or margin follows from its part and whole.
public struct ShareCheck: Check {
  /// The share check's documentation and examples.
  public static let description = CheckDescription(
    id: "share",
    summary: "a stated share or margin (part as a percent of a whole) follows from its figures",
    details: """
      For every selected figure that `share` matches (a percent such as a margin), looks up the \
      part and the whole with the same key but the metric or segment their selectors name, and \
      computes part / whole × 100 under the written precision of both. Articles state shares \
      directly ("made up 40% of sales", "an operating margin of 12.2% on revenue of $3.3 \
      billion"); those are checked too. A share whose part or whole is not in the data is not \
      checked.
      """,
    parameters: [
      ParameterSpec(
        "share", .selector, summary: "the stated shares, e.g. { metric: operating_margin }"),
      ParameterSpec("part", .selector, summary: "the part, e.g. { metric: operating_profit }"),
      ParameterSpec("whole", .selector, summary: "the whole, e.g. { metric: revenue }"),
    ],
    examples: ShareExamples.all)

  let selectors: (share: Selector, part: Selector, whole: Selector)?

  /// Reads `share`, `part` and `whole`: all three, or none to check only stated shares.
  public init(parameters: Parameters) throws(ParameterError) {
    let names = ["share", "part", "whole"]
    let given = names.map { parameters.selector($0) }
    guard let share = given[0], let part = given[1], let whole = given[2] else {
      if let missing = zip(names, given).first(where: { $0.1 == nil }),
        given.contains(where: { $0 != nil })
      {
        throw ParameterError(
          "'\(missing.0)' is missing; give 'share', 'part' and 'whole', or none of them to "
            + "check only the shares stated in articles",
          at: parameters.ruleLocation)
      }
      selectors = nil
      return
    }
    selectors = (share, part, whole)
  }

  /// Stated shares.
  public static var claimKinds: Set<Claim.Kind> { [.share] }

  /// Evaluates the selected shares against their parts and wholes.
  public func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding] {
    var claims: [ShareClaim] = []
    var unchecked: [Finding] = []
    if let selectors {
      let shareSelector = dataset.canonical(selectors.share)
      for stated in selection.figures where shareSelector.matches(stated.key) {
        guard let part = Self.find(selectors.part, like: stated, in: dataset),
          let whole = Self.find(selectors.whole, like: stated, in: dataset)
        else { continue }
        guard part.quantity.unit.isComparable(with: whole.quantity.unit) else {
          unchecked.append(
            .otherUnit(
              stated.quantity.text, of: part, needs: "whole", whole, at: stated.location))
          continue
        }
        claims.append(ShareClaim(part: part, whole: whole, stated: stated))
      }
    }
    for case .share(let part, let whole, let stated) in selection.claims {
      claims.append(ShareClaim(part: part, whole: whole, stated: stated))
    }
    return claims.compactMap { $0.verdict() } + unchecked
  }

  static func find(_ selector: Selector, like stated: Figure, in dataset: Dataset) -> Figure? {
    let key = dataset.canonical(selector).applied(to: stated.key)
    return key == stated.key ? nil : dataset.figures(for: key).first
  }
}

/// A stated share with its part and whole.
struct ShareClaim {
  let part: Figure
  let whole: Figure
  let stated: Figure

  func computed(_ reading: Reading) -> ValueRange? {
    let whole = whole.quantity.range(reading)
    guard let low = whole.low, !low.isNegative, !low.isZero else { return nil }
    return (part.quantity.range(reading) / whole).map { $0 * .hundred }
  }

  func verdict() -> Finding? {
    guard stated.quantity.unit == .percent else { return nil }
    let severity = Verdict.judge { reading in
      computed(reading).map { $0.overlaps(stated.quantity.range(reading)) } ?? true
    }
    guard let severity, let range = computed(.rounded) else { return nil }
    let decimals = Wording.decimals(for: stated.quantity)
    var message =
      "stated share \(stated.quantity.text) does not follow from \(part.quantity.text) of "
      + "\(whole.quantity.text): part / whole is "
      + Wording.changeRange(range, unit: .percent, decimals: decimals).replacingPlus()
    let central = part.quantity.value.divided(by: whole.quantity.value).map { $0 * .hundred }
    if let central, let slip = Verdict.scaleSlip(stated: stated.quantity.value, computed: central) {
      message += "; \(slip)"
    }
    return Finding(
      severity: severity, message: message, location: stated.location,
      notes: [Note("part", part), Note("whole", whole)],
      key: stated.key,
      identity: [
        stated.key.description, stated.quantity.text, part.quantity.text, whole.quantity.text,
      ]
    ).graded(by: [part, whole, stated])
  }
}

extension String {
  /// A share is not a change: "+36.0%" reads "36.0%".
  fileprivate func replacingPlus() -> String {
    split(separator: " ").map { $0.hasPrefix("+") ? String($0.dropFirst()) : String($0) }
      .joined(separator: " ")
  }
}
