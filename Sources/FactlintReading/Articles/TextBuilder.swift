import FactlintModel

/// Builds an article's prose from pieces of an input, keeping the map back to the file.
///
/// Readers hand it ranges of the current input (the file itself, a decoded JSON string or a
/// gathered Markdown paragraph); an input that is not the file carries its own map to the file,
/// which is applied as pieces arrive. Separators and spaces are held back until prose follows, so
/// no block starts or ends with white space and no separator is doubled.
struct TextBuilder {
  /// How white space in the input is treated.
  enum Whitespace {
    /// Kept as is ("\r\n" becomes "\n"): plain text and HTML `<pre>`.
    case raw
    /// Runs become one space, as a browser shows them: HTML.
    case collapse
    /// Runs become one space but "\n" is a line break: Markdown paragraphs.
    case collapseKeepingNewlines
  }

  /// A separator between pieces of prose, weakest first.
  enum Break: Int, Comparable {
    case none, cell, line, block

    static func < (lhs: Break, rhs: Break) -> Bool { lhs.rawValue < rhs.rawValue }

    var bytes: [UInt8] {
      switch self {
      case .none: return []
      case .cell: return Array("; ".utf8)
      case .line: return [0x0a]
      case .block: return [0x0a, 0x0a]
      }
    }
  }

  /// A table's cells as ranges of the prose (UTF-8 offsets), row by row.
  struct TableLayout {
    /// Each row's cells; nil for a cell with no prose.
    var rows: [[Range<Int>?]] = []
    /// How many rows at the top are column headings.
    var headerRows = 0
    /// Where the table starts in the prose: a caption comes before its first cell.
    var start: Int
    var cellIsOpen = false
    var cellStart: Int?
    var rowIsHeader = false
    var rowHasOnlyHeaderCells = false
  }

  /// A suppression comment whose line is known once the next prose arrives.
  struct PendingSuppression {
    var ruleIDs: [String]
    var reason: String
    var start: Int
    var end: Int
    var prose: Int?
  }

  /// The file's path, for locations.
  let path: String
  /// The file.
  let lines: SourceLines
  /// The prose so far, as UTF-8.
  private(set) var out: [UInt8] = []
  /// Maps offsets of `out` to file offsets.
  private(set) var map = OffsetMap()
  /// The current input.
  private(set) var bytes: [UInt8]
  /// The current input's map to the file, or nil when the input is the file.
  private var inputMap: OffsetMap?
  /// How white space is treated now.
  var whitespace = Whitespace.raw
  /// Above zero inside elements whose text is not prose (`<noscript>`, `<template>`).
  var skipDepth = 0
  private var pendingBreak = Break.none
  private var pendingSpace: (start: Int, end: Int)?
  private var pendingRuns: [(start: Int, end: Int)] = []
  private var lineHasContent = false
  /// Whether the current block holds prose.
  private(set) var blockHasContent = false
  private(set) var suppressions: [PendingSuppression] = []
  private var awaiting: [Int] = []
  /// The tables read, in order.
  private(set) var tables: [TableLayout] = []
  /// The table being read, and how deep in tables the reader is.
  private var table: TableLayout?
  private var tableDepth = 0
  /// The first problem found; readers stop when it is set.
  private(set) var problem: Problem?
  /// Whether a problem was found (cheaper to test in loops than `problem`).
  private(set) var failed = false

  /// Starts with the file as the input.
  init(path: String, lines: SourceLines) {
    self.path = path
    self.lines = lines
    self.bytes = lines.bytes
  }

  /// Switches the input to `bytes`, whose offsets `map` takes to the file (nil: the file).
  mutating func setInput(_ bytes: [UInt8], map: OffsetMap?) {
    self.bytes = bytes
    self.inputMap = map
  }

  /// Makes room for about `count` more bytes of prose.
  mutating func reserve(_ count: Int) {
    out.reserveCapacity(out.count + count)
  }

  /// The file offset of input offset `offset`.
  func sourceOffset(_ offset: Int) -> Int {
    inputMap?.source(at: offset) ?? offset
  }

  /// The file location of input offset `offset`.
  func location(_ offset: Int, end: Int? = nil) -> SourceLocation {
    lines.location(file: path, offset: sourceOffset(offset), end: end.map(sourceOffset))
  }

