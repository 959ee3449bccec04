import FactlintModel

/// A table of an article as ranges of its text: the cells the reader found.
struct TextTable {
  /// Each row's cells; nil for a cell with no prose.
  var rows: [[Range<String.Index>?]]
  /// How many rows at the top the markup makes headings.
  var headerRows: Int
  /// The text a scale and currency may be given in: a caption, or the paragraph before.
  var caption: Substring
}

extension ExtractionState {
  /// Reads a table of figures: the headings of its columns as periods, the labels of its rows
  /// as metrics, the caption's scale and currency applied to every cell that has none; a
  /// "Total" row or column becomes a composition of the rows or columns it adds up, and a
  /// "% change" column a change between the two periods it compares. False when the table
  /// holds words rather than figures, to be read as prose.
  mutating func readTable(_ table: TextTable) -> Bool {
    let cells = table.rows.map { row in row.map { $0.map { ReportCell(text[$0]) } ?? .empty } }
    let columns = cells.map(\.count).max() ?? 0
    guard cells.count >= 2, columns >= 2 else { return false }
    func cell(_ row: Int, _ column: Int) -> ReportCell {
      column < cells[row].count ? cells[row][column] : .empty
    }
    // Headings: the markup's, then rows with no figure but years beyond the label column.
    var headerRows = min(table.headerRows, cells.count - 1)
    while headerRows < min(cells.count - 1, 4),
      (1..<columns).allSatisfy({ column in
        let found = cell(headerRows, column)
        return found.quantity == nil || found.isYear
      })
    {
      headerRows += 1
    }
    // A table of figures: most cells beyond the labels hold a figure or a mark for none.
    var figureCells = 0
    var otherCells = 0
    for row in headerRows..<cells.count {
      for column in 1..<columns {
        switch cell(row, column) {
        case .number, .absent: figureCells += 1
        case .text: otherCells += 1
        case .empty: break
        }
      }
    }
    guard figureCells > 0, figureCells >= otherCells else { return false }
    let headings = (0..<columns).map { column in
      (0..<headerRows).compactMap { row -> String? in
        guard let range = column < table.rows[row].count ? table.rows[row][column] : nil else {
          return nil
        }
        return String(text[range])
      }.joined(separator: " ")
    }
    let periods = headings.map(Self.headingPeriod)
    // A table with a row per period and a column per metric ("Year | Revenue | Net income"):
    // no column is a period, and the rows' labels are.
    let rowPeriods = (0..<cells.count).map { row -> Period? in
      guard row >= headerRows else { return nil }
      switch cell(row, 0) {
      case .number(let quantity) where cell(row, 0).isYear:
        return Self.headingPeriod(quantity.text)
      case .text(let label): return Self.headingPeriod(label)
      default: return nil
      }
    }
    let isTransposed =
      periods.dropFirst().allSatisfy { $0 == nil }
      && rowPeriods.compactMap({ $0 }).count >= 2
    let scale = ReportScale(
      String(table.caption) + " " + headings.joined(separator: " ") + " "
        + (headerRows..<cells.count).compactMap { row -> String? in
          // A label row with no figures may give the scale: "(Dollars in millions)".
          guard (1..<columns).allSatisfy({ cell(row, $0).quantity == nil }),
            case .text(let label) = cell(row, 0)
          else { return nil }
          return label
        }.joined(separator: " "))
    // The currency written in a column's cells is that of its bare cells too: US tables write
    // "$" on the first and total rows only.
    func currencies(in columns: some Sequence<Int>) -> Set<String> {
      Set(
        columns.flatMap { column in
          (headerRows..<cells.count).compactMap { row -> String? in
            guard case .currency(let code)? = cell(row, column).quantity?.unit else { return nil }
            return code
          }
        })
    }
    // A column with no currency of its own has the caption's, else the table's only one.
    let tableCurrencies = currencies(in: 1..<columns)
    let tableCurrency =
      scale.currency ?? (tableCurrencies.count == 1 ? tableCurrencies.first : nil)
    let columnCurrencies = (0..<columns).map { column -> String? in
      let codes = currencies(in: [column])
      return codes.count == 1 ? codes.first : (codes.isEmpty ? tableCurrency : nil)
    }
    // A heading with a percent sign makes its column's bare numbers percents.
    let percentColumns = headings.map { heading in
      heading.contains("%") || heading.lowercased().contains("percent")
    }
    // The figures, by row and column.
    var placed: [[Int?]] = Array(
      repeating: Array(repeating: nil, count: columns), count: cells.count)
    for row in headerRows..<cells.count {
      let label: String?
      if case .text(let written) = cell(row, 0) {
        label = Self.rowLabel(written)
      } else {
        label = nil
      }
      for column in 1..<columns {
        guard var quantity = cell(row, column).quantity,
          let range = table.rows[row][column]
        else { continue }
        if percentColumns[column], quantity.unit == .count(nil), quantity.scaleWord == nil,
          !quantity.text.contains(",")
        {
          // "Change (%)": the heading gives the unit, but not to an amount such as "60,000".
          quantity.unit = .percent
        }
        ReportScale.apply(
          power: scale.power, word: scale.word, currency: columnCurrencies[column],
          to: &quantity, label: label ?? "")
        let name = isTransposed ? Self.rowLabel(headings[column]) : label
        let metric = name.map { aliases.metricName($0, noun: nil) ?? $0 }
        let entity = mainEntity
        let period = isTransposed ? rowPeriods[row] : periods[column]
        var figure = Figure(
          key: FigureKey(
            entity: entity ?? "", metric: metric ?? "", period: period ?? .unknown),
          quantity: quantity, location: locate(range))
        figure.isFromArticle = true
        figure.binding = .frame
        var extracted = ExtractedFigure(
          figure: figure, entity: entity, metric: metric, period: period, segment: nil,
          noun: nil, periodIsExplicit: period != nil)
        extracted.textRange = range
        extracted.isTableCell = true
        if quantity.unit == .percent { extracted.role = .relation }
        placed[row][column] = figures.count
        figures.append(extracted)
      }
    }
    let grid = TableGrid(
      placed: placed, figures: figures, headerRows: headerRows, columns: columns,
      unread: cells.map { row in
        (0..<columns).map { column in
          guard column > 0, column < row.count, case .text = row[column] else { return false }
          return true
        }
      },
      labels: (0..<cells.count).map { row in
        if case .text(let written) = cell(row, 0) { return written.lowercased() }
        return ""
      }, headings: headings.map { $0.lowercased() }, periods: periods)
    claims += grid.totalRows() + grid.totalColumns() + grid.changeColumns(locate: locate)
    return true
  }

