import FactlintModel

/// Chooses figures by any of the parts of their key; a part left out matches anything.
public struct Selector: Sendable, Hashable {
  /// The entity, or nil for any.
  public var entity: String?
  /// The metric, or nil for any.
  public var metric: String?
  /// The period, or nil for any.
  public var period: Period?
  /// The segment, or nil for any.
  public var segment: String?
  /// For the parts of a total: whether the figure is subtracted.
  public var isNegated: Bool
  /// Where the selector was written.
  public var location: SourceLocation?

  /// Creates a selector.
  public init(
    entity: String? = nil, metric: String? = nil, period: Period? = nil, segment: String? = nil,
    isNegated: Bool = false, location: SourceLocation? = nil
  ) {
    self.entity = entity
    self.metric = metric
    self.period = period
    self.segment = segment
    self.isNegated = isNegated
    self.location = location
  }

  /// Whether `key` matches every part this selector names.
  public func matches(_ key: FigureKey) -> Bool {
    (entity.map { $0 == key.entity } ?? true) && (metric.map { $0 == key.metric } ?? true)
      && (period.map { $0 == key.period } ?? true) && (segment.map { $0 == key.segment } ?? true)
  }

  /// This selector with the parts it leaves out taken from `defaults`.
  public func filling(from defaults: Selector) -> Selector {
    var copy = self
    copy.entity = entity ?? defaults.entity
    copy.metric = metric ?? defaults.metric
    copy.period = period ?? defaults.period
    copy.segment = segment ?? defaults.segment
    return copy
  }

  /// `key` with the parts this selector names put in: the key of a part of a total.
  public func applied(to key: FigureKey) -> FigureKey {
    FigureKey(
      entity: entity ?? key.entity, metric: metric ?? key.metric, period: period ?? key.period,
      segment: segment ?? key.segment)
  }
}

extension Selector: CustomStringConvertible {
  /// `metric=ev_revenue, period=2024-Q2`.
  public var description: String {
    var parts: [String] = []
    if let entity { parts.append("entity=\(entity)") }
    if let metric { parts.append("metric=\(metric)") }
    if let period { parts.append("period=\(period)") }
    if let segment { parts.append("segment=\(segment)") }
    return (isNegated ? "-" : "") + (parts.isEmpty ? "all figures" : parts.joined(separator: ", "))
  }
}

/// The figures and exchange rates a rule is evaluated against, indexed by key.
public struct Dataset: Sendable {
  /// Every figure of the data files, in the order they were read.
  public let figures: [Figure]
  /// Figures read from articles, matched by key after the data's. They are kept apart with an
  /// index of their own, so that adding an article's few figures to a million copies none.
  public let articleFigures: [Figure]
  /// Every exchange rate.
  public let rates: [ExchangeRate]
  /// Relations stated in articles, with their figures.
  public let claims: [Claim]
  /// Entity and metric aliases.
  public let aliases: Aliases
  /// The figures by entity, metric and key.
  private let index: FigureIndex
  /// The article figures by entity, metric and key.
  private let articleIndex: FigureIndex
  /// Rates by currency pair, either way round: "CNY/USD" holds USD/CNY and CNY/USD rates.
  private let ratesByPair: [String: RateTable]

  /// Indexes figures, naming each entity and metric by its canonical name.
  public init(
    figures: [Figure], rates: [ExchangeRate] = [], aliases: Aliases = Aliases(),
    claims: [Claim] = []
  ) {
    var canonical = figures
    // Renaming writes to the array, which copies it whole; without aliases there is nothing to
    // rename, and a million figures stay shared with the data files.
    if !aliases.entities.isEmpty || !aliases.metrics.isEmpty {
      for index in canonical.indices {
        canonical[index].key.entity = aliases.entity(canonical[index].key.entity)
        canonical[index].key.metric = aliases.metric(canonical[index].key.metric)
      }
    }
    self.init(
      figures: canonical, index: FigureIndex(canonical), rates: rates, aliases: aliases,
      claims: claims)
  }

