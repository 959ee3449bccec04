import FactlintModel
import FactlintReading

/// Reads the facts of a companyfacts file or an xBRL-JSON report, then keys them as figures.
struct FactReader {
  let bytes: [UInt8]
  let lines: SourceLines
  let path: String
  private(set) var facts: [FilingLoader.Fact] = []
  private(set) var problems: [Problem] = []
  /// The names that the facts' entities go by in prose: the name as filed and its first word
  /// ("Kestrel" for "Kestrel Systems Inc."), and the CIK.
  private(set) var aliases = Aliases()

  init(bytes: [UInt8], lines: SourceLines, path: String) {
    self.bytes = bytes
    self.lines = lines
    self.path = path
  }

  func located(_ error: InputError, _ value: JSONValue) -> Problem {
    Problem(error, at: lines.location(file: path, offset: value.start))
  }

  func text(_ value: JSONValue?) -> String? { value?.text(in: bytes) }

  /// The members of `value`, which must be an object, `key` naming it in the error otherwise.
  func members(_ value: JSONValue, _ key: String) throws(Problem) -> [(
    key: String, value: JSONValue
  )] {
    guard let members = value.members else {
      throw located(.wrongType(key: key, expected: "an object", found: value.kindName), value)
    }
    return members
  }

  /// Where a value's text ends, for underlining it.
  func valueEnd(of value: JSONValue) -> Int {
    switch value.kind {
    case .number(let end): return end
    case .string(_, let end): return end + 1
    default: return value.start + 1
    }
  }

  /// Declares the names `entity` goes by: as written, and its first word.
  private mutating func addAliases(of entity: String, writtenAs written: String) {
    let first = written.split(separator: " ").first.map { String($0).lowercased() } ?? entity
    for alias in [written, first] where alias != entity && aliases.entities[alias] == nil {
      aliases.entities[alias] = entity
    }
  }

  // MARK: - companyfacts

  /// `{"cik", "entityName", "facts": {TAXONOMY: {CONCEPT: {"units": {UNIT: [ENTRY]}}}}}`, each
  /// entry `{"start"?, "end", "val", "accn", "fy", "fp", "form", "filed", "frame"?}`.
  mutating func readCompanyFacts(_ root: JSONValue) throws(Problem) {
    let cik = text(root["cik"]) ?? ""
    let written = text(root["entityName"]) ?? "CIK\(cik)"
    let entity = FilingEntity.name(written)
    addAliases(of: entity, writtenAs: written)
    if !cik.isEmpty {
      let padded = String(repeating: "0", count: max(0, 10 - cik.count)) + cik
      aliases.entities["CIK\(padded)", default: entity] = entity
    }
    for (taxonomy, concepts) in try members(root["facts"]!, "facts") {
      for (concept, body) in try members(concepts, taxonomy) {
        let name = "\(taxonomy):\(concept)"
        guard let units = body["units"] else {
          problems.append(located(.missingKey("units", context: "fact \(name)"), body))
          continue
        }
        for (unit, entries) in try members(units, "units") {
          guard let list = entries.elements else {
            problems.append(
              located(.wrongType(key: unit, expected: "a list", found: entries.kindName), entries))
            continue
          }
          guard FilingUnit(unit) != nil else {
            problems.append(located(.unknownFilingUnit(unit), entries))
            continue
          }
          for entry in list {
            if let fact = companyFact(entry, concept: name, entity: entity, unit: unit) {
              facts.append(fact)
            }
          }
        }
      }
    }
  }

  private mutating func companyFact(
    _ entry: JSONValue, concept: String, entity: String, unit: String
  ) -> FilingLoader.Fact? {
    guard entry.members != nil else {
      problems.append(
        located(.wrongType(key: concept, expected: "an object", found: entry.kindName), entry))
      return nil
    }
    guard let val = entry["val"] else {
      problems.append(located(.missingKey("val", context: "a fact of \(concept)"), entry))
      return nil
    }
    guard case .number = val.kind, let written = text(val), let value = ExactDecimal(written)
    else {
      problems.append(
        located(.wrongType(key: "val", expected: "a number", found: val.kindName), val))
      return nil
    }
    guard let endValue = entry["end"] else {
      problems.append(located(.missingKey("end", context: "a fact of \(concept)"), entry))
      return nil
    }
    guard let end = text(endValue).flatMap({ Day(Substring($0)) }) else {
      problems.append(located(.invalidFilingPeriod(text(endValue) ?? endValue.kindName), endValue))
      return nil
    }
    var start: Day?
    if let startValue = entry["start"] {
      guard let day = text(startValue).flatMap({ Day(Substring($0)) }), day <= end else {
        problems.append(
          located(.invalidFilingPeriod(text(startValue) ?? startValue.kindName), startValue))
        return nil
      }
      start = day
    }
    let form = text(entry["form"])
    let filedText = text(entry["filed"])
    let accession = text(entry["accn"])
    let source = [
      form.map { "\($0)" }, filedText.map { "filed \($0)" }, accession.map { "accession \($0)" },
    ].compactMap { $0 }.joined(separator: ", ")
    return FilingLoader.Fact(
      concept: concept, entity: entity, start: start, end: end, unit: unit, segment: nil,
      value: value, precision: FilingPrecision.shown(by: written), valueText: written,
      source: source.isEmpty ? nil : source, filed: filedText.flatMap { Day(Substring($0)) },
      offset: val.start, valueEnd: valueEnd(of: val))
  }

