import FactlintModel
import FactlintReading

/// Reads company filings as data files: the SEC's XBRL `companyfacts` JSON (every fact a company
/// filed, one file per CIK) and xBRL-JSON reports (the Open Information Model's JSON form of one
/// XBRL report).
///
/// Each numeric fact becomes a figure. Its concept is the metric (`us-gaap:Revenues`, which the
/// data's aliases map to the desk's `revenue`), its entity the company's name without its legal
/// form ("Apple Inc." is `apple`), its period the year, half, quarter or month its dates span
/// (fiscal when the company's year is not the calendar's), and its taxonomy dimensions the
/// segment. Its precision is its `decimals`, read as XBRL Calculations 1.1 reads it: a value
/// `v` with decimals `d` stands for `[v - 10^-d / 2, v + 10^-d / 2]`, and a fact without
/// decimals in xBRL-JSON is exact. Companyfacts gives no decimals; its values are taken at the
/// precision their digits show, as a figure written in full is (`274515000000` to the million),
/// which is never finer than the precision filed.
///
/// A period filed more than once (a comparative in the next year's report, an amendment) is one
/// figure, with its provenance (form, filing date, accession) as its source: the value filed
/// last, or among the values consistent with it the most precise. A value that disagrees with
/// it beyond both precisions is a restatement, reported as a notice.
enum FilingLoader {
  /// One numeric fact as read, before it is keyed.
  struct Fact {
    var concept: String
    var entity: String
    var start: Day?
    var end: Day
    var unit: String
    var segment: String?
    var value: ExactDecimal
    /// The place value of the last digit the value is known to, or zero when it is exact.
    var precision: ExactDecimal
    var valueText: String
    /// The form, filing date and accession, in companyfacts.
    var source: String?
    var filed: Day?
    /// Where the value is written: its first byte, and the byte after it.
    var offset: Int
    var valueEnd: Int
  }

  static func load(_ path: String, bytes: [UInt8], problems: inout [Problem]) -> DataFile? {
    let lines = SourceLines(bytes)
    func located(_ error: InputError, _ offset: Int, _ end: Int? = nil) -> Problem {
      Problem(error, at: lines.location(file: path, offset: offset, end: end))
    }
    if let offset = UTF8Scalar.firstInvalid(in: bytes) {
      problems.append(located(.notUTF8, offset))
      return nil
    }
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes, from: 0)
    } catch {
      switch error {
      case .invalid(let reason, let offset): problems.append(located(.invalidJSON(reason), offset))
      case .tooDeep(let offset):
        problems.append(located(.jsonTooDeep(limit: JSONParser.depthLimit), offset))
      }
      return nil
    }
    var reader = FactReader(bytes: bytes, lines: lines, path: path)
    do throws(Problem) {
      if root["cik"] != nil, root["facts"] != nil {
        try reader.readCompanyFacts(root)
      } else if root["documentInfo"] != nil, root["facts"] != nil {
        try reader.readReport(root)
      } else {
        let found =
          root.members.map { members in
            members.isEmpty
              ? "an empty object"
              : "an object with " + members.prefix(3).map { "'\($0.key)'" }.joined(separator: ", ")
          } ?? root.kindName
        throw located(.notAFiling(found), root.start)
      }
    } catch {
      problems.append(error)
      return nil
    }
    var file = DataFile(path: path)
    file.figures = reader.figures(problems: &problems)
    file.aliases = reader.aliases
    return file
  }
}

/// How a company's periods are named: its fiscal year's ends, and whether its year is the
/// calendar's.
struct FiscalCalendar {
  /// The last days of the fiscal years each entity's facts span.
  var yearEnds: [String: Set<Day>] = [:]
  /// The last days of the fiscal quarters each entity's facts span.
  var quarterEnds: [String: Set<Day>] = [:]
  /// The entities whose years run from January to December.
  var calendarEntities: Set<String> = []

