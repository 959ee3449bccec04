import FactlintModel

/// Assembles nodes from parser events. It keeps open collections on an explicit stack so that
/// deep input costs heap, not call stack, and it knows nothing about libyaml.
struct YAMLBuilder {
  /// An anchored node with what it costs to insert it again.
  private struct Anchored {
    var node: YAMLNode
    /// Nodes it stands for when fully expanded.
    var size: Int
    /// Collection levels it adds: 0 for a scalar.
    var height: Int
  }

  /// Pairs merged with `<<`, to go before the explicit pair at `index` (counted from the
  /// mapping's first pair).
  private struct Merge {
    var index: Int
    var pairs: [YAMLPair]
  }

  /// A collection whose end event has not come yet. Its children wait in the builder's shared
  /// scratch arrays from `start` on, so each finished collection costs one exact allocation
  /// instead of a series of regrowths.
  private struct Frame {
    let isMapping: Bool
    let mark: Mark
    let tag: String?
    let anchor: String?
    let start: Int
    /// Whether this is the streamed sequence, whose items go to the stream instead.
    var isStreamed = false
    /// The key whose value comes next.
    var key: YAMLNode?
    var keyIsMerge = false
    var mergeKeyMark: Mark?
    var merges: [Merge] = []
    /// Marks of keys already seen, filled only once the mapping is too big to scan.
    var firstKeyMarks: [String: Mark] = [:]
    var indexedPairs = 0
    var size = 1
    var childHeight = 0

    init(isMapping: Bool, mark: Mark, tag: String?, anchor: String?, start: Int) {
      self.isMapping = isMapping
      self.mark = mark
      self.tag = tag
      self.anchor = anchor
      self.start = start
    }
  }

  /// Past this many pairs, duplicate keys are found with a dictionary instead of a scan.
  private static let scanLimit = 12

  private let limits: YAMLLimits
  private let stream: YAMLItemStream?
  /// The stream's key and batch size, kept apart so that the events of every collection and
  /// item do not copy the stream and its closures.
  private let streamedKey: String?
  private let batchSize: Int
  /// Finished items of the streamed sequence not yet handed on.
  private var batch: [YAMLNode] = []
  /// Items of the streamed sequence handed on so far.
  private var streamedCount = 0
  /// The input's size, and how far into it the parser has read, for estimating how many items
  /// the streamed sequence holds.
  private let inputSize: Int
  var inputPosition = 0
  /// The innermost open collection; at the bottom, a sequence that receives the top node.
  private var current = Frame(
    isMapping: false, mark: Mark(line: 1, column: 1), tag: nil, anchor: nil, start: 0)
  /// The collections enclosing `current`, outermost first; its count is the nesting depth.
  private var parents: [Frame] = []
  /// Items of all open sequences, innermost last.
  private var items: [YAMLNode] = []
  /// Pairs of all open mappings, innermost last.
  private var pairs: [YAMLPair] = []
  private var anchors: [String: Anchored] = [:]
  /// Nodes the document stands for so far, counting every alias as its full expansion.
  private var total = 0

  init(limits: YAMLLimits, stream: YAMLItemStream? = nil, inputSize: Int = 0) {
    self.inputSize = inputSize
    self.limits = limits
    self.stream = stream
    self.streamedKey = stream?.key
    self.batchSize = stream?.batchSize ?? 0
  }

  /// The top node, once all its events are in.
  var root: YAMLNode? {
    parents.isEmpty ? items.first : nil
  }

  mutating func scalar(
    _ value: String, style: ScalarStyle, tag: String?, anchor: String?, at mark: Mark
  ) throws(YAMLError) {
    total += 1
    let node = YAMLNode(kind: .scalar(value, style), mark: mark, tag: tag)
    if let anchor { anchors[anchor] = Anchored(node: node, size: 1, height: 0) }
    try add(node, size: 1, height: 0)
  }

