extension RandomAccessCollection {
  /// The index of the first element for which `isInSecondPart` holds, found by halving; every
  /// element for which it holds must come after every element for which it does not. The end
  /// index when it holds for none.
  /// Inlinable, so that each module specialises it for its collection: it runs for every
  /// figure located.
  @inlinable
  package func partitionIndex(where isInSecondPart: (Element) -> Bool) -> Index {
    var low = startIndex
    var count = self.count
    while count > 0 {
      let half = count / 2
      let middle = index(low, offsetBy: half)
      if isInSecondPart(self[middle]) {
        count = half
      } else {
        low = index(after: middle)
        count -= half + 1
      }
    }
    return low
  }
}
