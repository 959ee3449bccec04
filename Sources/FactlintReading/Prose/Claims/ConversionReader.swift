import FactlintModel

/// Conversions: "RMB 6.4 billion ($900 million)", "RMB 6.4 billion, or $900 million".
extension ExtractionState {
  mutating func readConversions(_ sentence: inout SentenceFigures) {
    let tokens = sentence.tokens
    for (position, token) in tokens.enumerated() {
      guard let source = token.figure, !sentence.isRelation[source],
        case .currency(let from) = sentence.figures[source].quantity.unit
      else { continue }
      var next = position + 1
      if next < tokens.count, tokens[next].isMark("(") {
        next += 1
      } else if next + 1 < tokens.count, tokens[next].isMark(","), tokens[next + 1].word == "or" {
        next += 2
      } else {
        continue
      }
      guard let converted = sentence.figure(at: next), !sentence.isRelation[converted],
        case .currency(let to) = sentence.figures[converted].quantity.unit, to != from
      else { continue }
      let rate = rates.last { Set([$0.base, $0.quote]) == Set([from, to]) }
      claims.append(
        .conversion(
          source: figure(source, sentence).bound(.frame),
          converted: figure(converted, sentence).bound(.frame), rate: rate))
      if rate == nil { pendingConversions.append((claims.count - 1, from, to)) }
    }
  }

  /// Gives conversions stated before their rate the rate the article states later.
  mutating func resolvePendingConversions() {
    for pending in pendingConversions {
      guard case .conversion(let source, let converted, nil) = claims[pending.claim],
        let rate = rates.last(where: {
          Set([$0.base, $0.quote]) == Set([pending.from, pending.to])
        })
      else { continue }
      claims[pending.claim] = .conversion(source: source, converted: converted, rate: rate)
    }
    pendingConversions = []
  }
}
