import RuleEngine

extension CheckRegistry {
  /// The check kinds factlint ships; a new check adds one line here.
  public static let builtin = CheckRegistry([
    GrowthCheck.self,
    ConversionCheck.self,
    TotalCheck.self,
    ShareCheck.self,
    RestatementCheck.self,
  ])
}
