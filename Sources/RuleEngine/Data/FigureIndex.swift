import FactlintModel

/// Figures indexed by entity, metric and key, built one figure at a time in reading order, so
/// that a data file's figures are indexed on the core that reads them.
struct FigureIndex: Sendable {
  /// The figures of each entity, and the first and last of them read with each key. Keys are
  /// looked up within their entity's small table, which stays in the cache while a rule works
  /// on that entity, rather than in one table of a million keys.
  private var byEntity: [String: EntityFigures] = [:]
  private var byMetric: [String: [Int]] = [:]
  /// For each figure, the next figure read with the same key, or -1: one array rather than an
  /// array for each of a million keys.
  private var nextByKey: [Int] = []

  /// An empty index.
  init() {}

  /// The index of `figures`.
  init(_ figures: [Figure]) {
    nextByKey.reserveCapacity(figures.count)
    for figure in figures { add(figure.key) }
  }

  /// Sets aside room for `count` figures in all.
  mutating func reserveCapacity(_ count: Int) {
    nextByKey.reserveCapacity(count)
  }

  /// How many figures are indexed.
  var count: Int { nextByKey.count }

  /// Indexes the next figure, whose key is `key`.
  mutating func add(_ key: FigureKey) {
    let index = nextByKey.count
    nextByKey.append(-1)
    byMetric[key.metric, default: []].append(index)
    if let previous = byEntity[key.entity, default: EntityFigures()].add(index, key: key) {
      nextByKey[previous] = index
    }
  }

  /// The figures with exactly this key, in the order they were read.
  func indexes(of key: FigureKey) -> some Sequence<Int> {
    sequence(state: byEntity[key.entity]?.chains[key]?.first ?? -1) { next in
      guard next >= 0 else { return nil }
      defer { next = nextByKey[next] }
      return next
    }
  }

  /// The figures read with a key some earlier figure was read with, each chain of one key in
  /// reading order; found in two passes over the links, with no key hashed.
  func repeatedKeys() -> [[Int]] {
    var follows = [Bool](repeating: false, count: nextByKey.count)
    for next in nextByKey where next >= 0 { follows[next] = true }
    var chains: [[Int]] = []
    for head in nextByKey.indices where !follows[head] && nextByKey[head] >= 0 {
      var chain = [head]
      var next = nextByKey[head]
      while next >= 0 {
        chain.append(next)
        next = nextByKey[next]
      }
      chains.append(chain)
    }
    return chains
  }

  /// The figures of `entity`, in the order they were read.
  func figures(ofEntity entity: String) -> [Int] { byEntity[entity]?.figures ?? [] }

  /// The figures of `metric`, in the order they were read.
  func figures(ofMetric metric: String) -> [Int] { byMetric[metric] ?? [] }
}

/// One entity's figures, and the first and last of them read with each key.
private struct EntityFigures: Sendable {
  struct Chain: Sendable {
    var first: Int
    var last: Int
  }

  var figures: [Int] = []
  var chains: [FigureKey: Chain] = [:]

  /// Adds the figure at `index`; returns the figure last read before it with its key.
  mutating func add(_ index: Int, key: FigureKey) -> Int? {
    figures.append(index)
    func extend(_ chain: inout Chain) -> Int? {
      guard chain.last != index else { return nil }
      defer { chain.last = index }
      return chain.last
    }
    return extend(&chains[key, default: Chain(first: index, last: index)])
  }
}
