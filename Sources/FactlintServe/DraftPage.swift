import FactlintModel
import FactlintReading
import FactlintReporting
import RuleEngine

/// Text made safe to put in HTML, as element content or a quoted attribute's value.
enum HTML {
  static func escape<S: StringProtocol>(_ text: S) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}

/// A checked draft as the page shows it: its prose with every figure marked by its verdict, a
/// panel per figure with its reading and the claims' arithmetic, the diagnostics, and the checks
/// and data it was checked against. Everything that comes from the draft or the data is escaped
/// here, so the page's script inserts the fragment as it is.
struct DraftPage {
  let result: LintResult
  /// The checks, for the claims they could not check.
  let registry: CheckRegistry
  /// The configuration file the draft was checked with, if one was found.
  let configurationPath: String?

  /// The HTML fragment the page's result area takes.
  func fragment() -> String {
    let inspections = result.articles.map { DraftInspection.figures(of: $0, registry: registry) }
    var html =
      "<div class=\"summary\" id=\"summary\">\(HTML.escape(summary(inspections)))</div>\n"
    html += problems()
    var figureNumber = 0
    for (checked, inspections) in zip(result.articles, inspections) {
      html += "<article class=\"draft\" data-path=\"\(HTML.escape(checked.article.path))\">\n"
      if result.articles.count > 1 || checked.article.title != nil {
        html += "<h2>\(HTML.escape(checked.article.title ?? checked.article.path))</h2>\n"
      }
      html += prose(checked.article.text, inspections, firstNumber: figureNumber)
      html += "</article>\n<div class=\"details\" hidden>\n"
      for (offset, inspection) in inspections.enumerated() {
        html += detail(inspection, number: figureNumber + offset)
      }
      html += "</div>\n"
      figureNumber += inspections.count
    }
    html += diagnostics() + checkedAgainst()
    return html
  }

  /// "1 error, 0 warnings; 6 figures: 4 agree, 1 error, 1 not checked".
  func summary(_ inspections: [[FigureInspection]]) -> String {
    let errors = result.count(.error)
    let warnings = result.count(.warning)
    var counts: [FigureVerdict: Int] = [:]
    for inspection in inspections.joined() { counts[inspection.verdict, default: 0] += 1 }
    let total = counts.values.reduce(0, +)
    let parts = FigureVerdict.allCases.compactMap { verdict in
      counts[verdict].map { "\($0) \(Self.label(verdict, count: $0))" }
    }
    return "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) "
      + "\(warnings == 1 ? "warning" : "warnings"); \(total) \(total == 1 ? "figure" : "figures")"
      + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
  }

  static func label(_ verdict: FigureVerdict, count: Int) -> String {
    switch verdict {
    case .agrees: count == 1 ? "agrees" : "agree"
    case .error: count == 1 ? "error" : "errors"
    case .warning: count == 1 ? "warning" : "warnings"
    case .unverified: "unverified"
    case .unchecked: "not checked"
    }
  }

  /// The prose in paragraphs, each figure in a `mark` of its verdict's class.
  func prose(_ text: String, _ inspections: [FigureInspection], firstNumber: Int) -> String {
    var marks: [(range: Range<String.Index>, number: Int, verdict: FigureVerdict)] = []
    for (offset, inspection) in inspections.enumerated() {
      guard let range = inspection.figure.textRange else { continue }
      marks.append((range, firstNumber + offset, inspection.verdict))
    }
    marks.sort { $0.range.lowerBound < $1.range.lowerBound }
    var html = "<p>"
    var position = text.startIndex
    func plain(_ upTo: String.Index) {
      guard position < upTo else { return }
      html += HTML.escape(text[position..<upTo]).replacingAll("\n\n", with: "</p>\n<p>")
      position = upTo
    }
    for mark in marks where mark.range.lowerBound >= position {
      plain(mark.range.lowerBound)
      html +=
        "<mark class=\"figure \(mark.verdict.rawValue)\" data-figure=\"\(mark.number)\" "
        + "tabindex=\"0\" title=\"\(DraftInspection.describe(mark.verdict))\">"
        + HTML.escape(text[mark.range]) + "</mark>"
      position = mark.range.upperBound
    }
    plain(text.endIndex)
    return html + "</p>\n"
  }