  // MARK: Prose

  /// Adds input text, treating white space by `whitespace`.
  mutating func text(_ start: Int, _ end: Int) {
    guard skipDepth == 0, start < end else { return }
    var index = start
    var runStart = start
    while index < end {
      let byte = bytes[index]
      if byte > 0x20 && byte < 0x80 {
        index += 1
        continue
      }
      switch byte {
      case 0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b:
        if runStart < index { content(runStart, index) }
        whitespaceByte(index, end: end)
        index += 1
        runStart = index
      case 0xc2, 0xe1, 0xe2, 0xe3, 0xef:
        switch special(at: index, end: end) {
        case .none:
          index += 1
        case .space(let length):
          if runStart < index { content(runStart, index) }
          space(index, index + length)
          index += length
          runStart = index
        case .drop(let length):
          if runStart < index { content(runStart, index) }
          index += length
          runStart = index
        }
      default:
        index += 1
      }
    }
    if runStart < end { content(runStart, end) }
  }

  /// Adds the character a reference or escape at `start..<end` stands for.
  mutating func character(_ scalar: UInt32, _ start: Int, _ end: Int) {
    guard skipDepth == 0 else { return }
    switch scalar {
    case 0x20, 0x09, 0x0a, 0x0d, 0x0c:
      if whitespace == .raw {
        replacement([UInt8(scalar)], start, end)
      } else if scalar == 0x0a && whitespace == .collapseKeepingNewlines {
        lineBreak()
      } else if lineHasContent && pendingSpace == nil {
        pendingSpace = (start, end)
      }
    case 0xa0, 0x1680, 0x2000...0x200a, 0x202f, 0x205f, 0x3000:
      space(start, end)
    case 0xad, 0x200b, 0x2060, 0xfeff:
      break
    default:
      replacement(UTF8Scalar.encode(scalar), start, end)
    }
  }

  /// Adds `replacement` for the input at `start..<end`, mapping it to where that starts.
  mutating func replacement(_ replacement: [UInt8], _ start: Int, _ end: Int) {
    guard skipDepth == 0, !replacement.isEmpty else { return }
    flushPending(at: start)
    map.add(text: out.count, source: sourceOffset(start), verbatim: false)
    out.append(contentsOf: replacement)
    map.add(text: out.count, source: sourceOffset(end), verbatim: true)
    didAddContent(at: start)
  }

  /// Ends the current block.
  mutating func breakBlock() { requestBreak(.block) }

  /// Ends the current line; with `promote`, a second break in a row ends the block (`<br><br>`).
  mutating func lineBreak(promote: Bool = false) {
    requestBreak(promote && pendingBreak == .line && !lineHasContent ? .block : .line)
  }

  /// Separates the next table cell from the previous one in the same row.
  mutating func cellBreak() {
    if blockHasContent { requestBreak(.cell) }
  }

  // MARK: Tables

  /// Starts a table; a table inside a cell of another is read as that cell's prose.
  mutating func beginTable() {
    tableDepth += 1
    if tableDepth == 1 { table = TableLayout(start: out.count) }
  }

  /// The tables read, with any left open at the end of the input closed.
  var finishedTables: [ArticleTable] {
    var copy = self
    while copy.tableDepth > 0 { copy.endTable() }
    return copy.tables.map {
      ArticleTable(rows: $0.rows, headerRows: $0.headerRows, start: $0.start)
    }
  }

  /// Ends the table, recording it when it has cells.
  mutating func endTable() {
    guard tableDepth > 0 else { return }
    tableDepth -= 1
    guard tableDepth == 0, var finished = table else { return }
    finishRow(in: &finished)
    if finished.rows.contains(where: { $0.contains { $0 != nil } }) { tables.append(finished) }
    table = nil
  }

  /// Starts a row of the open table; `isHeader` marks a row of column headings (in `<thead>`,
  /// or a Markdown table's header row). A row of `<th>` cells only is one too.
  mutating func beginRow(isHeader: Bool) {
    guard tableDepth == 1, var open = table else { return }
    finishRow(in: &open)
    open.rows.append([])
    open.rowIsHeader = isHeader
    open.rowHasOnlyHeaderCells = true
    table = open
  }

