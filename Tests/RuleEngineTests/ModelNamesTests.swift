import FactlintModel
import Foundation
import Testing

/// The model's names live beside Foundation's in client code: `Unit` stays Foundation's.
@Suite struct ModelNamesTests {
  @Test func foundationsUnitIsNotShadowed() throws {
    let meters: Unit = UnitLength.meters
    #expect(meters.symbol == "m")
    let percent: QuantityUnit = try QuantityParser.parse("70%").unit
    #expect(percent == .percent)
  }
}
