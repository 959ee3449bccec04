import Dispatch
import Foundation
import RuleEngine

// Measures article extraction throughput on a generated corpus: `swift run -c release
// factlint-bench [megabytes] [seed]`. Prints `name: value` lines.

extension SeededGenerator {
  /// A number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// One of `items`.
  mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &self)! }

  /// A value with one or two decimals, as a writer rounds it.
  mutating func amount(_ range: ClosedRange<Int>) -> String {
    let whole = int(range)
    return int(0...1) == 0 ? "\(whole).\(int(0...9))" : "\(whole).\(int(10...99))"
  }
}

/// One article in the style of the labelled corpus, with changes, conversions, compositions,
/// shares and restatements among plain figures.
func article(_ generator: inout SeededGenerator, index: Int) -> String {
  let company =
    generator.pick(["Lumo", "Halden", "Voltra", "Kaltis", "Marveil", "Brewline"])
    + generator.pick(["", " Group", " Holdings", " Mobile", " Energy"])
  let year = generator.int(2015...2025)
  let quarter = generator.int(1...4)
  let revenue = generator.amount(10...90)
  let growth = generator.int(1...40)
  let old = generator.amount(10...90)
  let units = generator.amount(2...60)
  let share = generator.int(10...60)
  let currency = generator.pick(["$", "€", "£", "RMB ", "HK$"])
  return """
    ---
    title: \(company) reports quarter \(index)
    date: \(year)-0\(quarter * 3)-15
    ---

    # \(company) results for Q\(quarter) \(year)

    \(company) said on Tuesday that revenue rose \(growth)% to \(currency)\(revenue) billion in \
    Q\(quarter) \(year) from \(currency)\(old) billion a year earlier, helped by demand in Asia.

    The company shipped \(units) million units in the quarter, an increase of \(growth) per cent \
    from the previous quarter. Operating profit was \(currency)\(generator.amount(1...9)) billion, \
    an operating margin of \(generator.amount(5...30))% on revenue of \(currency)\(revenue) billion.

    Revenue of \(currency)\(revenue) billion ($\(generator.amount(1...20)) billion) included \
    \(currency)\(generator.amount(1...9)) billion from services and \
    \(currency)\(generator.amount(1...9)) billion from devices. Overseas markets made up \
    \(share)% of revenue, with \(generator.int(1_000...9_999)) employees in \
    \(generator.int(10...99)) countries.

    `note: \(generator.int(1...999))` <!-- checked \(generator.int(1...99)) -->
    Shares closed at \(currency)\(generator.amount(10...400)), up \(generator.amount(1...9))% on \
    the day, and nearly \(generator.int(2...9)) million investors hold them.

    """
}

/// Extracts every article on all cores; returns the figures and claims found.
func extractAll(_ articles: [[UInt8]], chunks: Int) -> (figures: Int, claims: Int) {
  let results = UnsafeMutableBufferPointer<(figures: Int, claims: Int)>.allocate(capacity: chunks)
  results.initialize(repeating: (0, 0))
  defer { results.deallocate() }
  let extractor = Extractor()
  nonisolated(unsafe) let slots = results
  DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
    var figures = 0
    var claims = 0
    var index = chunk
    while index < articles.count {
      if let read = try? ArticleReader.parse(
        articles[index], path: "bench-\(index).md", format: .markdown)
      {
        for article in read {
          let extraction = extractor.extract(article)
          figures += extraction.figures.count
          claims += extraction.claims.count
        }
      }
      index += chunks
    }
    slots[chunk] = (figures, claims)
  }
  return results.reduce((0, 0)) { ($0.0 + $1.figures, $0.1 + $1.claims) }
}

func main() {
  let arguments = CommandLine.arguments.dropFirst()
  let megabytes = arguments.first.flatMap(Int.init) ?? 64
  let seed = arguments.dropFirst().first.flatMap(UInt64.init) ?? 1
  var generator = SeededGenerator(seed: seed)
  var articles: [[UInt8]] = []
  var total = 0
  while total < megabytes * 1_000_000 {
    let bytes = Array(article(&generator, index: articles.count).utf8)
    total += bytes.count
    articles.append(bytes)
  }
  let cores = ProcessInfo.processInfo.activeProcessorCount
  let start = DispatchTime.now().uptimeNanoseconds
  let (figures, claims) = extractAll(articles, chunks: cores * 8)
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  print("corpus_mb: \(String(format: "%.1f", Double(total) / 1e6))")
  print("articles: \(articles.count)")
  print("cores: \(cores)")
  print("figures: \(figures)")
  print("claims: \(claims)")
  print("extract_seconds: \(String(format: "%.2f", seconds))")
  print("extract_mb_per_s: \(String(format: "%.2f", Double(total) / 1e6 / seconds))")
}

main()