  /// A figure's panel: its verdict, reading, claims with their arithmetic, and the figures used.
  func detail(_ inspection: FigureInspection, number: Int) -> String {
    let extracted = inspection.figure
    let quantity = extracted.figure.quantity
    var html =
      "<section class=\"detail \(inspection.verdict.rawValue)\" id=\"figure-\(number)\">\n"
      + "<h3>\(HTML.escape(quantity.text)) <span class=\"verdict\">"
      + "\(HTML.escape(DraftInspection.describe(inspection.verdict)))</span></h3>\n<dl>"
    let range = quantity.range(.rounded)
    let rows: [(String, String?)] = [
      ("value", quantity.value.description),
      (
        "written precision",
        "\(range.low.map(\.description) ?? "-∞") to \(range.high.map(\.description) ?? "∞")"
      ),
      ("unit", quantity.unit.name),
      ("entity", extracted.entity),
      ("metric", extracted.metric),
      ("segment", extracted.segment),
      ("period", extracted.period.map(\.description)),
      ("written at", extracted.figure.location.description),
    ]
    for (name, value) in rows {
      html += "<dt>\(name)</dt><dd>\(HTML.escape(value ?? "not found"))</dd>"
    }
    html += "</dl>\n"
    if inspection.claims.isEmpty {
      html += "<p>It takes part in no claim that factlint checks.</p>\n"
    }
    for claim in inspection.claims {
      html +=
        "<div class=\"claim \(claim.verdict.rawValue)\"><h4>\(HTML.escape(claim.summary))</h4>"
      if let arithmetic = claim.arithmetic {
        html += "<p class=\"arithmetic\"><code>\(HTML.escape(arithmetic))</code></p>"
      }
      for diagnostic in claim.diagnostics {
        html +=
          "<p class=\"message\">\(HTML.escape(diagnostic.ruleID)): "
          + "\(HTML.escape(diagnostic.message))</p>"
      }
      let used = claim.figures.filter { $0.location != extracted.figure.location }
      if !used.isEmpty {
        html += "<ul class=\"used\">"
        for figure in used {
          html +=
            "<li>\(HTML.escape(figure.quantity.text)) (\(HTML.escape(figure.key.description)))"
            + " at <code>\(HTML.escape(figure.location.description))</code></li>"
        }
        html += "</ul>"
      }
      html += "</div>\n"
    }
    if let replacement = inspection.replacement {
      html +=
        "<p class=\"fix\">\(HTML.escape(replacement.text)) would agree.</p>\n"
    }
    return html + "</section>\n"
  }

  /// The diagnostics, each with its place, message and the check's documentation.
  func diagnostics() -> String {
    guard !result.diagnostics.isEmpty else { return "" }
    var html = "<section class=\"diagnostics\"><h2>Diagnostics</h2><ol>\n"
    for diagnostic in result.diagnostics {
      html +=
        "<li class=\"\(diagnostic.severity.rawValue)\"><code>"
        + "\(diagnostic.location.line):\(diagnostic.location.column)</code> "
        + "<a href=\"\(HTML.escape(FactlintVersion.documentation(ofCheck: diagnostic.checkID, isBuiltIn: true)))\">"
        + "\(HTML.escape(diagnostic.ruleID))</a> \(HTML.escape(diagnostic.message))</li>\n"
    }
    return html + "</ol></section>\n"
  }

  /// Input problems: a configuration or data file that could not be used, or a draft that could
  /// not be read.
  func problems() -> String {
    guard !result.problems.isEmpty else { return "" }
    var html = "<section class=\"problems\"><h2>Input problems</h2><ul>\n"
    for problem in result.problems {
      html +=
        "<li><code>\(HTML.escape(problem.location.description))</code> "
        + "\(HTML.escape(problem.message))</li>\n"
    }
    return html + "</ul></section>\n"
  }

  /// The configuration, the checks with their severities, and the data files.
  func checkedAgainst() -> String {
    var html = "<section class=\"against\" id=\"against\"><h2>Checked against</h2>\n<p>"
    html +=
      configurationPath.map { "Configuration <code>\(HTML.escape($0))</code>" }
      ?? "No .factlint.yml found: the defaults"
    html += "</p>\n<ul class=\"checks\">"
    for rule in result.rules {
      html +=
        "<li><code>\(HTML.escape(rule.id))</code> (\(HTML.escape(rule.severity.rawValue)))</li>"
    }
    html += "</ul>\n"
    if result.dataFiles.isEmpty {
      html += "<p>No data: the draft's figures are checked against each other.</p>\n"
    } else {
      html += "<ul class=\"data\">"
      for file in result.dataFiles {
        html +=
          "<li><code>\(HTML.escape(file.path))</code>: \(file.figureCount) "
          + "\(file.figureCount == 1 ? "figure" : "figures")</li>"
      }
      html += "</ul>\n"
    }
    return html + "</section>\n"
  }
}

extension String {
  /// Every occurrence of `target` replaced by `replacement`.
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
