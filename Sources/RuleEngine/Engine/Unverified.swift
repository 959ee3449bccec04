import FactlintModel
import FactlintReading

/// Claims whose other figures cannot be found: listed with `--show-unverified`, never errors.
enum Unverified {
  /// A note under each check for the claims of the article it could not check: those it says
  /// lack a figure in `dataset`, and those of its kinds the reader could not read in full.
  static func notes(_ extraction: Extraction, in dataset: Dataset, registry: CheckRegistry)
    -> [Diagnostic]
  {
    registry.checks.flatMap { check in
      let id = check.description.id
      let unread = extraction.unread.filter { check.claimKinds.contains($0.kind) }.map {
        Finding(severity: .note, message: $0.message, location: $0.location, identity: [$0.message])
      }
      return (check.unverified(extraction.claims, in: dataset) + unread).map {
        Diagnostic(finding: $0, ruleID: id, checkID: id, severity: .note)
      }
    }
  }
}
