/// factlint's version: printed by `--version`, written into SARIF, and named by release tags.
public enum FactlintVersion {
  /// The version number, `MAJOR.MINOR.PATCH`.
  public static let number = "0.1.0"
}