  // MARK: - xBRL-JSON

  /// The dimensions every xBRL-JSON fact may have that are not a taxonomy's axes.
  static let coreDimensions: Set<String> = [
    "concept", "entity", "period", "unit", "language", "noteId",
  ]

  /// `{"documentInfo": {"documentType": ".../xbrl-json", ...}, "facts": {ID: {"value",
  /// "decimals"?, "dimensions": {"concept", "entity", "period", "unit"?, AXIS: MEMBER...}}}}`.
  mutating func readReport(_ root: JSONValue) throws(Problem) {
    let info = root["documentInfo"]!
    let type = text(info["documentType"]) ?? ""
    guard type.hasSuffix("/xbrl-json") else {
      throw located(
        .notAFiling("its documentType is '\(type)', not an xBRL-JSON report's"),
        info["documentType"] ?? info)
    }
    let entries = try members(root["facts"]!, "facts")
    // The entities' names, from the report's dei:EntityRegistrantName facts.
    var names: [String: String] = [:]
    for (_, fact) in entries {
      guard let dimensions = fact["dimensions"],
        text(dimensions["concept"]) == "dei:EntityRegistrantName",
        let entity = text(dimensions["entity"]), let name = text(fact["value"])
      else { continue }
      names[entity] = name
      addAliases(of: FilingEntity.name(name), writtenAs: name)
    }
    for (id, fact) in entries {
      guard let dimensions = fact["dimensions"], dimensions.members != nil else {
        problems.append(located(.missingKey("dimensions", context: "fact '\(id)'"), fact))
        continue
      }
      // A fact without a unit is text, a date or a boolean: not a figure.
      guard let unitValue = dimensions["unit"], let unit = text(unitValue) else { continue }
      guard let value = fact["value"], case .string = value.kind, let written = text(value) else {
        // A nil fact (value null) states no figure.
        if let value = fact["value"], case .null = value.kind { continue }
        problems.append(located(.missingKey("value", context: "fact '\(id)'"), fact))
        continue
      }
      let shownUnit = FilingUnit.withoutPrefixes(unit)
      guard FilingUnit(shownUnit) != nil else {
        problems.append(located(.unknownFilingUnit(unit), unitValue))
        continue
      }
      guard let number = ExactDecimal(written) else {
        problems.append(
          located(
            .wrongType(key: "value", expected: "a decimal number", found: "'\(written)'"), value))
        continue
      }
      guard let concept = text(dimensions["concept"]) else {
        problems.append(located(.missingKey("concept", context: "fact '\(id)'"), dimensions))
        continue
      }
      guard let periodValue = dimensions["period"], let period = text(periodValue),
        let (start, end) = Self.period(period)
      else {
        let shown = text(dimensions["period"]) ?? "no period"
        problems.append(located(.invalidFilingPeriod(shown), dimensions["period"] ?? dimensions))
        continue
      }
      let precision: ExactDecimal
      switch fact["decimals"]?.kind {
      case nil, .null?:
        precision = .zero
      case .number?:
        guard let decimals = text(fact["decimals"]).flatMap({ Int($0) }), abs(decimals) <= 100
        else {
          problems.append(
            located(
              .wrongType(key: "decimals", expected: "a whole number", found: "another number"),
              fact["decimals"]!))
          continue
        }
        precision = .powerOfTen(-decimals)
      default:
        let found = fact["decimals"]!
        guard text(found) == "INF" else {
          problems.append(
            located(
              .wrongType(key: "decimals", expected: "a whole number", found: found.kindName),
              found))
          continue
        }
        precision = .zero
      }
      let entityID = text(dimensions["entity"]) ?? ""
      let axes = (dimensions.members ?? []).filter { !Self.coreDimensions.contains($0.key) }
      let segment = axes.sorted { $0.key < $1.key }.compactMap { text($0.value) }
        .map(FilingEntity.member).joined(separator: ", ")
      facts.append(
        FilingLoader.Fact(
          concept: concept, entity: FilingEntity.name(names[entityID] ?? entityID), start: start,
          end: end, unit: shownUnit, segment: segment.isEmpty ? nil : segment, value: number,
          precision: precision, valueText: written, source: nil, filed: nil,
          offset: value.start, valueEnd: valueEnd(of: value)))
    }
  }

