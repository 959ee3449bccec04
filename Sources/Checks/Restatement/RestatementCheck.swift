import FactlintModel
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
      agree, "3,412 employees" and "3,142 employees" do not. In `factlint check`, a figure an \
      article states for a key the data holds must agree with the data's figure, and one \
      written in two articles must agree between them (reported at the later article, by \
      date). The message names a likely slip (digits swapped, a scale word, the sign, a digit \
      left out) and the figure that would agree. An article's figure is held to the data only \
      when it states a level of its own period: not an estimate or a forecast, not a figure \
      after another company's or a place's name or qualified as a part or another measure \
      ("excluding", "adjusted", "its devices unit"), not a figure whose period is only the \
      year of the article's date, and not one so far from the data's (more than twice or less \
      than half, with no likely slip) that it is more likely another figure.
      """,
    examples: RestatementExamples.all)

  /// The restatement check takes no parameters beyond `where`.
  public init(parameters: Parameters) throws(ParameterError) {}

  /// Each figure against the first of its key and unit.
  public var inPlacePlan: InPlacePlan? { .restatement }

  /// Figures written again.
  public static var claimKinds: Set<Claim.Kind> { [.restatement] }

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
    let (written, held) = (restated.quantity, original.quantity)
    // A report table's cell ("212", "(45)") is shown with the scale and currency it was read in.
    let heldText =
      held.text.contains(where: { $0.isLetter || "$€£¥₹".contains($0) })
      ? held.text : Wording.amount(held.value, like: held, extraDigits: 0)
    var message: String
    let note: Note
    if restated.isFromArticle && !original.isFromArticle {
      message =
        "\(written.text) does not agree with the data, which has \(heldText) for "
        + "\(original.key) (\(original.location))"
      note = Note("the data", original)
    } else if original.location.file != restated.location.file {
      message =
        "\(written.text) restates \(held.text) (\(restated.key)) from "
        + "\(original.location.file) differently: the two do not agree within their written "
        + "precision"
      note = Note("the earlier article", original, showingKey: false)
    } else {
      message =
        "\(written.text) restates \(held.text) (\(restated.key)) differently: the two do "
        + "not agree within their written precision"
      note = Note("first written", original, showingKey: false)
    }
    // A figure with another scale word is best shown as the other figure was written.
    let rewritten =
      Verdict.scaleSlip(stated: written.value, computed: held.value) == nil
      ? Slip.rewritten(written, as: held.value) : nil
    let agreeing = rewritten ?? heldText
    if let cause = Slip.cause(written: written, expected: held) {
      message += "; \(cause)"
      if agreeing != written.text { message += " \(agreeing) would agree" }
    }
    var found = Finding(
      severity: severity, message: message, location: restated.location, notes: [note],
      key: restated.key,
      identity: [restated.key.description, original.quantity.text, restated.quantity.text]
    ).graded(by: [original, restated])
    // Digits rewritten in the writer's notation, or the other figure as it was written.
    if agreeing != written.text, rewritten != nil || heldText == held.text {
      found.replacement = Replacement(
        location: restated.location, written: written.text, text: agreeing)
    }
    return found
  }
}