  init(_ facts: [FilingLoader.Fact]) {
    var januaryStarts: [String: Int] = [:]
    var otherStarts: [String: Int] = [:]
    for fact in facts {
      guard let start = fact.start else { continue }
      switch Self.length(from: start, to: fact.end) {
      case .year?:
        yearEnds[fact.entity, default: []].insert(fact.end)
        let (_, month, day) = start.date
        if month == 1 && day == 1 && fact.end.endsMonth {
          januaryStarts[fact.entity, default: 0] += 1
        } else {
          otherStarts[fact.entity, default: 0] += 1
        }
      case .quarter?:
        quarterEnds[fact.entity, default: []].insert(fact.end)
      default:
        break
      }
    }
    let entities = Set(facts.map(\.entity))
    calendarEntities = entities.filter {
      (januaryStarts[$0] ?? 0) >= (otherStarts[$0] ?? 0)
    }
  }

  /// The length of the period from `start` to `end` (both included): whole calendar months, or
  /// the 52- and 53-week years (and their quarters and halves) that some companies keep.
  static func length(from start: Day, to end: Day) -> Period.Length? {
    let (startYear, startMonth, startDay) = start.date
    let (endYear, endMonth, _) = end.date
    if startDay == 1 && end.endsMonth {
      switch endYear * 12 + endMonth - (startYear * 12 + startMonth) + 1 {
      case 12: return .year
      case 6: return .half
      case 3: return .quarter
      case 1: return .month
      default: return nil
      }
    }
    switch end - start + 1 {
    case 363...371: return .year
    case 175...189: return .half
    case 84...98: return .quarter
    default: return nil
    }
  }

  /// The fiscal year that ends on `end`: named by the calendar year it ends in, but for a year
  /// that ends in the first week of January, which is the year before's.
  static func fiscalYear(endingOn end: Day) -> Int {
    let (year, month, day) = end.date
    return month == 1 && day <= 7 ? year - 1 : year
  }

  /// The period a fact is for, or nil when it is none that figures are keyed by.
  func period(of fact: FilingLoader.Fact) -> Period? {
    let isCalendar = calendarEntities.contains(fact.entity)
    let (endYear, endMonth, _) = fact.end.date
    guard let start = fact.start else {
      // An instant: the balance at the end of a year or a quarter.
      if isCalendar {
        guard fact.end.endsMonth, endMonth % 3 == 0 else { return nil }
        return endMonth == 12
          ? Period(year: endYear) : Period(year: endYear, length: .quarter, index: endMonth / 3)
      }
      if yearEnds[fact.entity]?.contains(fact.end) == true {
        return Period(year: Self.fiscalYear(endingOn: fact.end), isFiscal: true)
      }
      guard quarterEnds[fact.entity]?.contains(fact.end) == true else { return nil }
      return fiscalPart(.quarter, endingOn: fact.end, entity: fact.entity)
    }
    guard let length = Self.length(from: start, to: fact.end) else { return nil }
    let (_, startMonth, startDay) = start.date
    if isCalendar && startDay == 1 && fact.end.endsMonth {
      switch length {
      case .year where startMonth == 1: return Period(year: endYear)
      case .half where startMonth == 1 || startMonth == 7:
        return Period(year: endYear, length: .half, index: startMonth == 1 ? 1 : 2)
      case .quarter where (startMonth - 1) % 3 == 0:
        return Period(year: endYear, length: .quarter, index: (startMonth - 1) / 3 + 1)
      case .month: return Period(year: endYear, length: .month, index: endMonth)
      default: break
      }
    }
    switch length {
    case .year: return Period(year: Self.fiscalYear(endingOn: fact.end), isFiscal: true)
    case .month: return Period(year: endYear, length: .month, index: endMonth)
    case .half, .quarter: return fiscalPart(length, endingOn: fact.end, entity: fact.entity)
    }
  }

  /// The fiscal half or quarter that ends on `end`, counted back from the end of its fiscal
  /// year, which the facts must show (or show for another year, on the same day of the year).
  func fiscalPart(_ length: Period.Length, endingOn end: Day, entity: String) -> Period? {
    guard let ends = yearEnds[entity], !ends.isEmpty else { return nil }
    var yearEnd = ends.filter { $0 >= end && $0 - end < 372 }.min()
    if yearEnd == nil, let known = ends.max() {
      // Another year's end, moved by whole years to the first on or after `end`.
      let (_, month, day) = known.date
      let (year, _, _) = end.date
      yearEnd = [year, year + 1].compactMap {
        Day(year: $0, month: month, day: min(day, Day.length(ofMonth: month, in: $0)))
      }.first { $0 >= end }
    }
    guard let yearEnd else { return nil }
    let parts = length.rawValue
    let partDays = 365.25 / Double(parts)
    let remaining = Int((Double(yearEnd - end) / partDays).rounded())
    guard (0..<parts).contains(remaining) else { return nil }
    return Period(
      year: Self.fiscalYear(endingOn: yearEnd), length: length, index: parts - remaining,
      isFiscal: true)
  }
}

