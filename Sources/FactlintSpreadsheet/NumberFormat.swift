import FactlintModel

/// A cell's number format, as a workbook's styles give it, and the text it shows a value as:
/// `#,##0.0` shows 1234.54 as `1,234.5`, so the figure has one decimal of precision, as the
/// reader of the sheet sees it.
///
/// The sections (`positive;negative;zero;text`), digit placeholders (`0`, `#`, `?`), the decimal
/// point, the thousands separator, trailing commas that scale by a thousand each, `%`, and
/// literal text (quoted, escaped with `\`, or a `[$€-407]` currency) are followed; colours,
/// conditions, padding (`_x`) and fill (`*x`) are left out, as they change no figure. A format
/// with date or time codes makes the cell a date.
struct NumberFormat: Sendable {
  /// The format code as the styles write it.
  let code: String

  /// The formats that every workbook has without declaring them, by id.
  static let builtIn: [Int: String] = [
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: "#,##0_);(#,##0)", 6: "#,##0_);[Red](#,##0)", 7: "#,##0.00_);(#,##0.00)",
    8: "#,##0.00_);[Red](#,##0.00)", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
    13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
  ]

  static let general = NumberFormat(code: "General")

  /// The format's sections, split at `;` outside quotes and brackets.
  var sections: [String] {
    var sections: [String] = []
    var current = ""
    var inQuote = false
    var inBracket = false
    var escaped = false
    for character in code {
      if escaped {
        current.append(character)
        escaped = false
        continue
      }
      switch character {
      case "\\": escaped = true
      case "\"": inQuote.toggle()
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      case ";" where !inQuote && !inBracket:
        sections.append(current)
        current = ""
        continue
      default: break
      }
      current.append(character)
    }
    sections.append(current)
    return sections
  }

  /// Whether the format shows a date or a time.
  var isDate: Bool {
    guard let first = sections.first, first.lowercased() != "general" else { return false }
    var inQuote = false
    var inBracket = false
    var escaped = false
    for character in first {
      if escaped {
        escaped = false
        continue
      }
      switch character {
      case "\\", "_", "*": escaped = true
      case "\"": inQuote.toggle()
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      default:
        if !inQuote && !inBracket && "dDmMyYhHsS".contains(character) { return true }
      }
    }
    return false
  }

  /// `value` as the format shows it.
  func text(of value: ExactDecimal) -> String {
    let sections = self.sections
    if sections.count == 1 && sections[0].lowercased() == "general" || code == "@" {
      return Self.generalText(value)
    }
    // The negative section shows the magnitude; without one, a minus is written.
    var section = sections[0]
    var shown = value
    var minus = false
    if value.isNegative {
      if sections.count >= 2 {
        section = sections[1]
        shown = value.magnitude
      } else {
        minus = true
        shown = value.magnitude
      }
    } else if value.isZero && sections.count >= 3 {
      section = sections[2]
    }
    guard section.contains(where: { "0#?".contains($0) }) else {
      // A section of text alone ("-" for zero) shows no number: it is what is written.
      return Self.literal(section)
    }
    return (minus ? "-" : "") + Self.format(shown, with: section)
  }

  /// The digits Excel's General format shows: up to 15 significant, without trailing zeros.
  static func generalText(_ value: ExactDecimal) -> String {
    let digits = value.digitCount
    let trimmed = digits > 15 ? value.rounded(toPower: value.exponent + digits - 15) : value
    return trimmed.description
  }

  /// The literal text of a section: quoted text, escaped characters and bracketed currencies.
  static func literal(_ section: String) -> String {
    var out = ""
    for token in tokens(of: section) {
      if case .literal(let character) = token { out.append(character) }
    }
    return out.trimmingCharacters(in: " ")
  }

  /// A piece of a format section: text shown as written, or a code character.
  enum Token {
    case literal(Character)
    case code(Character)
  }