  mutating func startCollection(
    isMapping: Bool, tag: String?, anchor: String?, at mark: Mark
  ) throws(YAMLError) {
    // Checked before pushing, so hostile nesting stops at the limit instead of growing.
    guard parents.count < limits.maxDepth else {
      throw .nestingTooDeep(limit: limits.maxDepth, at: mark)
    }
    total += 1
    let start = isMapping ? pairs.count : items.count
    // Swapped rather than assigned, so frames move instead of being copied and released.
    var frame = Frame(isMapping: isMapping, mark: mark, tag: tag, anchor: anchor, start: start)
    // The streamed sequence is the value of its key in the top mapping.
    if let streamedKey, !isMapping, parents.count == 1,
      case .scalar(streamedKey, _)? = current.key?.kind
    {
      frame.isStreamed = true
      stream?.begin(Array(pairs[current.start...]))
    }
    swap(&frame, &current)
    parents.append(frame)
  }

  mutating func endCollection() throws(YAMLError) {
    // libyaml pairs every end event with a start event, so there is always a parent here.
    guard var frame = parents.popLast() else { return }
    swap(&frame, &current)
    let kind: YAMLNode.Kind
    if frame.isMapping, frame.merges.isEmpty {
      kind = .mapping(Self.take(&pairs, from: frame.start, leaving: Self.emptyPair))
    } else if frame.isMapping {
      kind = .mapping(mergedPairs(frame))
      pairs.removeSubrange(frame.start...)
    } else if frame.isStreamed {
      handOnBatch()
      kind = .sequence([])
    } else {
      kind = .sequence(Self.take(&items, from: frame.start, leaving: Self.emptyNode))
    }
    let node = YAMLNode(kind: kind, mark: frame.mark, tag: frame.tag)
    let height = frame.childHeight + 1
    if let anchor = frame.anchor {
      anchors[anchor] = Anchored(node: node, size: frame.size, height: height)
    }
    try add(node, size: frame.size, height: height)
  }

  mutating func alias(_ name: String, at mark: Mark) throws(YAMLError) {
    guard let target = anchors[name] else { throw .unknownAlias(name, at: mark) }
    // A copy shares its arrays with the anchored node, so only these counts can blow up.
    guard parents.count + target.height <= limits.maxDepth else {
      throw .nestingTooDeep(limit: limits.maxDepth, at: mark)
    }
    // Overflow-checked, so that even a limit of Int.max cannot make the count trap.
    let (sum, overflow) = total.addingReportingOverflow(target.size)
    guard !overflow, sum <= limits.maxExpandedNodes else {
      throw .aliasExpansionTooLarge(limit: limits.maxExpandedNodes, at: mark)
    }
    total = sum
    var node = target.node
    node.mark = mark
    try add(node, size: target.size, height: target.height)
  }

  // Nodes are taken as `consuming` here and below, so each moves into its collection rather
  // than being copied there and released by the caller.
  private mutating func add(_ node: consuming YAMLNode, size: Int, height: Int) throws(YAMLError) {
    current.size += size
    current.childHeight = max(current.childHeight, height)
    guard current.isMapping else {
      if current.isStreamed {
        batch.append(node)
        if batch.count == batchSize { handOnBatch() }
      } else {
        items.append(node)
      }
      return
    }
    guard let key = current.key.take() else {
      try addKey(node)
      return
    }
    if current.keyIsMerge {
      current.keyIsMerge = false
      try addMerge(node)
    } else {
      pairs.append(YAMLPair(key: key, value: node))
    }
  }

  private mutating func handOnBatch() {
    guard !batch.isEmpty else { return }
    streamedCount += batch.count
    // Items so far, scaled up by the share of the input they took.
    let share = Double(max(inputPosition, 1)) / Double(max(inputSize, 1))
    let expected = max(streamedCount, Int((Double(streamedCount) / share).rounded(.up)))
    stream?.receive(batch, expected)
    batch.removeAll(keepingCapacity: true)
  }

  private mutating func addKey(_ key: consuming YAMLNode) throws(YAMLError) {
    defer { current.key = key }
    guard case .scalar(let name, let style) = key.kind else { return }
    if name == "<<" && style == .plain && (key.tag == nil || key.tag == "!!merge") {
      if let first = current.mergeKeyMark {
        throw .duplicateKey(name, at: key.mark, first: first)
      }
      current.mergeKeyMark = key.mark
      current.keyIsMerge = true
      return
    }
    if let first = firstMark(of: name) {
      throw .duplicateKey(name, at: key.mark, first: first)
    }
  }

