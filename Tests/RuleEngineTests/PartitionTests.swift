import Testing

/// Halving finds the first element past the split, at either end and in between.
@Suite struct PartitionTests {
  @Test func findsTheFirstElementOfTheSecondPart() {
    let values = [1, 3, 3, 5, 8, 13]
    #expect(values.partitionIndex { $0 > 3 } == 3)
    #expect(values.partitionIndex { $0 >= 3 } == 1)
    #expect(values.partitionIndex { $0 > 0 } == 0)
    #expect(values.partitionIndex { $0 > 13 } == 6)
    #expect([Int]().partitionIndex { $0 > 0 } == 0)
    for split in 0...14 {
      #expect(values.partitionIndex { $0 >= split } == values.firstIndex { $0 >= split } ?? 6)
    }
    #expect(values[2...].partitionIndex { $0 > 5 } == 4)
  }
}
