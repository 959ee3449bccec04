import FactlintModel
import FactlintYAML

/// An `ignore:` in a data or rule file: the rules named do not report on what it covers. Its
/// reason is required, and a suppression that covers nothing is itself reported.
public struct DataSuppression: Sendable, Hashable {
  /// What a suppression covers.
  public enum Scope: Sendable, Hashable {
    /// Diagnostics located on these lines of a file: a figure's entry in a data file.
    case lines(file: String, range: ClosedRange<Int>)
    /// Diagnostics about figures this selector matches.
    case selector(Selector)
  }

  /// The rule ids it silences.
  public var ruleIDs: [String]
  /// Why the findings are acceptable.
  public var reason: String
  /// Where it is written.
  public var location: SourceLocation
  /// What it covers.
  public var scope: Scope

  /// Creates a suppression.
  public init(ruleIDs: [String], reason: String, location: SourceLocation, scope: Scope) {
    self.ruleIDs = ruleIDs
    self.reason = reason
    self.location = location
    self.scope = scope
  }

  /// Whether it silences `diagnostic`.
  public func covers(_ diagnostic: Diagnostic) -> Bool {
    guard ruleIDs.contains(diagnostic.ruleID) else { return false }
    switch scope {
    case .lines(let file, let range):
      return diagnostic.location.file == file && range.contains(diagnostic.location.line)
    case .selector(let selector):
      return diagnostic.key.map(selector.matches) ?? false
    }
  }
}

/// Applies suppressions: drops what they cover and reports, as warnings, those that cover
/// nothing, so that stale suppressions are removed.
public enum SuppressionFilter {
  /// The diagnostics left, with a warning for every unused suppression.
  public static func apply(_ suppressions: [DataSuppression], to diagnostics: [Diagnostic])
    -> [Diagnostic]
  {
    var used = Set<Int>()
    var kept: [Diagnostic] = []
    for diagnostic in diagnostics {
      if let index = suppressions.firstIndex(where: { $0.covers(diagnostic) }) {
        used.insert(index)
      } else {
        kept.append(diagnostic)
      }
    }
    for (index, suppression) in suppressions.enumerated() where !used.contains(index) {
      kept.append(unused(suppression))
    }
    return kept
  }

  /// A warning for a suppression that silenced nothing.
  static func unused(_ suppression: DataSuppression) -> Diagnostic {
    let rules = suppression.ruleIDs.map { "'\($0)'" }.joined(separator: ", ")
    let finding = Finding(
      severity: .warning,
      message: "suppression of \(rules) matched no finding; remove it",
      location: suppression.location, identity: suppression.ruleIDs)
    return Diagnostic(
      finding: finding, ruleID: "unused-suppression", checkID: "suppression", severity: .warning)
  }
}
