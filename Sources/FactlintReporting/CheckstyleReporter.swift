import FactlintModel
import RuleEngine

/// Checkstyle XML, which many CI and code-review tools import: diagnostics grouped by file.
public enum CheckstyleReporter: Reporter {
  /// `checkstyle`.
  public static let id = "checkstyle"

  /// One `<file>` per file with diagnostics, files sorted by name, diagnostics in report order.
  public static func report(_ result: LintResult, context: ReportContext) -> String {
    let byFile = Dictionary(grouping: result.diagnostics) { $0.location.file }
    var output = XML.declaration + "<checkstyle \(XML.attribute("version", "4.3"))>\n"
    for file in byFile.keys.sorted() {
      output += "  <file \(XML.attribute("name", file))>\n"
      for diagnostic in byFile[file] ?? [] {
        output +=
          "    <error \(XML.attribute("line", "\(diagnostic.location.line)")) "
          + "\(XML.attribute("column", "\(diagnostic.location.column)")) "
          + "\(XML.attribute("severity", severity(diagnostic.severity))) "
          + "\(XML.attribute("message", diagnostic.message)) "
          + "\(XML.attribute("source", "factlint.\(diagnostic.ruleID)"))/>\n"
      }
      output += "  </file>\n"
    }
    output += "</checkstyle>\n"
    return output
  }

  /// Checkstyle's names: it calls a note `info`.
  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "info"
    }
  }
}
