import FactlintModel
import RuleEngine

/// SARIF 2.1.0, the static-analysis log format that code-scanning services read: one run whose
/// driver documents every rule, and one result per diagnostic.
public enum SARIFReporter: Reporter {
  /// `sarif`.
  public static let id = "sarif"
  /// The schema the output conforms to; the OASIS address is the one the schema names itself.
  public static let schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  /// The key of the fingerprint in `partialFingerprints`; the suffix changes with its recipe.
  public static let fingerprintKey = "factlint/v1"

  /// The run as one SARIF log, keys in a fixed order.
  public static func report(_ result: LintResult, context: ReportContext) -> String {
    let rules = result.reportedRules
    var ruleIndex: [String: Int] = [:]
    for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
    let json = JSONWriter()
    json.object {
      json.field("$schema", schema)
      json.field("version", "2.1.0")
      json.field("runs") {
        json.array([result]) { run in
          json.object {
            json.field("tool") {
              json.object {
                json.field("driver") { driver(rules, context: context, to: json) }
              }
            }
            // Columns count characters; code points are the closest kind SARIF defines, and the
            // default, UTF-16 code units, would be wrong for text beyond the BMP.
            json.field("columnKind", "unicodeCodePoints")
            // Inputs that could not be used are the run's notifications, not results: they
            // are no finding about the figures.
            // Notices are notifications of level note, which leave the run successful.
            json.field("invocations") {
              json.array([run]) { run in
                json.object {
                  json.field("executionSuccessful", run.problems.isEmpty)
                  json.field("toolExecutionNotifications") {
                    json.array(run.problems + run.notices) { problem in
                      json.object {
                        json.field("level", problem.isNotice ? "note" : "error")
                        json.field("message") { text(problem.message, to: json) }
                        json.field("locations") {
                          json.array([problem.location]) { location in
                            json.object { physicalLocation(location, to: json) }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            json.field("results") {
              json.array(run.diagnostics) { diagnostic in
                write(diagnostic, ruleIndex: ruleIndex[diagnostic.ruleID] ?? 0, to: json)
              }
            }
          }
        }
      }
    }
    return json.text + "\n"
  }

  static func driver(_ rules: [RuleRun], context: ReportContext, to json: JSONWriter) {
    json.object {
      json.field("name", "factlint")
      json.field("version", FactlintVersion.number)
      json.field("rules") {
        json.array(rules) { rule in
          let check = context.checks[rule.checkID]
          json.object {
            json.field("id", rule.id)
            json.field("name", rule.checkID)
            // A check the registry does not know has no text to give; SARIF forbids null here.
            // A plugin's check is documented by the plugins page, which says how plugins work.
            let documentation = FactlintVersion.documentation(
              ofCheck: rule.checkID, isBuiltIn: check != nil)
            json.field("helpUri", documentation)
            if let check {
              json.field("shortDescription") { text(check.summary, to: json) }
              json.field("fullDescription") { text(check.details, to: json) }
              json.field("help") {
                json.object {
                  json.field(
                    "text",
                    "\(check.id): \(check.summary). Documented at \(documentation); "
                      + "'factlint explain \(check.id)' prints its parameters and examples.")
                  json.field(
                    "markdown",
                    "**\(check.id)**: \(check.summary). [Documentation](\(documentation)); "
                      + "`factlint explain \(check.id)` prints its parameters and examples.")
                }
              }
            }
            json.field("defaultConfiguration") {
              json.object { json.field("level", level(rule.severity)) }
            }
          }
        }
      }
    }
  }

  static func write(_ diagnostic: Diagnostic, ruleIndex: Int, to json: JSONWriter) {
    json.object {
      json.field("ruleId", diagnostic.ruleID)
      json.field("ruleIndex", ruleIndex)
      json.field("level", level(diagnostic.severity))
      json.field("message") { text(diagnostic.message, to: json) }
      json.field("locations") {
        json.array([diagnostic.location]) { location in
          json.object { physicalLocation(location, to: json) }
        }
      }
      if !diagnostic.notes.isEmpty {
        json.field("relatedLocations") {
          json.array(Array(diagnostic.notes.enumerated())) { index, note in
            json.object {
              // Ids start at 1, as in most SARIF producers; 0 reads like "unset" to some viewers.
              json.field("id", index + 1)
              physicalLocation(note.location, to: json)
              json.field("message") { text(note.message, to: json) }
            }
          }
        }
      }
      json.field("partialFingerprints") {
        json.object { json.field(fingerprintKey, diagnostic.fingerprint) }
      }
    }
  }

  static func physicalLocation(_ location: SourceLocation, to json: JSONWriter) {
    json.field("physicalLocation") {
      json.object {
        json.field("artifactLocation") {
          json.object { json.field("uri", uri(location.file)) }
        }
        json.field("region") {
          json.object {
            json.field("startLine", location.line)
            json.field("startColumn", location.column)
            json.field("endColumn", location.column + location.length)
          }
        }
      }
    }
  }

  static func text(_ value: String, to json: JSONWriter) {
    json.object { json.field("text", value) }
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "note"
    }
  }

  /// A path as a relative URI reference: percent-encodes every byte a URI path cannot hold, and
  /// `:` too, so that a first segment such as `c:` is never read as a scheme.
  static func uri(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      case _ where "-._~/!$&'()*+,;=@".utf8.contains(byte):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return result
  }
}
