import FactlintModel

extension Dataset {
  /// The data's figures that repeat a key with a value that disagrees with the first figure of
  /// that key in a comparable unit, each a problem at the later figure: a check would use the
  /// first and silently pass over the other. Two figures that each name a different `source:`
  /// are meant as two sources of one figure, and are left to a restatement rule.
  public func conflictingFigures() -> [Problem] {
    var problems: [Problem] = []
    for chain in repeatedKeys() {
      for (place, position) in chain.enumerated().dropFirst() {
        conflict(at: position, earlier: chain[..<place], into: &problems)
      }
    }
    return problems.sorted { $0.location < $1.location }
  }

  /// The problem, if any, of the figure at `position` against the first of the `earlier` figures
  /// of its key in a comparable unit.
  private func conflict(at position: Int, earlier: ArraySlice<Int>, into problems: inout [Problem])
  {
    let figure = figures[position]
    for index in earlier {
      let first = figures[index]
      guard first.quantity.unit.isComparable(with: figure.quantity.unit) else { continue }
      if let one = first.source, let other = figure.source, one != other { break }
      if !first.quantity.range(.rounded).overlaps(figure.quantity.range(.rounded)) {
        problems.append(
          Problem(
            .conflictingFigure(
              key: figure.key.description, value: figure.quantity.text,
              first: first.quantity.text, at: first.location),
            at: figure.location))
      }
      break
    }
  }
}
