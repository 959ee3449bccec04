import FactlintModel
import RuleEngine

/// Human-readable output: `path:line:column: severity: message [rule-id]`, the source line with a
/// caret under the figure, then notes at the other figures, then a summary line.
public enum TextReporter: Reporter {
  /// `text`.
  public static let id = "text"

  /// The diagnostics and a summary line.
  public static func report(_ result: LintResult, context: ReportContext) -> String {
    var output = ""
    for diagnostic in result.diagnostics {
      output += entry(
        diagnostic.location, label: diagnostic.severity.rawValue,
        message: "\(diagnostic.message) [\(diagnostic.ruleID)]", context: context)
      for note in diagnostic.notes {
        output += entry(note.location, label: "note", message: note.message, context: context)
      }
    }
    output += summary(result) + "\n"
    return output
  }

  /// Input problems (`error:`) or notices (`note:`), each located with its source line; for
  /// standard error.
  public static func problems(_ problems: [Problem], context: ReportContext) -> String {
    problems.map {
      entry(
        $0.location, label: $0.isNotice ? "note" : "error", message: $0.message,
        context: context, showsSource: $0.showsSource)
    }
    .joined()
  }

  /// `0 errors, 1 warning in 3 files`, with the input problems when there are any:
  /// `0 errors, 0 warnings, 1 input problem in 3 files`.
  public static func summary(_ result: LintResult) -> String {
    let errors = result.count(.error)
    let warnings = result.count(.warning)
    let notes = result.count(.note)
    let unverified = notes > 0 ? ", \(plural(notes, "unverified claim"))" : ""
    let problems =
      result.problems.isEmpty ? "" : ", \(plural(result.problems.count, "input problem"))"
    return
      "\(plural(errors, "error")), \(plural(warnings, "warning"))\(unverified)\(problems) in "
      + plural(result.fileCount, "file")
  }

  /// `text` with the characters that would act on a terminal or a log shown as escapes: C0 and
  /// C1 controls (`\n` as `\n`, ESC as `\u{1B}`), DEL, and the bidirectional overrides that
  /// reorder what a reader sees.
  package static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isHidden) else { return text }
    var shown = ""
    for scalar in text.unicodeScalars {
      guard isHidden(scalar) else {
        shown.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": shown += "\\n"
      case "\r": shown += "\\r"
      case "\t": shown += "\\t"
      default: shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return shown
  }

  static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  package static func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
  }

  /// Lines up to this many characters are shown whole under a diagnostic.
  static let longestExcerpt = 160
  /// How many characters of a longer line are shown on either side of the place.
  static let excerptMargin = 60
  /// The longest underline.
  static let longestUnderline = 80

  /// One located message with its source line and caret.
  static func entry(
    _ location: SourceLocation, label: String, message: String, context: ReportContext,
    showsSource: Bool = true
  ) -> String {
    let paint = Paint(enabled: context.useColor)
    let color: Paint.Color =
      switch label {
      case "error": .red
      case "warning": .yellow
      default: .cyan
      }
    // What the input wrote is shown escaped, so that it cannot drive the terminal or forge lines.
    var text =
      paint.bold("\(visible("\(location)")):") + " "
      + paint.bold(paint.color(color, "\(label):")) + " " + visible(message) + "\n"
    guard showsSource, let scalars = context.sourceScalars(location.file, location.line) else {
      return text
    }
    let column = min(max(location.column, 1), scalars.count + 1) - 1
    let length = min(max(location.length, 1), max(1, scalars.count - column), Self.longestUnderline)
    // A long line (a minified file, a paragraph on one line) is shown around the place only, cut
    // where "…" stands.
    let (start, end) =
      scalars.count <= Self.longestExcerpt
      ? (0, scalars.count)
      : (
        max(0, column - Self.excerptMargin),
        min(scalars.count, column + length + Self.excerptMargin)
      )
    // Tabs print as one space so that the caret stays under the figure.
    func shown(_ range: Range<Int>) -> String {
      var text = String.UnicodeScalarView()
      text.append(contentsOf: scalars[range].lazy.map { $0 == "\t" ? " " : $0 })
      return visible(String(text))
    }
    let cut = start > 0 ? "…" : ""
    let before = cut + shown(start..<column)
    let under = shown(column..<min(column + length, end))
    let caret = "^" + String(repeating: "~", count: max(under.count, 1) - 1)
    let number = String(location.line)
    let gutter = String(repeating: " ", count: number.count)
    text += " \(number) | \(cut)\(shown(start..<end))\(end < scalars.count ? "…" : "")\n"
    text +=
      " \(gutter) | " + String(repeating: " ", count: before.count)
      + paint.color(.green, caret) + "\n"
    return text
  }
}

/// ANSI colours, or plain text when disabled.
struct Paint {
  enum Color: String {
    case red = "31"
    case yellow = "33"
    case cyan = "36"
    case green = "32"
  }

  let enabled: Bool

  func color(_ color: Color, _ text: String) -> String {
    enabled ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String {
    enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }
}
