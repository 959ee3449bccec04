/// A reporting period: a year, a half, a quarter or a month, calendar or fiscal.
public struct Period: Sendable, Hashable, Comparable {
  /// How long the period is.
  public enum Length: Int, Sendable, Hashable, Comparable {
    /// A calendar month.
    case month = 12
    /// A quarter of a year.
    case quarter = 4
    /// A half year.
    case half = 2
    /// A calendar or fiscal year.
    case year = 1

    /// Orders from the longest (year) to the shortest (month).
    public static func < (lhs: Length, rhs: Length) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The word for one such period: "quarter".
    public var word: String {
      switch self {
      case .month: return "month"
      case .quarter: return "quarter"
      case .half: return "half"
      case .year: return "year"
      }
    }
  }

  // Stored words first, then bytes, so a period takes 18 bytes rather than 25: every figure's
  // key holds one.
  /// The year, or for a fiscal period the fiscal year.
  public var year: Int
  /// 1-based position within the year: the 2 of Q2; 1 for a year.
  public var index: Int
  /// How long the period is.
  public var length: Length
  /// Whether this is a fiscal period ("FY2024"), which never compares equal to a calendar one.
  public var isFiscal: Bool

  /// Creates a period; `index` must lie in 1...length.rawValue.
  public init(year: Int, length: Length = .year, index: Int = 1, isFiscal: Bool = false) {
    self.year = year
    self.length = length
    self.index = index
    self.isFiscal = isFiscal
  }

  /// The period of a figure read from prose whose sentence, context and article name none.
  public static let unknown = Period(year: 0)

  /// Whether the period was named, rather than ``unknown``.
  public var isKnown: Bool { self != .unknown }

  /// Whether one period lies within the other: 2024-Q2 and 2024 do, 2024-Q2 and 2024-H2 do not.
  public func overlaps(_ other: Period) -> Bool {
    guard year == other.year, isFiscal == other.isFiscal else { return false }
    let (long, short) = length.rawValue <= other.length.rawValue ? (self, other) : (other, self)
    let parts = short.length.rawValue / long.length.rawValue
    return (short.index - 1) / parts == long.index - 1
  }

  /// Parses `2017`, `2017-H1`, `2017-Q2`, `2017-09`, `Q2 2017`, `H1 2024`, `FY2024`, `FY2024-Q1`.
  public init?(_ text: String) {
    // The canonical forms ("2017", "2017-Q2", "2017-09") are most of a large file's periods.
    if let period = Self.canonical(text.utf8) {
      self = period
      return
    }
    var rest = Substring(text.uppercased())
    rest = rest.drop { $0 == " " }
    var fiscal = false
    if rest.hasPrefix("FY") {
      fiscal = true
      rest = rest.dropFirst(2).drop { $0 == " " }
    }
    // "Q2 2017" and "H1 2024" put the part first.
    if let first = rest.first, first == "Q" || first == "H", let space = rest.firstIndex(of: " ") {
      rest = rest[rest.index(after: space)...] + "-" + rest[..<space]
    }
    let pieces = rest.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(pieces.count), pieces[0].count == 4, let year = Int(pieces[0]),
      year >= 1000
    else { return nil }
    guard pieces.count == 2 else {
      self.init(year: year, isFiscal: fiscal)
      return
    }
    let part = pieces[1]
    if let kind = part.first, kind == "Q" || kind == "H", let number = Int(part.dropFirst()) {
      let length: Length = kind == "Q" ? .quarter : .half
      guard (1...length.rawValue).contains(number) else { return nil }
      self.init(year: year, length: length, index: number, isFiscal: fiscal)
    } else if part.count == 2, let month = Int(part), (1...12).contains(month) {
      self.init(year: year, length: .month, index: month, isFiscal: fiscal)
    } else {
      return nil
    }
  }