  /// Starts a cell of the open table's current row; `isHeader` for a `<th>`.
  mutating func beginCell(isHeader: Bool = false) {
    guard tableDepth == 1, var open = table else { return }
    closeCell(in: &open)
    if open.rows.isEmpty { open.rows.append([]) }
    open.cellIsOpen = true
    open.cellStart = nil
    if !isHeader { open.rowHasOnlyHeaderCells = false }
    table = open
  }

  private mutating func closeCell(in open: inout TableLayout) {
    guard open.cellIsOpen else { return }
    open.rows[open.rows.count - 1].append(open.cellStart.map { $0..<max($0, out.count) })
    open.cellIsOpen = false
  }

  /// Closes the last row's last cell; a heading row at the top of the table is counted.
  private mutating func finishRow(in open: inout TableLayout) {
    closeCell(in: &open)
    guard let last = open.rows.last, !last.isEmpty, open.headerRows == open.rows.count - 1,
      open.rowIsHeader || open.rowHasOnlyHeaderCells
    else { return }
    open.headerRows += 1
  }

  /// Adds the white space held back, as plain text does not trim its end.
  mutating func finishKeepingTrailingSpace() {
    let runs = pendingRuns
    pendingRuns = []
    for run in runs { emitRun(run.start, run.end) }
  }

  // MARK: Suppressions

  /// Reads the comment at `start..<end` with body `bodyStart..<bodyEnd`; records a suppression
  /// or a problem.
  mutating func comment(_ start: Int, _ end: Int, body bodyStart: Int, _ bodyEnd: Int) {
    guard !failed,
      let result = Directive.parse(bytes, from: bodyStart, to: max(bodyStart, bodyEnd))
    else { return }
    switch result {
    case .failure(let error):
      problem = Problem(.article(error), at: location(start, end: end))
      failed = true
    case .success(let directive):
      awaiting.append(suppressions.count)
      suppressions.append(
        PendingSuppression(
          ruleIDs: directive.ruleIDs, reason: directive.reason, start: sourceOffset(start),
          end: sourceOffset(end)))
    }
  }

  /// The suppressions, with the lines they apply to.
  func resolvedSuppressions() -> [Suppression] {
    suppressions.flatMap { pending in
      let line =
        pending.prose.map { lines.lineIndex(of: $0) + 1 }
        ?? lines.lineIndex(of: max(pending.start, pending.end - 1)) + 2
      let location = lines.location(file: path, offset: pending.start, end: pending.end)
      return pending.ruleIDs.map {
        Suppression(ruleID: $0, reason: pending.reason, line: line, location: location)
      }
    }
  }

  /// The prose as a string.
  var string: String { String(decoding: out, as: UTF8.self) }

  // MARK: Internals

  private enum Special {
    case none
    case space(Int)
    case drop(Int)
  }

  /// Recognises Unicode spaces (made " ") and invisible characters (dropped).
  private func special(at index: Int, end: Int) -> Special {
    let lead = bytes[index]
    guard index + 1 < end else { return .none }
    let second = bytes[index + 1]
    if lead == 0xc2 {
      return second == 0xa0 ? .space(2) : second == 0xad ? .drop(2) : .none
    }
    guard index + 2 < end else { return .none }
    let third = bytes[index + 2]
    switch (lead, second, third) {
    case (0xe1, 0x9a, 0x80), (0xe2, 0x80, 0x80...0x8a), (0xe2, 0x80, 0xaf), (0xe2, 0x81, 0x9f),
      (0xe3, 0x80, 0x80):
      return .space(3)
    case (0xe2, 0x80, 0x8b), (0xe2, 0x81, 0xa0), (0xef, 0xbb, 0xbf):
      return .drop(3)
    default:
      return .none
    }
  }

  private mutating func whitespaceByte(_ index: Int, end: Int) {
    let byte = bytes[index]
    switch whitespace {
    case .raw:
      if byte == 0x0d && index + 1 < end && bytes[index + 1] == 0x0a { return }
      addRun(index, index + 1)
    case .collapse:
      if lineHasContent && pendingSpace == nil { pendingSpace = (index, index + 1) }
    case .collapseKeepingNewlines:
      if byte == 0x0a {
        lineBreak()
      } else if lineHasContent && pendingSpace == nil {
        pendingSpace = (index, index + 1)
      }
    }
  }

