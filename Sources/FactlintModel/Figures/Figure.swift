/// What a figure is a value of: an entity's metric in a period, optionally for one segment.
public struct FigureKey: Sendable, Hashable, Comparable {
  /// The company or body: "xiaomi".
  public var entity: String
  /// What is measured: "smartphone_shipments".
  public var metric: String
  /// When.
  public var period: Period
  /// A part of the entity, such as a region or a business line, or nil for the whole.
  public var segment: String?

  /// Creates a key.
  public init(entity: String, metric: String, period: Period, segment: String? = nil) {
    self.entity = entity
    self.metric = metric
    self.period = period
    self.segment = segment
  }

  /// Orders by entity, metric, segment, then period.
  public static func < (lhs: FigureKey, rhs: FigureKey) -> Bool {
    (lhs.entity, lhs.metric, lhs.segment ?? "", lhs.period)
      < (rhs.entity, rhs.metric, rhs.segment ?? "", rhs.period)
  }
}

extension FigureKey: CustomStringConvertible {
  /// `xiaomi smartphone_shipments 2017-Q2`, with the segment in brackets when present.
  public var description: String {
    // Figures read from prose may lack parts of their key; only the known parts are shown.
    var parts = [entity, metric].filter { !$0.isEmpty }
    if let segment { parts.append("[\(segment)]") }
    if period.isKnown { parts.append(period.description) }
    return parts.isEmpty ? "figure" : parts.joined(separator: " ")
  }
}

/// A change stated beside a figure: "+70% on the previous quarter".
public struct StatedChange: Sendable, Hashable {
  /// What the change is measured against.
  public var base: BasePeriod
  /// The base as written, for messages: "previous quarter".
  public var baseText: String
  /// The stated change: a percent, percentage points or a multiple.
  public var stated: Quantity
  /// Where the stated change was written.
  public var location: SourceLocation
  /// The change as an amount written beside the rate ("increased $41.0 million, or 6.2%, to
  /// $701.7 million"), in the figures' unit and signed by the change's direction; with the
  /// current figure it gives the base: current - amount.
  public var amount: Figure?

  /// Whether only the change's direction is stated ("rose to A from B"): a change of more than
  /// zero, or less than zero.
  public var isDirection: Bool {
    stated.value.isZero && (stated.hedge == .moreThan || stated.hedge == .lessThan)
  }

  /// Creates a stated change.
  public init(
    base: BasePeriod, baseText: String, stated: Quantity, location: SourceLocation,
    amount: Figure? = nil
  ) {
    self.base = base
    self.baseText = baseText
    self.stated = stated
    self.location = location
    self.amount = amount
  }
}

/// A calendar date, for exchange rates.
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year.
  public var year: Int
  /// The month, 1 to 12.
  public var month: Int
  /// The day, 1 to 31.
  public var day: Int

  /// Parses `YYYY-MM-DD`.
  public init?(_ text: String) {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Orders chronologically.
  public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let month = month < 10 ? "0\(month)" : "\(month)"
    let day = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(month)-\(day)"
  }
}

/// An exchange rate: one unit of `base` buys `rate` units of `quote` (USD/CNY 7.1348).
public struct ExchangeRate: Sendable, Hashable {
  /// The currency one unit of which is priced: USD in USD/CNY.
  public var base: String
  /// The currency the price is in: CNY in USD/CNY.
  public var quote: String
  /// The rate as written, with its precision.
  public var rate: Quantity
  /// The day the rate applies to, if given.
  public var date: SimpleDate?
  /// Where the rate was written.
  public var location: SourceLocation

  /// Creates a rate.
  public init(
    base: String, quote: String, rate: Quantity, date: SimpleDate? = nil,
    location: SourceLocation
  ) {
    self.base = base
    self.quote = quote
    self.rate = rate
    self.date = date
    self.location = location
  }

  /// `USD/CNY 7.1348`.
  public var pairText: String { "\(base)/\(quote) \(rate.text)" }
}