  /// The section's text and codes: quoted text, `\x`, and the currency of `[$€-407]` are
  /// literal; padding (`_x`), fill (`*x`) and other brackets (`[Red]`, `[>100]`) are dropped.
  static func tokens(of section: String) -> [Token] {
    var tokens: [Token] = []
    var inQuote = false
    var escaped = false
    var skipNext = false
    var bracket: String?
    for character in section {
      if skipNext {
        skipNext = false
      } else if escaped {
        tokens.append(.literal(character))
        escaped = false
      } else if var open = bracket {
        if character == "]" {
          if open.hasPrefix("$") {
            tokens += open.dropFirst().prefix { $0 != "-" }.map { .literal($0) }
          }
          bracket = nil
        } else {
          open.append(character)
          bracket = open
        }
      } else if inQuote {
        if character == "\"" { inQuote = false } else { tokens.append(.literal(character)) }
      } else {
        switch character {
        case "\"": inQuote = true
        case "\\": escaped = true
        case "_", "*": skipNext = true
        case "[": bracket = ""
        case "0", "#", "?", ",", ".", "%", "E", "e", "+": tokens.append(.code(character))
        default: tokens.append(.literal(character))
        }
      }
    }
    return tokens
  }

  /// `value` (not negative) formatted by one section with digit placeholders.
  static func format(_ value: ExactDecimal, with section: String) -> String {
    // The section's parts: literal text before and after the placeholders, and what the
    // placeholders say.
    var prefix = ""
    var suffix = ""
    var decimals = 0
    var grouping = false
    var percent = 0
    var seenPlaceholder = false
    var afterPoint = false
    var pendingCommas = 0
    func literal(_ character: Character) {
      if seenPlaceholder { suffix.append(character) } else { prefix.append(character) }
    }
    for token in tokens(of: section) {
      guard case .code(let character) = token else {
        if case .literal(let character) = token { literal(character) }
        continue
      }
      switch character {
      case "0", "#", "?":
        // Commas between placeholders group; commas after the last one scale.
        if pendingCommas > 0 && !afterPoint { grouping = true }
        pendingCommas = 0
        seenPlaceholder = true
        if afterPoint { decimals += 1 }
      case "." where !afterPoint:
        afterPoint = true
        seenPlaceholder = true
      case "," where seenPlaceholder:
        pendingCommas += 1
      case "%":
        percent += 1
        literal("%")
      case "E", "e", "+", ",", ".":
        // Scientific notation shows the plain number; a stray comma or point shows as text.
        if character == "," || character == "." { literal(character) }
      default:
        literal(character)
      }
    }
    let scaleCommas = pendingCommas
    var shown = value
    for _ in 0..<percent { shown = shown * .hundred }
    shown = shown * .powerOfTen(-3 * scaleCommas)
    let rounded = shown.rounded(toPower: -decimals)
    var digits = Self.fixed(rounded, decimals: decimals)
    if grouping { digits = DigitGrouping.grouped(digits) }
    // A number scaled by thousands says so, so that its value is not read a thousand times
    // smaller.
    // A suffix such as " m" names the scale itself.
    let words = suffix.trimmingCharacters(in: " ")
    let scale =
      words.isEmpty ? [1: " thousand", 2: " million", 3: " billion"][scaleCommas] ?? "" : ""
    let spaced = suffix.hasPrefix(" ") && !words.isEmpty ? " " + words : words
    return prefix.trimmingCharacters(in: " ") + digits + scale + spaced
  }

  /// `value` with exactly `decimals` digits after the point.
  static func fixed(_ value: ExactDecimal, decimals: Int) -> String {
    let plain = value.description
    guard decimals > 0 else { return plain }
    let point = plain.firstIndex(of: ".")
    let present = point.map { plain.distance(from: $0, to: plain.endIndex) - 1 } ?? 0
    return plain + (point == nil ? "." : "") + String(repeating: "0", count: decimals - present)
  }
}

extension String {
  /// The string without `character` at either end.
  func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