  /// A row label as a metric name: footnote markers, a closing colon or full stop and extra
  /// spaces dropped, in lower case.
  static func rowLabel(_ written: String) -> String? {
    var label = written.lowercased()
    while let last = label.last, ":.*†‡ ".contains(last) { label.removeLast() }
    if label.hasSuffix(")"), let open = label.lastIndex(of: "("),
      label.distance(from: open, to: label.endIndex) <= 4
    {
      label = String(label[..<open])
    }
    let words = label.split(whereSeparator: { $0 == " " || $0 == "\n" })
    return words.isEmpty ? nil : words.joined(separator: " ")
  }

  /// The period a column heading names: one year, with a quarter or half when one is named
  /// ("2019", "Q3 2025", "Fiscal 2024", "Year ended December 31, 2019"); nil for none or for
  /// two years ("2019 vs 2018", "2021 - 2022").
  package static func headingPeriod(_ heading: String) -> Period? {
    let words = heading.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    var years: Set<Int> = []
    var quarter: Int?
    var half: Int?
    var isFiscal = false
    for (index, word) in words.enumerated() {
      if word.count == 4, let year = Int(word), (1900...2100).contains(year) {
        years.insert(year)
      } else if let fiscal = PeriodPhrases.fiscalYear(word) {
        years.insert(fiscal)
        isFiscal = true
      } else if word.count == 2, let digit = word.first(where: \.isNumber)?.wholeNumberValue,
        (1...4).contains(digit), word.contains("q")
      {
        quarter = digit
      } else if let found = PeriodPhrases.quarterWord(word) {
        quarter = found.quarter
        if let year = found.year { years.insert(year) }
        isFiscal = isFiscal || found.isFiscal
      } else if word == "fiscal" || word == "fy" {
        isFiscal = true
      } else if word == "h1" || word == "h2" {
        half = word == "h1" ? 1 : 2
      } else if word == "quarter", index > 0, let ordinal = PeriodPhrases.ordinal(words[index - 1]),
        (1...4).contains(ordinal)
      {
        quarter = ordinal
      } else if word == "half", index > 0, let ordinal = PeriodPhrases.ordinal(words[index - 1]),
        (1...2).contains(ordinal)
      {
        half = ordinal
      }
    }
    guard years.count == 1, let year = years.first else { return nil }
    if let quarter {
      return Period(year: year, length: .quarter, index: quarter, isFiscal: isFiscal)
    }
    if let half { return Period(year: year, length: .half, index: half, isFiscal: isFiscal) }
    return Period(year: year, isFiscal: isFiscal)
  }

}

/// A table's figures laid out by row and column, for reading the claims its structure makes.
struct TableGrid {
  /// The index in `figures` of each cell's figure.
  let placed: [[Int?]]
  let figures: [ExtractedFigure]
  let headerRows: Int
  let columns: Int
  /// The cells beyond the labels that hold words: a column with one among the rows it would
  /// add is not checked.
  let unread: [[Bool]]
  /// Each row's label, in lower case; "" when it has none.
  let labels: [String]
  /// Each column's heading, in lower case.
  let headings: [String]
  let periods: [Period?]

