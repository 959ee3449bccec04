import FactlintModel
import FactlintReading
import RuleEngine

/// `factlint extract`: every figure and claim read out of articles, as text or JSON.
public enum ExtractReport {
  /// One JSON object: `{"version": 1, "articles": [{"file", "date", "figures", "claims"}]}`.
  public static func json(_ extractions: [Extraction]) -> String {
    let json = JSONWriter()
    json.object {
      json.field("version", 1)
      json.field("articles") {
        json.array(extractions) { extraction in
          json.object {
            json.field("file", extraction.path)
            json.field("date", extraction.date?.description)
            json.field("figures") {
              json.array(extraction.figures) { figure in write(figure, to: json) }
            }
            let index = figureIndex(extraction)
            json.field("claims") {
              json.array(extraction.claims) { claim in write(claim, index: index, to: json) }
            }
          }
        }
      }
    }
    return json.text + "\n"
  }

  /// One line per figure and per claim, located.
  public static func text(_ extractions: [Extraction]) -> String {
    var output = ""
    for extraction in extractions {
      for extracted in extraction.figures {
        let figure = extracted.figure
        let range = figure.quantity.range(.rounded)
        var line =
          "\(figure.location): figure \(figure.quantity.text) = \(figure.quantity.value) "
          + "\(figure.quantity.unit.kindName) [\(range.low?.description ?? "-inf"), "
          + "\(range.high?.description ?? "+inf")]"
        if let hedge = figure.quantity.hedge { line += " hedge=\(hedge.rawValue)" }
        if let period = extracted.period { line += " period=\(period)" }
        if let entity = extracted.entity { line += " entity=\(entity)" }
        if let metric = extracted.metric { line += " metric=\(metric)" }
        if let segment = extracted.segment { line += " segment=\(segment)" }
        output += line + "\n"
      }
      for claim in extraction.claims {
        output += "\(claim.subject.location): claim \(describe(claim))\n"
      }
    }
    return output
  }

  /// A claim in words: `change +70% of 23.16 million against previous quarter`.
  public static func describe(_ claim: Claim) -> String {
    switch claim {
    case .change(let current, let base, let change):
      let stated =
        change.isDirection
        ? (change.stated.hedge == .moreThan ? "up" : "down") : change.stated.value.description
      let amount = change.amount.map { " by \($0.quantity.text)" } ?? ""
      return "change \(stated)\(amount) of \(current.quantity.text) against "
        + (base?.quantity.text ?? change.baseText)
    case .conversion(let source, let converted, let rate):
      return "conversion \(source.quantity.text) = \(converted.quantity.text) at "
        + (rate?.pairText ?? "a rate from the data")
    case .composition(let total, let parts, let negated, let isPartial):
      let terms = zip(parts, negated).map { ($1 ? "- " : "") + $0.quantity.text }
      return "composition \(total.quantity.text) = " + terms.joined(separator: " + ")
        + (isPartial ? " (of which)" : "")
    case .share(let part, let whole, let stated):
      return "share \(stated.quantity.text) = \(part.quantity.text) / \(whole.quantity.text)"
    case .restatement(let first, let second):
      return "restatement \(second.quantity.text) = \(first.quantity.text)"
    }
  }

  static func figureIndex(_ extraction: Extraction) -> [SourceLocation: Int] {
    var index: [SourceLocation: Int] = [:]
    for (position, figure) in extraction.figures.enumerated() {
      index[figure.figure.location] = position
    }
    return index
  }

  static func write(_ extracted: ExtractedFigure, to json: JSONWriter) {
    let figure = extracted.figure
    let quantity = figure.quantity
    let range = quantity.range(.rounded)
    json.object {
      json.field("text", quantity.text)
      json.field("value", quantity.value.description)
      json.field("unit", quantity.unit.kindName)
      if case .currency(let code) = quantity.unit {
        json.field("currency", code)
      } else {
        json.field("currency", nil as String?)
      }
      // A measure's unit ("256GB", "5 MW") is its noun.
      if case .count(let noun?) = quantity.unit {
        json.field("noun", extracted.noun ?? noun)
      } else {
        json.field("noun", extracted.noun)
      }
      json.field("scale", quantity.scaleWord)
      json.field("low", range.low?.description)
      json.field("high", range.high?.description)
      json.field("hedge", quantity.hedge?.rawValue)
      json.field("period", extracted.period?.description)
      json.field("entity", extracted.entity)
      json.field("metric", extracted.metric)
      json.field("segment", extracted.segment)
      json.field("range") {
        if let high = quantity.rangeHigh {
          json.object {
            json.field("low", quantity.value.description)
            json.field("high", high.description)
          }
        } else {
          json.value("null")
        }
      }
      json.field("writtenUnit", writtenUnit(quantity))
      json.field("line", figure.location.line)
      json.field("column", figure.location.column)
      let end = extracted.end
      json.field("endLine", end?.line ?? figure.location.line)
      json.field("endColumn", end?.column ?? figure.location.column + figure.location.length)
      json.field("offset", extracted.bytes?.lowerBound)
      json.field("endOffset", extracted.bytes?.upperBound)
    }
  }

  /// The unit as written where its words say more than the unit: "basis points" (stored as
  /// percentage points), "cents", "p", "times", "doubled".
  static func writtenUnit(_ quantity: Quantity) -> String? {
    if let written = quantity.writtenUnit { return written }
    guard quantity.unit == .multiple else { return nil }
    let words = quantity.text.lowercased().split(separator: " ")
    return words.contains { $0 == "times" || $0.hasSuffix("x") || $0.hasSuffix("×") }
      ? "times" : words.last.map(String.init)
  }

  static func write(_ claim: Claim, index: [SourceLocation: Int], to json: JSONWriter) {
    let kind: String
    var related = claim.figures
    var stated: String?
    var statedFigure: Int?
    switch claim {
    case .change(_, _, let change):
      kind = "change"
      // The stated rate is one of the claim's figures, and the claim points at it; a rate that
      // is not among the extracted figures (a direction word) is left out of the list.
      statedFigure = index[change.location]
      if statedFigure == nil { related.removeLast() }
      if change.isDirection {
        stated = change.stated.hedge == .moreThan ? "up" : "down"
      } else {
        stated = change.stated.value.description
      }
    case .conversion: kind = "conversion"
    case .composition: kind = "composition"
    case .share: kind = "share"
    case .restatement: kind = "restatement"
    }
    json.object {
      json.field("kind", kind)
      json.field("line", claim.subject.location.line)
      json.field("column", claim.subject.location.column)
      json.field("text", describe(claim))
      json.field("stated", stated)
      json.field("statedFigure", statedFigure)
      json.field("figures") {
        json.array(related) { figure in
          json.value(index[figure.location].map(String.init) ?? "null")
        }
      }
      // How each figure was bound to the claim, in the order of `figures`.
      json.field("bindings") {
        json.array(related) { figure in json.value("\"\(figure.binding.name)\"") }
      }
    }
  }
}
