/// factlint's version: printed by `--version`, written into SARIF, and named by release tags.
public enum FactlintVersion {
  /// The version number, `MAJOR.MINOR.PATCH`.
  public static let number = "0.1.0"
  /// Where this version's documentation is published: the repository's `docs/` at its tag.
  public static let documentation = "https://github.com/factlint/factlint/blob/v\(number)/docs"

  /// The documentation of the check `checkID`: its section of the checks page (the section's
  /// heading is the id), or the plugins page for a check that a plugin provides.
  public static func documentation(ofCheck checkID: String, isBuiltIn: Bool) -> String {
    isBuiltIn ? "\(documentation)/checks.md#\(checkID)" : "\(documentation)/plugins.md"
  }
}
