import RuleEngine

/// Checks that a figure written twice agrees with itself.
public struct RestatementCheck: Check {
  /// The restatement check's documentation and examples.
  public static let description = CheckDescription(
    id: "restatement",
    summary: "the same figure (same key and unit) written twice agrees within its precision",
    details: """
      Groups the selected figures by entity, metric, period and segment, and within a group by \
      unit (the same amount in two currencies is a conversion, not a restatement). Every \
      figure must agree with the first one written: "4.96 million" and "nearly 5 million" \
      agree, "3,412 employees" and "3,142 employees" do not.
      """,
    examples: RestatementExamples.all)

  /// The restatement check takes no parameters beyond `where`.
  public init(parameters: Parameters) throws(ParameterError) {}

  /// Evaluates every later mention of a figure against its first.
  public func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding] {
    var first: [FigureKey: [Figure]] = [:]
    var findings: [Finding] = []
    for figure in selection.figures.sorted(by: { $0.location < $1.location }) {
      let earlier = first[figure.key, default: []]
      if let original = earlier.first(where: { $0.quantity.unit == figure.quantity.unit }) {
        if let finding = verdict(original: original, restated: figure) { findings.append(finding) }
      } else {
        first[figure.key, default: []].append(figure)
      }
    }
    for case .restatement(let original, let restated) in selection.claims {
      if let finding = verdict(original: original, restated: restated) { findings.append(finding) }
    }
    return findings
  }

  func verdict(original: Figure, restated: Figure) -> Finding? {
    let severity = Verdict.judge { reading in
      original.quantity.range(reading).overlaps(restated.quantity.range(reading))
    }
    guard let severity else { return nil }
    var message =
      "\(restated.quantity.text) restates \(original.quantity.text) (\(restated.key)) "
      + "differently: the two do not agree within their written precision"
    if let slip = Verdict.scaleSlip(
      stated: restated.quantity.value, computed: original.quantity.value)
    {
      message += "; \(slip)"
    }
    return Finding(
      severity: severity, message: message, location: restated.location,
      notes: [Note("first written", original, showingKey: false)],
      key: restated.key,
      identity: [restated.key.description, original.quantity.text, restated.quantity.text]
    ).graded(by: [original, restated])
  }
}