  func figure(_ row: Int, _ column: Int) -> Figure? {
    placed[row][column].map { figures[$0].figure }
  }

  /// Whether a row or column label names a total.
  static func isTotal(_ label: String) -> Bool {
    label.hasPrefix("total") || label.hasPrefix("subtotal") || label.hasPrefix("sub-total")
  }

  /// Whether the parts' figures add up to the total's under strict rounding.
  static func adds(_ parts: [Figure], to total: Figure) -> Bool {
    var sum = ValueRange(exactly: .zero)
    for part in parts { sum = sum + part.quantity.range(.rounded) }
    return sum.overlaps(total.quantity.range(.rounded))
  }

  /// Whether two units may be added: the same currency, or counts.
  static func fits(_ lhs: QuantityUnit, _ rhs: QuantityUnit) -> Bool {
    switch (lhs, rhs) {
    case (.percent, _), (_, .percent), (.percentagePoints, _), (_, .percentagePoints): return false
    default: return lhs.isComparable(with: rhs)
    }
  }

  /// The compositions of "Total" rows: each column's cells of the rows above add up to the
  /// total's cell. Which rows those are is read several ways: the rows since the last row of
  /// labels only (a sub-heading); every row since the heading or the last total that ended a
  /// section, sub-headings passed over; the same with earlier totals, or rows that add up the
  /// rows of their sub-heading, standing for their parts. The reading that holds in the most
  /// columns is taken, and must hold in one column at least for a column where it fails to be
  /// reported; a table with one column of figures is checked only when its total adds a
  /// plain list of rows.
  func totalRows() -> [Claim] {
    var claims: [Claim] = []
    var sectionStart = headerRows
    for row in headerRows..<placed.count where Self.isTotal(labels[row]) && hasFigures(row) {
      let span = Array(sectionStart..<row)
      let figureRows = span.filter(hasFigures)
      // Since the last sub-heading.
      let sinceHeading = Array(
        ((span.last { !hasFigures($0) }).map { $0 + 1 } ?? sectionStart)..<row
      )
      .filter(hasFigures)
      let lastTotal = figureRows.last { Self.isTotal(labels[$0]) }
      let withTotals =
        lastTotal.map { last in
          figureRows.filter { Self.isTotal(labels[$0]) } + figureRows.filter { $0 > last }
        } ?? figureRows
      let readings = [
        sinceHeading.filter { !Self.isTotal(labels[$0]) },
        figureRows.filter { !Self.isTotal(labels[$0]) },
        withTotals,
        subtotalsCollapsed(span),
      ]
      let checked = readings.map { rows in (rows, columnsChecked(rows: rows, total: row)) }
      guard let best = checked.max(by: { $0.1.holding < $1.1.holding }), !best.1.columns.isEmpty
      else { continue }
      let isPlainList =
        span.allSatisfy { hasFigures($0) && !Self.isTotal(labels[$0]) } && best.0 == figureRows
      guard best.1.holding > 0 || best.1.columns.count == 1 && isPlainList else { continue }
      for column in best.1.columns {
        guard let total = figure(row, column) else { continue }
        let parts = best.0.compactMap { figure($0, column) }
        claims.append(
          .composition(
            total: total, parts: parts, negated: parts.map { _ in false }, isPartial: false))
      }
      // A total ends its section unless a later total adds it to others.
      sectionStart = row + 1
    }
    return claims
  }

  /// Whether a row has a figure beyond its label.
  func hasFigures(_ row: Int) -> Bool { placed[row].contains { $0 != nil } }

  /// The rows of `span` with the rows under each sub-heading replaced by the last of them when
  /// it adds up the others in every column it can be checked in (an unlabelled subtotal).
  func subtotalsCollapsed(_ span: [Int]) -> [Int] {
    var result: [Int] = []
    var section: [Int] = []
    func finish() {
      defer { section = [] }
      guard section.count >= 3, let last = section.last else {
        result += section
        return
      }
      let checked = columnsChecked(rows: Array(section.dropLast()), total: last)
      let isSubtotal = !checked.columns.isEmpty && checked.holding == checked.columns.count
      result += isSubtotal ? [last] : section
    }
    for row in span {
      if hasFigures(row) {
        if !Self.isTotal(labels[row]) { section.append(row) }
      } else {
        finish()
      }
    }
    finish()
    return result
  }