  /// Parses `YYYY`, `YYYY-Qn`, `YYYY-Hn` and `YYYY-MM` from bytes, without building strings.
  static func canonical(_ bytes: String.UTF8View) -> Period? {
    let count = bytes.count
    guard count == 4 || count == 7 else { return nil }
    var index = bytes.startIndex
    var year = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      year = year * 10 + Int(byte - UInt8(ascii: "0"))
      index = bytes.index(after: index)
    }
    guard year >= 1000 else { return nil }
    if count == 4 { return Period(year: year) }
    guard bytes[index] == UInt8(ascii: "-") else { return nil }
    let first = bytes[bytes.index(after: index)]
    let second = bytes[bytes.index(index, offsetBy: 2)]
    guard second >= UInt8(ascii: "0"), second <= UInt8(ascii: "9") else { return nil }
    let digit = Int(second - UInt8(ascii: "0"))
    switch first {
    case UInt8(ascii: "Q"), UInt8(ascii: "q"):
      return (1...4).contains(digit) ? Period(year: year, length: .quarter, index: digit) : nil
    case UInt8(ascii: "H"), UInt8(ascii: "h"):
      return (1...2).contains(digit) ? Period(year: year, length: .half, index: digit) : nil
    case UInt8(ascii: "0")...UInt8(ascii: "1"):
      let month = Int(first - UInt8(ascii: "0")) * 10 + digit
      return (1...12).contains(month) ? Period(year: year, length: .month, index: month) : nil
    default:
      return nil
    }
  }

  /// The period just before, of the same length: 2017-Q1 for 2017-Q2, 2016-Q4 for 2017-Q1.
  public var previous: Period {
    var copy = self
    if index > 1 {
      copy.index -= 1
    } else {
      copy.year -= 1
      copy.index = length.rawValue
    }
    return copy
  }

  /// The same period a year earlier.
  public var yearEarlier: Period {
    var copy = self
    copy.year -= 1
    return copy
  }

  /// Orders by start, then longer periods first.
  public static func < (lhs: Period, rhs: Period) -> Bool {
    let left = (lhs.isFiscal ? 1 : 0, lhs.year, lhs.startMonth, lhs.length.rawValue)
    let right = (rhs.isFiscal ? 1 : 0, rhs.year, rhs.startMonth, rhs.length.rawValue)
    return left < right
  }

  /// The first month of the period within its year, 1-based.
  public var startMonth: Int { (index - 1) * (12 / length.rawValue) + 1 }
  /// The last month of the period within its year, 1-based.
  public var endMonth: Int { index * (12 / length.rawValue) }
}

extension Period: CustomStringConvertible {
  /// The canonical form: `2017`, `2017-H1`, `2017-Q2`, `2017-09`, `FY2024`.
  public var description: String {
    guard isKnown else { return "an unknown period" }
    let year = (isFiscal ? "FY" : "") + String(year)
    switch length {
    case .year: return year
    case .half: return "\(year)-H\(index)"
    case .quarter: return "\(year)-Q\(index)"
    case .month: return index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
    }
  }
}

/// The period a stated change is measured against.
public enum BasePeriod: Sendable, Hashable {
  /// The period just before; with a length ("previous quarter") the change must be stated for a
  /// period of that length.
  case previous(Period.Length?)
  /// The same period a year earlier ("year on year", "a year earlier").
  case yearEarlier
  /// A named period.
  case explicit(Period)

  /// Parses "previous quarter", "previous period", "a year earlier", "year on year", "yoy", or a
  /// period such as "2017-Q1".
  public init?(_ text: String) {
    switch Self.words(text) {
    case "previous period", "prior period", "previous", "sequential", "sequentially":
      self = .previous(nil)
    case "previous quarter", "prior quarter", "last quarter", "quarter on quarter", "qoq":
      self = .previous(.quarter)
    case "previous month", "prior month", "last month", "month on month", "mom":
      self = .previous(.month)
    case "previous half", "prior half", "half on half":
      self = .previous(.half)
    case "previous year", "prior year", "last year":
      self = .previous(.year)
    case "a year earlier", "year earlier", "year on year", "yoy", "a year ago",
      "same period last year",
      "same quarter last year", "same month last year", "same half last year":
      self = .yearEarlier
    default:
      guard let period = Period(text) else { return nil }
      self = .explicit(period)
    }
  }

  /// The text in lower case with its words separated by single spaces; most bases are written
  /// that way already ("previous year"), and are taken as they are.
  private static func words(_ text: String) -> String {
    var previous: UInt8 = 0x20
    let isPlain = text.utf8.allSatisfy { byte in
      defer { previous = byte }
      return (byte >= 0x61 && byte <= 0x7A) || (byte == 0x20 && previous != 0x20)
    }
    if isPlain && previous != 0x20 { return text }
    return text.lowercased().split { $0 == " " || $0 == "-" }.joined(separator: " ")
  }

  /// The base period for a change stated in `period`, or nil when the two do not fit ("previous
  /// quarter" of a year).
  public func resolve(from period: Period) -> Period? {
    switch self {
    case .previous(nil):
      return period.previous
    case .previous(let length?):
      if length == period.length { return period.previous }
      // "Up 8% on last year" said of a quarter compares with the same quarter a year before.
      return length == .year ? period.yearEarlier : nil
    case .yearEarlier:
      return period.yearEarlier
    case .explicit(let base):
      return base
    }
  }
}
