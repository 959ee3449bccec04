import FactlintModel
import RuleEngine

/// JUnit XML, which CI systems show as test results: one test case per rule, failing once for
/// each error or warning it reported.
public enum JUnitReporter: Reporter {
  /// `junit`.
  public static let id = "junit"

  /// One `<testsuite name="factlint">`; `failures` counts failing test cases, not diagnostics,
  /// so that it never exceeds `tests`.
  public static func report(_ result: LintResult, context: ReportContext) -> String {
    var failures: [String: [Diagnostic]] = [:]
    // Notes are claims that could not be checked, not violations, so they fail nothing.
    for diagnostic in result.diagnostics where diagnostic.severity >= .warning {
      failures[diagnostic.ruleID, default: []].append(diagnostic)
    }
    let rules = result.reportedRules
    let failing = rules.filter { failures[$0.id] != nil }.count
    var output = XML.declaration
    output +=
      "<testsuite \(XML.attribute("name", "factlint")) \(XML.attribute("tests", "\(rules.count)"))"
      + " \(XML.attribute("failures", "\(failing)")) \(XML.attribute("errors", "0"))>\n"
    for rule in rules {
      let testCase =
        "  <testcase \(XML.attribute("classname", "factlint.\(rule.checkID)")) "
        + XML.attribute("name", rule.id)
      guard let diagnostics = failures[rule.id] else {
        output += testCase + "/>\n"
        continue
      }
      output += testCase + ">\n"
      for diagnostic in diagnostics {
        output +=
          "    <failure \(XML.attribute("message", diagnostic.message)) "
          + "\(XML.attribute("type", diagnostic.severity.rawValue))>"
          + XML.escape("\(diagnostic.location): \(diagnostic.message)") + "</failure>\n"
      }
      output += "  </testcase>\n"
    }
    output += "</testsuite>\n"
    return output
  }
}
