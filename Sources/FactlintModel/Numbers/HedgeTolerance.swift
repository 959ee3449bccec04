/// How far hedged figures reach beyond their written digits, as a fraction of the value:
/// with `about: 5%`, "about 200" also covers 190 to 210.
public struct HedgeTolerance: Sendable, Hashable {
  /// The reach of "about", "around", "roughly".
  public var about: ExactDecimal?
  /// The reach below the value of "nearly", "almost".
  public var nearly: ExactDecimal?

  /// No tolerance beyond the written digits.
  public init(about: ExactDecimal? = nil, nearly: ExactDecimal? = nil) {
    self.about = about
    self.nearly = nearly
  }

  /// Whether any tolerance is set.
  public var isEmpty: Bool { about == nil && nearly == nil }
}
