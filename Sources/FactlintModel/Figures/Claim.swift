/// A relation between figures stated in an article: the figures it relates travel with it,
/// because prose names them directly ("to $88 million from $127 million") rather than by key.
/// Each case is held in its own box of its own size: the cases' figures inline would make every
/// claim as large as the largest (over 1 KB), and a long article holds many.
public indirect enum Claim: Sendable, Hashable {
  /// A stated change of `current` against `base`, or against the base period's figure when the
  /// text names no base figure ("an increase of 70% from the previous quarter").
  case change(current: Figure, base: Figure?, change: StatedChange)
  /// `converted` is `source` in another currency, at `rate` or a rate from the data.
  case conversion(source: Figure, converted: Figure, rate: ExchangeRate?)
  /// `parts` (subtracted where `negated`) add up to `total`; a partial list must not exceed it.
  case composition(total: Figure, parts: [Figure], negated: [Bool], isPartial: Bool)
  /// `stated` (a percent) is `part`'s share of `whole`.
  case share(part: Figure, whole: Figure, stated: Figure)
  /// `second` writes the same figure as `first` again.
  case restatement(first: Figure, second: Figure)

  /// What a claim states, without its figures: checks say by kind which claims they judge.
  public enum Kind: Sendable, Hashable, CaseIterable {
    /// A stated change.
    case change
    /// A currency conversion.
    case conversion
    /// Parts that add up to a total.
    case composition
    /// A part's share of a whole.
    case share
    /// A figure written again.
    case restatement
  }

  /// The claim's kind.
  public var kind: Kind {
    switch self {
    case .change: return .change
    case .conversion: return .conversion
    case .composition: return .composition
    case .share: return .share
    case .restatement: return .restatement
    }
  }

  /// The claim with `transform` applied to each of its figures.
  public func mapFigures(_ transform: (Figure) -> Figure) -> Claim {
    switch self {
    case .change(let current, let base, let change):
      var change = change
      change.stated =
        transform(
          Figure(key: current.key, quantity: change.stated, location: change.location)
        ).quantity
      change.amount = change.amount.map(transform)
      return .change(current: transform(current), base: base.map(transform), change: change)
    case .conversion(let source, let converted, let rate):
      return .conversion(source: transform(source), converted: transform(converted), rate: rate)
    case .composition(let total, let parts, let negated, let isPartial):
      return .composition(
        total: transform(total), parts: parts.map(transform), negated: negated,
        isPartial: isPartial)
    case .share(let part, let whole, let stated):
      return .share(part: transform(part), whole: transform(whole), stated: transform(stated))
    case .restatement(let first, let second):
      return .restatement(first: transform(first), second: transform(second))
    }
  }

  /// Every figure the claim relates, a change's amount and its stated rate among them (the
  /// rate last, at the place it was written, with the current figure's key).
  public var figures: [Figure] {
    switch self {
    case .change(let current, let base, let change):
      var stated = Figure(key: current.key, quantity: change.stated, location: change.location)
      stated.binding = .frame
      return [current] + (base.map { [$0] } ?? []) + (change.amount.map { [$0] } ?? []) + [stated]
    case .conversion(let source, let converted, _): return [source, converted]
    case .composition(let total, let parts, _, _): return [total] + parts
    case .share(let part, let whole, let stated): return [stated, part, whole]
    case .restatement(let first, let second): return [second, first]
    }
  }

  /// The figure a rule's `where` selects the claim by: the one the claim is stated about.
  public var subject: Figure {
    switch self {
    case .change(let current, _, _): return current
    case .conversion(_, let converted, _): return converted
    case .composition(let total, _, _, _): return total
    case .share(_, _, let stated): return stated
    case .restatement(_, let second): return second
    }
  }
}

/// What a rule evaluates: the figures and claims its `where` selects.
public struct Selection: Sendable {
  /// The selected figures.
  public var figures: [Figure]
  /// The selected claims.
  public var claims: [Claim]

  /// Creates a selection.
  public init(figures: [Figure], claims: [Claim] = []) {
    self.figures = figures
    self.claims = claims
  }
}