  /// The first and last day of an xBRL-JSON period (`START/END`, or one instant, whose first
  /// day is nil). A time of midnight ends the day before: `2024-01-01T00:00:00` is the end of
  /// 2023-12-31, as OIM writes XBRL's end dates.
  static func period(_ text: String) -> (Day?, Day)? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    func day(_ part: Substring, isEnd: Bool) -> Day? {
      let date = part.prefix(10)
      guard let day = Day(date) else { return nil }
      let time = part.dropFirst(10)
      guard !time.isEmpty else { return day }
      guard time.first == "T" else { return nil }
      let clock = time.dropFirst().prefix(8)
      guard clock.count == 8, clock.allSatisfy({ $0.isASCIIDigit || $0 == ":" }) else { return nil }
      return isEnd && clock == "00:00:00" ? Day(number: day.number - 1) : day
    }
    switch parts.count {
    case 1:
      return day(parts[0], isEnd: true).map { (nil, $0) }
    case 2:
      guard let start = day(parts[0], isEnd: false), let end = day(parts[1], isEnd: true),
        start <= end
      else { return nil }
      return (start, end)
    default:
      return nil
    }
  }
}

/// The meaning of an XBRL unit, as companyfacts names it (`USD`, `shares`, `USD/shares`).
struct FilingUnit {
  var unit: QuantityUnit
  /// How the unit is written after a value: "shares", "per share", "per bbl", or nil.
  var suffix: String?
  /// The currency written before the value, or nil.
  var currency: String?

  init?(_ name: String) {
    func isCurrency(_ text: Substring) -> Bool {
      text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
    }
    func isWord(_ text: Substring) -> Bool {
      !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isLetter }
    }
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1 where isCurrency(parts[0]):
      (unit, suffix, currency) = (.currency(name), nil, name)
    case 1 where parts[0] == "pure":
      (unit, suffix, currency) = (.count(nil), nil, nil)
    case 1 where isWord(parts[0]):
      (unit, suffix, currency) = (.count(name), name, nil)
    case 2 where isCurrency(parts[0]) && isWord(parts[1]):
      let per = parts[1] == "shares" ? "share" : String(parts[1])
      (unit, suffix, currency) = (.currency(String(parts[0])), "per \(per)", String(parts[0]))
    default:
      return nil
    }
  }

  /// `iso4217:USD/xbrli:shares` as companyfacts writes it: `USD/shares`.
  static func withoutPrefixes(_ name: String) -> String {
    name.split(separator: "/", omittingEmptySubsequences: false).map { part in
      part.split(separator: ":").last.map(String.init) ?? String(part)
    }.joined(separator: "/")
  }

  /// The value as a figure's text: `USD 274,515,000,000`, `15,550,061,000 shares`.
  func text(of written: String) -> String {
    let number = DigitGrouping.grouped(written)
    return [currency, number, suffix].compactMap { $0 }.joined(separator: " ")
  }
}

/// The precision a companyfacts value's digits show.
enum FilingPrecision {
  /// The place value of the last digit shown: 10^6 for `274515000000`, 0.01 for `3.28`, 1 for
  /// `0`.
  static func shown(by written: String) -> ExactDecimal {
    var mantissa = Substring(written)
    var exponent = 0
    if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(mantissa[mantissa.index(after: e)...]) ?? 0
      mantissa = mantissa[..<e]
    }
    if let point = mantissa.firstIndex(of: ".") {
      return .powerOfTen(exponent - mantissa.distance(from: point, to: mantissa.endIndex) + 1)
    }
    let digits = mantissa.filter(\.isASCIIDigit)
    let significant = digits.drop { $0 == "0" }
    guard !significant.isEmpty else { return .powerOfTen(exponent) }
    let zeros = significant.reversed().prefix { $0 == "0" }.count
    return .powerOfTen(exponent + zeros)
  }
}

/// Names of entities and dimension members as figures' keys take them.
enum FilingEntity {
  /// Legal forms that end company names.
  static let legalForms: Set<String> = [
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc",
    "llc", "lp", "l.p", "llp", "nv", "n.v", "sa", "s.a", "ag", "se", "asa", "ab", "spa", "s.p.a",
    "holdings", "group",
  ]

  /// "Apple Inc." as `apple`, "Alphabet Inc. /DE/" as `alphabet`: lower case, without the legal
  /// form or a state of incorporation.
  static func name(_ written: String) -> String {
    var words = written.lowercased().split { $0 == " " || $0 == "," }.map { word in
      word.hasSuffix(".") ? String(word.dropLast()) : String(word)
    }
    while let last = words.last, words.count > 1,
      legalForms.contains(last) || last.hasPrefix("/") || last.isEmpty
    {
      words.removeLast()
    }
    let name = words.joined(separator: " ")
    return name.isEmpty ? written : name
  }

  /// `acme:CloudServicesMember` as `CloudServices`, the segment a figure is for.
  static func member(_ written: String) -> String {
    let local = written.split(separator: ":").last.map(String.init) ?? written
    return local.hasSuffix("Member") && local.count > 6 ? String(local.dropLast(6)) : local
  }
}