extension FactReader {
  /// A group of facts that are one figure: the same key, in the same unit.
  struct Group: Hashable {
    var key: FigureKey
    var unit: String
  }

  /// The facts as figures, one per key and unit; the problems met while reading, and the
  /// notices of restated and unplaced facts, go to `sink`.
  func figures(problems sink: inout [Problem]) -> [Figure] {
    sink += problems
    let calendar = FiscalCalendar(facts)
    var members: [Group: [Int]] = [:]
    var order: [Group] = []
    var unplaced: [Int] = []
    for (index, fact) in facts.enumerated() {
      guard let period = calendar.period(of: fact) else {
        unplaced.append(index)
        continue
      }
      let key = FigureKey(
        entity: fact.entity, metric: fact.concept, period: period, segment: fact.segment)
      let group = Group(key: key, unit: fact.unit)
      if members[group] == nil { order.append(group) }
      members[group, default: []].append(index)
    }
    if let first = unplaced.first {
      let fact = facts[first]
      let span = fact.start.map { "from \($0.text) to \(fact.end.text)" } ?? "at \(fact.end.text)"
      sink.append(
        Problem(
          .unplacedFilingFacts(count: unplaced.count, example: "\(fact.concept) \(span)"),
          at: location(of: fact)))
    }
    var figures: [Figure] = []
    figures.reserveCapacity(order.count)
    for group in order {
      // Filed last is last; a report's own duplicates stay in the order written.
      let indices = members[group]!.sorted {
        (facts[$0].filed?.number ?? .min, $0) < (facts[$1].filed?.number ?? .min, $1)
      }
      let latest = indices.last!
      var chosen = latest
      for index in indices.reversed()
      where facts[index].precision < facts[chosen].precision
        && Self.agree(facts[index], facts[latest])
      {
        chosen = index
      }
      if let earlier = indices.last(where: { !Self.agree(facts[$0], facts[chosen]) }) {
        sink.append(notice(group, earlier: facts[earlier], later: facts[chosen]))
      }
      figures.append(figure(facts[chosen], key: group.key))
    }
    return figures
  }

  /// Whether two facts' values agree within both precisions: their intervals share a value.
  static func agree(_ one: FilingLoader.Fact, _ other: FilingLoader.Fact) -> Bool {
    let reach = (one.precision + other.precision) * .half
    return (one.value - other.value).magnitude <= reach
  }

  func location(of fact: FilingLoader.Fact) -> SourceLocation {
    lines.location(file: path, offset: fact.offset, end: fact.valueEnd)
  }

  func shown(_ fact: FilingLoader.Fact) -> String {
    let text = FilingUnit(fact.unit)?.text(of: fact.valueText) ?? fact.valueText
    return fact.source.map { "\(text) in \($0)" } ?? text
  }

  func notice(_ group: Group, earlier: FilingLoader.Fact, later: FilingLoader.Fact) -> Problem {
    let key = "\(group.key) (\(group.unit))"
    let error: InputError =
      earlier.source == nil && later.source == nil
      ? .inconsistentDuplicateFact(
        key: key, first: shown(earlier), at: location(of: earlier), second: shown(later))
      : .restatedFact(
        key: key, earlier: shown(earlier), at: location(of: earlier), later: shown(later))
    return Problem(error, at: location(of: later))
  }

  func figure(_ fact: FilingLoader.Fact, key: FigureKey) -> Figure {
    // Every unit was checked as the facts were read.
    let unit = FilingUnit(fact.unit)!
    let quantity = Quantity(
      value: fact.value, unit: unit.unit, precision: fact.precision,
      text: unit.text(of: fact.valueText))
    return Figure(key: key, quantity: quantity, location: location(of: fact), source: fact.source)
  }
}
