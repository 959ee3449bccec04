/// Thousands separators for numbers as factlint writes them in messages.
package enum DigitGrouping {
  /// `274515000000` as `274,515,000,000` and `-1234.5` as `-1,234.5`; a number with an exponent
  /// is left as written.
  package static func grouped(_ written: String) -> String {
    let negative = written.hasPrefix("-")
    let digits = negative ? String(written.dropFirst()) : written
    guard !digits.contains(where: { $0 == "e" || $0 == "E" }) else { return written }
    let point = digits.firstIndex(of: ".") ?? digits.endIndex
    let whole = Array(digits[..<point])
    var out = ""
    for (index, digit) in whole.enumerated() {
      if index > 0, (whole.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (negative ? "-" : "") + out + digits[point...]
  }
}
