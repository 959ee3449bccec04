import FactlintModel
import RuleEngine

/// Checks that an amount stated in two currencies agrees with the exchange rate.
public struct ConversionCheck: Check {
  /// The conversion check's documentation and examples.
  public static let description = CheckDescription(
    id: "conversion",
    summary: "an amount stated in two currencies agrees with the exchange rate",
    details: """
      Pairs the selected figures that share a key (entity, metric, period, segment) but not a \
      currency, and converts one into the other, in either direction, at the rate stated beside \
      either figure (`rate: USD/CNY 7.1348` or `rate: $1 = RMB 7.1348`) or else at the rate in \
      the data's `rates:` table whose date is nearest the end of the period. The rate's own \
      written precision counts. A pair with no rate joining its currencies is not checked.
      """,
    examples: ConversionExamples.all)

  /// The conversion check takes no parameters beyond `where`.
  public init(parameters: Parameters) throws(ParameterError) {}

  /// Stated conversions.
  public static var claimKinds: Set<Claim.Kind> { [.conversion] }

  /// A note for every stated conversion with no exchange rate, in the article or the data.
  public static func unverified(_ claims: [Claim], in dataset: Dataset) -> [Finding] {
    claims.compactMap { claim in
      guard case .conversion(let source, let converted, nil) = claim,
        case .currency(let from) = source.quantity.unit,
        case .currency(let to) = converted.quantity.unit,
        dataset.rate(from: from, to: to, for: converted.key.period) == nil
      else { return nil }
      return Finding(
        severity: .note,
        message: "could not check \(converted.quantity.text) against \(source.quantity.text): "
          + "no \(from)/\(to) exchange rate in the article or the data",
        location: converted.location, identity: [source.quantity.text, converted.quantity.text])
    }
  }

  /// Evaluates every pair of selected figures in different currencies, and every stated
  /// conversion.
  public func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding] {
    var claims: [ConversionClaim] = []
    for figure in selection.figures {
      guard case .currency(let currency) = figure.quantity.unit else { continue }
      for index in dataset.indexes(of: figure.key) {
        guard case .currency(let other) = dataset.figures[index].quantity.unit, other != currency,
          figure.location < dataset.figures[index].location
        else { continue }
        let partner = dataset.figures[index]
        // The figure stated with a rate is the converted one; otherwise the later one.
        let (source, converted) =
          figure.rate != nil && partner.rate == nil ? (partner, figure) : (figure, partner)
        if let claim = ConversionClaim(
          source: source, converted: converted, rate: converted.rate ?? source.rate,
          in: dataset)
        {
          claims.append(claim)
        }
      }
    }
    for case .conversion(let source, let converted, let rate) in selection.claims {
      if let claim = ConversionClaim(source: source, converted: converted, rate: rate, in: dataset)
      {
        claims.append(claim)
      }
    }
    return claims.compactMap { $0.verdict() }
  }
}

/// One amount stated in two currencies, and the rate between them.
struct ConversionClaim {
  let source: Figure
  let converted: Figure
  let rate: ExchangeRate

  /// The claim with `stated` or else the data's rate between the two currencies; nil when the
  /// amounts are not in two currencies or no rate joins them.
  init?(source: Figure, converted: Figure, rate stated: ExchangeRate?, in dataset: Dataset) {
    guard case .currency(let from) = source.quantity.unit,
      case .currency(let to) = converted.quantity.unit, from != to,
      let rate = stated ?? dataset.rate(from: from, to: to, for: converted.key.period),
      (rate.base, rate.quote) == (from, to) || (rate.base, rate.quote) == (to, from)
    else { return nil }
    self.source = source
    self.converted = converted
    self.rate = rate
  }

  /// The values `source` converts to in `converted`'s currency under `reading`.
  func expected(_ reading: Reading) -> ValueRange? {
    let amount = source.quantity.range(reading)
    let factor = rate.rate.range(reading)
    if case .currency(rate.base) = source.quantity.unit { return amount * factor }
    return amount / factor
  }

  func verdict() -> Finding? {
    let severity = Verdict.judge { reading in
      expected(reading).map { $0.overlaps(converted.quantity.range(reading)) } ?? true
    }
    guard let severity, let expected = expected(.rounded) else { return nil }
    let operation = source.quantity.unit == .currency(rate.base) ? "*" : "/"
    var message =
      "\(converted.quantity.text) does not follow from \(source.quantity.text) at "
      + "\(rate.pairText): \(source.quantity.text) \(operation) \(rate.rate.text) is "
      + Wording.amountRange(expected, like: converted.quantity)
    let central =
      operation == "*"
      ? source.quantity.value * rate.rate.value
      : source.quantity.value.divided(by: rate.rate.value)
    if let central,
      let slip = Verdict.scaleSlip(
        stated: converted.quantity.value, computed: central)
    {
      message += "; \(slip)"
    }
    var notes = [Note("converted from", source)]
    let date = rate.date.map { " on \($0)" } ?? ""
    notes.append(Note(location: rate.location, message: "rate: \(rate.pairText)\(date)"))
    return Finding(
      severity: severity, message: message, location: converted.location, notes: notes,
      key: converted.key,
      identity: [
        converted.key.description, converted.quantity.text, source.quantity.text, rate.pairText,
      ]
    ).graded(by: [source, converted])
  }
}
