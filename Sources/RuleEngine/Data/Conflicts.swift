import FactlintModel

extension Dataset {
  /// The data's figures that repeat a key with a value that disagrees with the first figure of
  /// that key in a comparable unit, each a problem at the later figure: a check would use the
  /// first and silently pass over the other. Two figures that each name a different `source:`
  /// are meant as two sources of one figure, and are left to a restatement rule.
  public func conflictingFigures() -> [Problem] {
    var problems: [Problem] = []
    for (position, figure) in figures.enumerated() {
      for index in indexes(of: figure.key) {
        guard index < position else { break }
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
    return problems
  }
}
