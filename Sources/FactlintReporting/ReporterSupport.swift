import RuleEngine

/// Helpers shared by the reporters for CI systems: the rules a report lists and XML escaping.
extension LintResult {
  /// The rules that ran, then any rule seen only in diagnostics, each once, in that order.
  ///
  /// Diagnostics can name a rule that `rules` does not list (unverified-claim notes, or a result
  /// assembled by a caller), and a report that indexes its rules must still find them.
  var reportedRules: [RuleRun] {
    var seen = Set<String>()
    var reported: [RuleRun] = []
    let candidates = rules + diagnostics.map { RuleRun(id: $0.ruleID, checkID: $0.checkID) }
    for rule in candidates where seen.insert(rule.id).inserted {
      reported.append(rule)
    }
    return reported
  }
}

/// Escaping for XML 1.0 text and attribute values.
enum XML {
  /// The declaration every XML report starts with.
  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

  /// `value` safe inside a double- or single-quoted attribute and inside element text.
  ///
  /// Tab, newline and carriage return become character references, because a parser turns them
  /// into spaces in attribute values. Other control characters cannot appear in XML 1.0 at all,
  /// not even as references, so they become U+FFFD.
  static func escape(_ value: String) -> String {
    var result = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t": result += "&#9;"
      case "\n": result += "&#10;"
      case "\r": result += "&#13;"
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `name="value"` with the value escaped.
  static func attribute(_ name: String, _ value: String) -> String {
    "\(name)=\"\(escape(value))\""
  }
}