  /// A dataset whose figures are already indexed, and named canonically.
  init(
    figures: [Figure], index: FigureIndex, rates: [ExchangeRate], aliases: Aliases,
    claims: [Claim], articleFigures: [Figure] = [], articleIndex: FigureIndex = FigureIndex()
  ) {
    self.figures = figures
    self.index = index
    self.articleFigures = articleFigures
    self.articleIndex = articleIndex
    self.rates = rates
    var ratesByPair: [String: [ExchangeRate]] = [:]
    for rate in rates { ratesByPair[Self.pairKey(rate.base, rate.quote), default: []].append(rate) }
    self.ratesByPair = ratesByPair.mapValues(RateTable.init)
    self.claims = claims
    self.aliases = aliases
  }

  /// The figures with exactly this key, in the order they were read: the data's, then the
  /// articles'.
  public func figures(for key: FigureKey) -> [Figure] {
    indexes(of: key).map { figures[$0] } + articleIndex.indexes(of: key).map { articleFigures[$0] }
  }

  /// The indexes in ``figures`` of the data's figures with exactly this key, in the order they
  /// were read; a check that reads figures in place through them copies none.
  public func indexes(of key: FigureKey) -> some Sequence<Int> {
    index.indexes(of: key)
  }

  /// The data's figures that share a key with an earlier one: each key's figures in reading
  /// order.
  func repeatedKeys() -> [[Int]] { index.repeatedKeys() }

  /// The figure a stated change of `figure` is measured against: same entity, metric and
  /// segment in the base period, in a comparable unit; nil when there is none.
  public func base(of figure: Figure, for change: StatedChange) -> Figure? {
    // A change compares two periods: a base of the figure's own period would be the figure.
    guard let period = change.base.resolve(from: figure.key.period), period != figure.key.period
    else { return nil }
    var key = figure.key
    key.period = period
    return self.figure(for: key, comparableWith: figure.quantity.unit)
  }

  /// The first figure read with exactly this key when none has a unit comparable with `unit`:
  /// the figure a check would have used but for its unit, for saying why it could not run.
  public func figureInOtherUnit(for key: FigureKey, than unit: QuantityUnit) -> Figure? {
    guard figure(for: key, comparableWith: unit) == nil else { return nil }
    return figures(for: key).first
  }

  /// The first figure read with exactly this key whose unit is comparable with `unit`: the
  /// data's before the articles'.
  public func figure(for key: FigureKey, comparableWith unit: QuantityUnit) -> Figure? {
    for index in indexes(of: key) where figures[index].quantity.unit.isComparable(with: unit) {
      return figures[index]
    }
    for index in articleIndex.indexes(of: key)
    where articleFigures[index].quantity.unit.isComparable(with: unit) {
      return articleFigures[index]
    }
    return nil
  }

  /// The figures a selector matches, through the narrowest index it allows.
  public func figures(matching selector: Selector) -> [Figure] {
    figures(matching: selector, includingArticles: true)
  }

  /// The figures a selector matches, through the narrowest index it allows, leaving out those
  /// read from articles unless asked.
  private func figures(matching selector: Selector, includingArticles: Bool) -> [Figure] {
    let selector = canonical(selector)
    // The narrowest index the selector allows: a metric shared by every entity would make each
    // entity's rule scan the whole dataset.
    var candidates: [Int]?
    for list in [
      selector.metric.map(index.figures(ofMetric:)),
      selector.entity.map(index.figures(ofEntity:)),
    ] {
      if let list, list.count < candidates?.count ?? Int.max { candidates = list }
    }
    let chosen = candidates ?? Array(figures.indices)
    // Figures are tested in place and only those chosen are copied.
    let matched = chosen.compactMap { index in
      selector.matches(figures[index].key) && (includingArticles || !figures[index].isFromArticle)
        ? figures[index] : nil
    }
    guard includingArticles else { return matched }
    return matched + articleFigures.filter { selector.matches($0.key) }
  }

