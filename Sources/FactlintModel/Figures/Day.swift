/// A calendar day as a count of days, for the lengths and ends of filings' periods and the
/// dates of spreadsheet cells.
package struct Day: Sendable, Hashable, Comparable {
  /// Days since 1970-01-01.
  package var number: Int

  /// The day of `year`-`month`-`day`, or nil when there is no such day.
  package init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), (1...Day.length(ofMonth: month, in: year)).contains(day),
      (1...9999).contains(year)
    else { return nil }
    // Counted from March, so that February's leap day ends a year.
    let shifted = month <= 2 ? year - 1 : year
    let era = shifted / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    number = era * 146_097 + dayOfEra - 719_468
  }

  package init(number: Int) { self.number = number }

  /// Parses `YYYY-MM-DD`.
  package init?(_ text: Substring) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The year, month and day.
  package var date: (year: Int, month: Int, day: Int) {
    let shifted = number + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Whether the day is the last of its month.
  package var endsMonth: Bool {
    let (year, month, day) = date
    return day == Day.length(ofMonth: month, in: year)
  }

  package static func length(ofMonth month: Int, in year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  package static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }
  package static func - (lhs: Day, rhs: Day) -> Int { lhs.number - rhs.number }

  /// `YYYY-MM-DD`.
  package var text: String {
    let (year, month, day) = date
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
