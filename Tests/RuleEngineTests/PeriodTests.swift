import FactlintModel
import Testing

@Suite struct PeriodTests {
  @Test(arguments: [
    ("2017", "2017"), ("2017-H1", "2017-H1"), ("2017-Q2", "2017-Q2"), ("2017-09", "2017-09"),
    ("Q2 2017", "2017-Q2"), ("h1 2024", "2024-H1"), ("FY2024", "FY2024"),
    ("FY2024-Q1", "FY2024-Q1"), ("2017-q4", "2017-Q4"),
  ])
  func parsesAndPrints(_ text: String, _ canonical: String) throws {
    let period = try #require(Period(text))
    #expect(period.description == canonical)
  }

  @Test(arguments: ["", "17", "2017-Q5", "2017-H3", "2017-13", "2017-00", "Q2", "FY", "2017-Q1-1"])
  func rejects(_ text: String) {
    #expect(Period(text) == nil)
  }

  @Test(arguments: [
    ("2024-Q2", "2024", true), ("2024", "2024-05", true), ("2024-H2", "2024-Q3", true),
    ("2024-Q2", "2024-H2", false), ("2024-Q2", "2023-Q2", false), ("2024-06", "2024-Q3", false),
    ("FY2024", "2024", false), ("2024-Q2", "2024-Q2", true),
  ])
  func overlaps(_ lhs: String, _ rhs: String, _ expected: Bool) throws {
    let left = try #require(Period(lhs))
    let right = try #require(Period(rhs))
    #expect(left.overlaps(right) == expected)
    #expect(right.overlaps(left) == expected)
  }

  @Test func previousAndYearEarlier() throws {
    #expect(Period("2017-Q1")!.previous.description == "2016-Q4")
    #expect(Period("2017-Q2")!.previous.description == "2017-Q1")
    #expect(Period("2017-01")!.previous.description == "2016-12")
    #expect(Period("2017-H1")!.previous.description == "2016-H2")
    #expect(Period("2017")!.previous.description == "2016")
    #expect(Period("2021-Q3")!.yearEarlier.description == "2020-Q3")
    #expect(Period("FY2024")!.previous.description == "FY2023")
  }

  @Test func fiscalAndCalendarDiffer() {
    #expect(Period("FY2024") != Period("2024"))
    #expect(Period("2017-Q1")! < Period("2017-Q2")!)
    #expect(Period("2017")! < Period("2017-Q1")!)
  }

  @Test func basePeriods() throws {
    let q2 = Period("2017-Q2")!
    #expect(BasePeriod("previous quarter")?.resolve(from: q2) == Period("2017-Q1"))
    #expect(BasePeriod("Year-on-year")?.resolve(from: q2) == Period("2016-Q2"))
    #expect(BasePeriod("a year earlier")?.resolve(from: q2) == Period("2016-Q2"))
    #expect(BasePeriod("previous year")?.resolve(from: q2) == Period("2016-Q2"))
    #expect(BasePeriod("previous year")?.resolve(from: Period("2013")!) == Period("2012"))
    #expect(BasePeriod("2016-Q4")?.resolve(from: q2) == Period("2016-Q4"))
    #expect(BasePeriod("previous quarter")?.resolve(from: Period("2017")!) == nil)
    #expect(BasePeriod("the other day") == nil)
  }
}