/// A quantity bound to a key, with where it was written.
public struct Figure: Sendable, Hashable {
  // The quantity, aligned to 16 bytes, is stored first so that the key packs after it.
  /// The value as written.
  public var quantity: Quantity
  /// What the figure is a value of.
  public var key: FigureKey
  /// Where the value was written.
  public var location: SourceLocation
  /// Where the figure comes from ("Xiaomi Q2 2017 results"), if stated.
  public var source: String?
  /// Changes stated against other periods.
  public var changes: [StatedChange]
  /// A rate stated beside the figure, for its conversion into another currency.
  public var rate: ExchangeRate? {
    get { rateBox?.value }
    set { rateBox = newValue.map(Box.init) }
  }
  private var rateBox: Box<ExchangeRate>?
  /// Whether the figure was read out of an article. Such figures are matched by key only as the
  /// base of a stated change; the extractor states their other relations as claims.
  public var isFromArticle = false
  /// How the figure was bound to the claim it is part of; a data file's figures are bound by
  /// their key.
  public var binding = Binding.key

  /// Creates a figure.
  public init(
    key: FigureKey, quantity: Quantity, location: SourceLocation, source: String? = nil,
    changes: [StatedChange] = [], rate: ExchangeRate? = nil
  ) {
    self.key = key
    self.quantity = quantity
    self.location = location
    self.source = source
    self.changes = changes
    self.rateBox = rate.map(Box.init)
  }
}

/// How a figure of a claim was bound to it, from the surest to the least sure. A verdict is an
/// error only when every figure of its claim is bound by the sentence or by a key; a figure
/// bound by metric and period, or by inference, makes it a warning at most.
public enum Binding: UInt8, Sendable, Hashable, Comparable, CaseIterable {
  /// The claim's own words: "rose 7% to A from B", "A (B)", "of which A", "or A".
  case frame
  /// Elsewhere in the claim's sentence: the amount before "up 7%".
  case sentence
  /// By a key: a data file's figure, or an article's whose period and metric were written.
  case key
  /// Elsewhere in the article, by a metric word and a period.
  case metric
  /// By an inference: a period taken from the article's date or an earlier sentence.
  case inferred

  /// Orders from the surest binding to the least sure.
  public static func < (lhs: Binding, rhs: Binding) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Whether a verdict resting on this binding may be an error.
  public var isSure: Bool { self <= .key }

  /// The binding's name in the extract report's JSON.
  public var name: String {
    switch self {
    case .frame: return "frame"
    case .sentence: return "sentence"
    case .key: return "key"
    case .metric: return "metric"
    case .inferred: return "inferred"
    }
  }

  /// The binding in a message: "found in its sentence".
  public var phrase: String {
    switch self {
    case .frame: return "stated in the claim"
    case .sentence: return "found in its sentence"
    case .key: return "bound by key"
    case .metric: return "bound by metric and period from another sentence"
    case .inferred: return "bound by an inferred period"
    }
  }
}

extension Figure {
  /// The figure, and the changes stated beside it, with hedges reaching as far as `tolerance`
  /// allows.
  package func widened(by tolerance: HedgeTolerance) -> Figure {
    var copy = self
    copy.quantity.tolerance = tolerance
    copy.changes = changes.map { change in
      var widened = change
      widened.stated.tolerance = tolerance
      return widened
    }
    return copy
  }
}

extension Note {
  /// A note at a figure a verdict used: "base: acme revenue 2023, $10 million" (or without the
  /// key, "first written: $0.60"), with how the figure was bound when it was read from an
  /// article.
  public init(_ role: String, _ figure: Figure, showingKey: Bool = true) {
    let binding = figure.isFromArticle ? " (\(figure.binding.phrase))" : ""
    let key = showingKey ? "\(figure.key), " : ""
    self.init(
      location: figure.location, message: "\(role)\(binding): \(key)\(figure.quantity.text)")
  }
}

extension Finding {
  /// The finding graded by how its claim's figures were bound: an error resting on a figure
  /// bound by metric and period, or by inference, becomes a warning that says so.
  public func graded(by figures: [Figure]) -> Finding {
    guard severity == .error, let weakest = figures.map(\.binding).max(), !weakest.isSure
    else { return self }
    var graded = self
    graded.severity = .warning
    graded.message += " (a figure is \(weakest.phrase))"
    return graded
  }
}