  private mutating func space(_ start: Int, _ end: Int) {
    if whitespace == .raw {
      addRun(start, end)
    } else if lineHasContent && pendingSpace == nil {
      pendingSpace = (start, end)
    }
  }

  private mutating func addRun(_ start: Int, _ end: Int) {
    if let last = pendingRuns.last, last.end == start {
      pendingRuns[pendingRuns.count - 1].end = end
    } else {
      pendingRuns.append((start, end))
    }
  }

  private mutating func requestBreak(_ kind: Break) {
    if kind > pendingBreak { pendingBreak = kind }
    pendingSpace = nil
    pendingRuns.removeAll(keepingCapacity: true)
    lineHasContent = false
    if kind >= .line { blockHasContent = false }
  }

  private mutating func content(_ start: Int, _ end: Int) {
    flushPending(at: start)
    emitMapped(start, end)
    didAddContent(at: start)
  }

  private mutating func didAddContent(at start: Int) {
    lineHasContent = true
    blockHasContent = true
    guard !awaiting.isEmpty else { return }
    let source = sourceOffset(start)
    for index in awaiting { suppressions[index].prose = source }
    awaiting.removeAll()
  }

  private mutating func flushPending(at start: Int) {
    if pendingBreak != .none {
      if !out.isEmpty {
        map.add(text: out.count, source: sourceOffset(start), verbatim: false)
        out.append(contentsOf: pendingBreak.bytes)
      }
      pendingBreak = .none
    }
    if let space = pendingSpace {
      pendingSpace = nil
      if space.end - space.start == 1 {
        emitMapped(space.start, space.end)
        out[out.count - 1] = 0x20
      } else {
        replacement([0x20], space.start, space.end)
      }
    }
    if !pendingRuns.isEmpty {
      // Indexing rather than copying keeps the buffer unique, so clearing it reuses it.
      for index in pendingRuns.indices { emitRun(pendingRuns[index].start, pendingRuns[index].end) }
      pendingRuns.removeAll(keepingCapacity: true)
    }
    // A cell's prose starts after the separator before it.
    if tableDepth == 1, table?.cellIsOpen == true, table?.cellStart == nil {
      table?.cellStart = out.count
    }
  }

  /// Emits held-back raw white space: ASCII as is, Unicode spaces as " ".
  private mutating func emitRun(_ start: Int, _ end: Int) {
    var index = start
    var plainStart = start
    while index < end {
      if bytes[index] < 0x80 {
        index += 1
        continue
      }
      if plainStart < index { emitMapped(plainStart, index) }
      let length = bytes[index] == 0xc2 ? 2 : 3
      let next = min(end, index + length)
      map.add(text: out.count, source: sourceOffset(index), verbatim: false)
      out.append(0x20)
      map.add(text: out.count, source: sourceOffset(next), verbatim: true)
      index = next
      plainStart = index
    }
    if plainStart < end { emitMapped(plainStart, end) }
  }

  /// Copies input bytes, splitting at the pieces of the input's own map.
  private mutating func emitMapped(_ start: Int, _ end: Int) {
    guard let inputMap else {
      map.add(text: out.count, source: start, verbatim: true)
      out.append(contentsOf: bytes[start..<end])
      return
    }
    let anchors = inputMap.anchors
    var index = inputMap.index(at: start) ?? 0
    var position = start
    var endsInReplacement = false
    while position < end {
      while index + 1 < anchors.count && Int(anchors[index + 1].text) <= position { index += 1 }
      let anchor = anchors[index]
      let next = index + 1 < anchors.count ? Int(anchors[index + 1].text) : Int.max
      let pieceEnd = min(end, next)
      let source =
        anchor.verbatim ? anchor.source + (position - Int(anchor.text)) : anchor.source
      map.add(text: out.count, source: source, verbatim: anchor.verbatim)
      out.append(contentsOf: bytes[position..<pieceEnd])
      endsInReplacement = !anchor.verbatim
      position = pieceEnd
    }
    if endsInReplacement {
      map.add(text: out.count, source: inputMap.source(at: end), verbatim: true)
    }
  }
}