  /// The mark of an earlier explicit key `name` in the innermost mapping; small mappings are
  /// scanned, which is cheaper than hashing.
  private mutating func firstMark(of name: String) -> Mark? {
    let start = current.start
    if pairs.count - start < Self.scanLimit {
      for pair in pairs[start...] {
        if case .scalar(let other, _) = pair.key.kind, other == name { return pair.key.mark }
      }
      return nil
    }
    while start + current.indexedPairs < pairs.count {
      let key = pairs[start + current.indexedPairs].key
      if case .scalar(let other, _) = key.kind { current.firstKeyMarks[other] = key.mark }
      current.indexedPairs += 1
    }
    return current.firstKeyMarks[name]
  }

  private mutating func addMerge(_ value: consuming YAMLNode) throws(YAMLError) {
    let index = pairs.count - current.start
    let mark = value.mark
    switch value.kind {
    case .mapping(let merged):
      try countMerged(merged.count, at: mark)
      current.merges.append(Merge(index: index, pairs: merged))
    case .sequence(let sources):
      var merged: [YAMLPair] = []
      for source in sources {
        guard case .mapping(let sourcePairs) = source.kind else {
          throw .syntax(problem: YAMLError.mergeProblem, context: nil, at: source.mark)
        }
        try countMerged(sourcePairs.count, at: source.mark)
        merged += sourcePairs
      }
      current.merges.append(Merge(index: index, pairs: merged))
    case .scalar:
      throw .syntax(problem: YAMLError.mergeProblem, context: nil, at: value.mark)
    }
  }

  /// Counts pairs a merge copies into the mapping against the alias budget: an alias shares its
  /// node, but a merge copies the pairs, so a chain of merges of one large mapping would grow
  /// memory far past the input's size.
  private mutating func countMerged(_ count: Int, at mark: Mark) throws(YAMLError) {
    let (sum, overflow) = total.addingReportingOverflow(count)
    guard !overflow, sum <= limits.maxExpandedNodes else {
      throw .aliasExpansionTooLarge(limit: limits.maxExpandedNodes, at: mark)
    }
    total = sum
  }

  /// The mapping's explicit pairs with merged pairs inserted where their `<<` stood. Explicit
  /// keys win, then the earliest merged pair with a key.
  private func mergedPairs(_ frame: Frame) -> [YAMLPair] {
    let explicit = pairs[frame.start...]
    var seen: Set<String> = []
    for pair in explicit {
      if case .scalar(let name, _) = pair.key.kind { seen.insert(name) }
    }
    var result: [YAMLPair] = []
    result.reserveCapacity(explicit.count + frame.merges.reduce(0) { $0 + $1.pairs.count })
    var next = frame.start
    for merge in frame.merges {
      result += pairs[next..<frame.start + merge.index]
      next = frame.start + merge.index
      for pair in merge.pairs {
        if case .scalar(let name, _) = pair.key.kind, !seen.insert(name).inserted { continue }
        result.append(pair)
      }
    }
    result += pairs[next...]
    return result
  }

  /// The scratch elements from `start` on, moved into an array of exactly their count and
  /// removed from the scratch. Each is exchanged for `placeholder`, which costs nothing to
  /// destroy, so no element is copied and then released.
  private static func take<Element>(
    _ scratch: inout [Element], from start: Int, leaving placeholder: Element
  ) -> [Element] {
    let taken = [Element](unsafeUninitializedCapacity: scratch.count - start) { buffer, count in
      for index in start..<scratch.count {
        var element = placeholder
        swap(&element, &scratch[index])
        buffer.initializeElement(at: count, to: element)
        count += 1
      }
    }
    scratch.removeSubrange(start...)
    return taken
  }

  private static let emptyNode = YAMLNode(kind: .scalar("", .plain), mark: Mark(line: 0, column: 0))
  private static let emptyPair = YAMLPair(key: emptyNode, value: emptyNode)
}