  /// The columns in which `rows` have at least two figures that may be added to the total's
  /// in row `total`, and how many of them add up.
  func columnsChecked(rows: [Int], total: Int) -> (columns: [Int], holding: Int) {
    var checked: [Int] = []
    var holding = 0
    for column in 1..<columns {
      guard let sum = figure(total, column) else { continue }
      let parts = rows.compactMap { figure($0, column) }
      guard parts.count >= 2, rows.allSatisfy({ !unread[$0][column] }),
        parts.allSatisfy({ Self.fits($0.quantity.unit, sum.quantity.unit) })
      else { continue }
      checked.append(column)
      if Self.adds(parts, to: sum) { holding += 1 }
    }
    return (checked, holding)
  }

  /// The compositions of a "Total" column: in each row, the cells of the other columns of
  /// figures add up to it. As with total rows, the columns must add up in one row at least.
  func totalColumns() -> [Claim] {
    guard let total = (1..<columns).last(where: { Self.isTotal(headings[$0]) }) else { return [] }
    let partColumns = (1..<columns).filter { $0 != total && !isChangeHeading(headings[$0]) }
    var rows: [Int] = []
    var holding = 0
    for row in headerRows..<placed.count {
      guard let sum = figure(row, total) else { continue }
      let parts = partColumns.compactMap { figure(row, $0) }
      guard parts.count >= 2, parts.allSatisfy({ Self.fits($0.quantity.unit, sum.quantity.unit) })
      else { continue }
      rows.append(row)
      if Self.adds(parts, to: sum) { holding += 1 }
    }
    guard holding > 0 || rows.count == 1 else { return [] }
    return rows.compactMap { row in
      guard let sum = figure(row, total) else { return nil }
      let parts = partColumns.compactMap { figure(row, $0) }
      return .composition(
        total: sum, parts: parts, negated: parts.map { _ in false }, isPartial: false)
    }
  }

  /// Whether a column heading names a percent change between the table's two periods, and
  /// not a change measured some other way (at constant currency, organic, as a share).
  func isChangeHeading(_ heading: String) -> Bool {
    let words = " " + heading + " "
    guard
      ["change", "growth", "y/y", "yoy", "y-o-y", "yr/yr", "chg", "increase", "decrease", "var"]
        .contains(where: words.contains)
    else { return false }
    return ![
      "constant", "currency", "adjusted", "excluding", "organic", " of ", "to net", "share",
      "margin", "pro forma", "like-for-like", "comparable", "points", "bps", "basis", "amount",
      "$", "€", "£",
    ].contains(where: words.contains)
  }

  /// The changes a "% change" column states: each row's cell, between the row's cells in the
  /// table's two period columns (the later the new figure). A row whose change is stated with
  /// the opposite sign (a cost's "favourable" change) or has no positive base is passed over.
  /// The column must hold in two rows and in two thirds of those checked, unless the table has
  /// three rows or fewer and each is checked.
  func changeColumns(locate: (Range<String.Index>) -> SourceLocation) -> [Claim] {
    let dated = (1..<columns).filter { periods[$0] != nil && !isChangeHeading(headings[$0]) }
    guard dated.count == 2, let first = periods[dated[0]], let second = periods[dated[1]],
      first != second
    else { return [] }
    let (new, old) = first > second ? (dated[0], dated[1]) : (dated[1], dated[0])
    let changes = (1..<columns).filter {
      !dated.contains($0) && periods[$0] == nil && isChangeHeading(headings[$0])
    }
    guard changes.count == 1, let column = changes.first else { return [] }
    var claims: [Claim] = []
    var holding = 0
    for row in headerRows..<placed.count {
      guard let stated = figure(row, column), stated.quantity.unit == .percent,
        let current = figure(row, new), let base = figure(row, old),
        Self.fits(current.quantity.unit, base.quantity.unit),
        let low = base.quantity.range(.rounded).low, low > .zero,
        !current.quantity.value.isNegative
      else { continue }
      let growth = Self.percentChange(from: base, to: current)
      let range = stated.quantity.range(.rounded)
      var flipped = stated.quantity
      flipped.value = -flipped.value
      if let growth, !growth.overlaps(range), growth.overlaps(flipped.range(.rounded)) { continue }
      if let growth, growth.overlaps(range) { holding += 1 }
      claims.append(
        .change(
          current: current, base: base,
          change: StatedChange(
            base: .explicit(base.key.period), baseText: base.quantity.text,
            stated: stated.quantity, location: stated.location)))
    }
    // Unconfirmed by other rows, a small table is checked only when every row is.
    let rows = (headerRows..<placed.count).filter { figure($0, new) != nil }
    guard
      holding >= 2 && holding * 3 >= claims.count * 2
        || claims.count == rows.count && rows.count <= 3
    else { return [] }
    return claims
  }

  /// (new - old) / old in percent, as an interval under strict rounding.
  static func percentChange(from base: Figure, to current: Figure) -> ValueRange? {
    let old = base.quantity.range(.rounded)
    let change = current.quantity.range(.rounded) - old
    return (change / old).map { $0 * 100 }
  }
}