  /// The dataset with hedged figures reaching as far as `tolerance` allows.
  public func applying(_ tolerance: HedgeTolerance) -> Dataset {
    guard !tolerance.isEmpty else { return self }
    // Widening leaves every key as it was, so the index still holds.
    return Dataset(
      figures: figures.map { $0.widened(by: tolerance) }, index: index, rates: rates,
      aliases: aliases, claims: claims.map { $0.mapFigures { $0.widened(by: tolerance) } },
      articleFigures: articleFigures.map { $0.widened(by: tolerance) },
      articleIndex: articleIndex)
  }

  /// The dataset with the figures of articles, named canonically, matched by key after the
  /// data's. The data's figures are shared, not copied.
  func adding(articleFigures more: [Figure]) -> Dataset {
    guard !more.isEmpty else { return self }
    let all = articleFigures + more
    return Dataset(
      figures: figures, index: index, rates: rates, aliases: aliases, claims: claims,
      articleFigures: all, articleIndex: FigureIndex(all))
  }

  /// The dataset's figures with other rates and claims: one article's, among the figures of
  /// all the articles and the data.
  func replacing(rates: [ExchangeRate], claims: [Claim]) -> Dataset {
    Dataset(
      figures: figures, index: index, rates: rates, aliases: aliases, claims: claims,
      articleFigures: articleFigures, articleIndex: articleIndex)
  }

  /// The figures and claims a rule's selector matches.
  public func selection(_ selector: Selector) -> Selection {
    let canonical = canonical(selector)
    return Selection(
      figures: figures(matching: selector, includingArticles: false),
      claims: claims.filter { canonical.matches($0.subject.key) })
  }

  /// A selector with its entity and metric named canonically.
  public func canonical(_ selector: Selector) -> Selector {
    var copy = selector
    copy.entity = selector.entity.map(aliases.entity)
    copy.metric = selector.metric.map(aliases.metric)
    return copy
  }

  /// The rate converting `from` into `to` closest to the end of `period`, inverted when only the
  /// opposite pair is known; nil when no rate joins the two.
  public func rate(from: String, to: String, for period: Period) -> ExchangeRate? {
    ratesByPair[Self.pairKey(from, to)]?.nearest(toMonth: period.year * 12 + period.endMonth)
  }

  /// The same key for a pair of currencies in either order.
  static func pairKey(_ first: String, _ second: String) -> String {
    first < second ? first + "/" + second : second + "/" + first
  }
}

/// One currency pair's rates, ordered by date so the one nearest a period is found by halving.
private struct RateTable: Sendable {
  /// Dated rates by month (year * 12 + month), then by the order they were read.
  private let dated: [(month: Int, order: Int, rate: ExchangeRate)]
  /// The first rate read without a date, the answer when no rate is dated.
  private let undated: ExchangeRate?

  init(_ rates: [ExchangeRate]) {
    dated = rates.enumerated().compactMap { order, rate in
      rate.date.map { (month: $0.year * 12 + $0.month, order: order, rate: rate) }
    }.sorted { ($0.month, $0.order) < ($1.month, $1.order) }
    undated = rates.first { $0.date == nil }
  }

  /// The rate dated nearest `month`; of rates equally near, the one read first.
  func nearest(toMonth month: Int) -> ExchangeRate? {
    guard !dated.isEmpty else { return undated }
    // The first rate dated at or after `month`; the nearest is it or the one before it.
    let low = dated.partitionIndex { $0.month >= month }
    let after = low < dated.count ? dated[low] : nil
    var before = low > 0 ? low - 1 : nil
    // Of several rates in the month before, the one read first starts their run.
    while let index = before, index > 0, dated[index - 1].month == dated[index].month {
      before = index - 1
    }
    switch (before.map { dated[$0] }, after) {
    case (let earlier?, let later?):
      let (earlierDistance, laterDistance) = (month - earlier.month, later.month - month)
      if earlierDistance != laterDistance {
        return earlierDistance < laterDistance ? earlier.rate : later.rate
      }
      return earlier.order < later.order ? earlier.rate : later.rate
    case (let earlier?, nil): return earlier.rate
    case (nil, let later?): return later.rate
    case (nil, nil): return nil
    }
  }
}
