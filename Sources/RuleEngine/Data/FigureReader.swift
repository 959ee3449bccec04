import FactlintModel
import FactlintYAML
import Foundation

/// The values a data file's top keys give every figure that does not state its own.
struct FigureDefaults: Equatable {
  var entity: String?
  var segment: String?
  var source: String?

  /// The defaults a data file's top keys give.
  init(_ top: YAMLFields) throws(Problem) {
    entity = try top.text("entity")?.0
    segment = try top.text("segment")?.0
    source = try top.text("source")?.0
  }

  /// No defaults.
  init() {}
}

/// What reading a data file's figure entries gave.
struct FigureEntries {
  var figures: [Figure] = []
  /// The figures' index, built as they are read.
  var index = FigureIndex()
  var suppressions: [DataSuppression] = []
  var problems: [Problem] = []
}

/// Reads a data file's figure entries in order on a queue of its own, so that a large file's
/// figures are read on one core while the parser reads on with the other.
final class FigureReader: @unchecked Sendable {
  private let path: String
  private let queue = DispatchQueue(label: "factlint.figure-reader")
  /// Batches handed over but not yet read; bounded so a slow reader holds the parser back
  /// rather than letting nodes pile up.
  private let waiting = DispatchSemaphore(value: 4)
  /// Batches read, left for the parser's thread to free. Memory is freed fastest by the thread
  /// that allocated it: freed on the reader's thread, every node would take a lock the parser's
  /// allocations need too.
  private var finished: [[YAMLNode]] = []
  private let finishedLock = NSLock()
  // Set before the first batch, read after `finish`.
  private(set) var defaults: FigureDefaults
  private(set) var hasBegun = false
  // Touched only on `queue`.
  private var read = FigureEntries()
  /// The suppression of the last entry read, whose lines run to the next entry.
  private var openSuppression: Int?

  init(path: String, defaults: FigureDefaults = FigureDefaults()) {
    self.path = path
    self.defaults = defaults
  }

  /// Takes the defaults from the data file's pairs written before its figures. Pairs that are
  /// not usable give none; the loader reports them when it reads the whole file.
  func begin(_ before: [YAMLPair]) {
    let top = YAMLNode(kind: .mapping(before), mark: Mark(line: 1, column: 1))
    defaults =
      (try? FigureDefaults(
        YAMLFields(top, file: path, context: "a data file", allowed: DataLoader.topKeys)))
      ?? FigureDefaults()
    hasBegun = true
  }

  /// Reads `entries` after those handed over before them, on the reader's queue. The first
  /// batch sets aside room for `expectedCount` figures in all, so that a million figures are
  /// not copied to ever larger arrays, each freshly paged in.
  func read(_ entries: [YAMLNode], expectedCount: Int) {
    waiting.wait()
    freeFinished()
    queue.async { [self] in
      if read.figures.isEmpty {
        // A little more than the estimate, which later entries a little shorter would exceed.
        let room = expectedCount + expectedCount / 16
        read.figures.reserveCapacity(room)
        read.index.reserveCapacity(room)
      }
      for entry in entries { readEntry(entry) }
      finishedLock.withLock { finished.append(entries) }
      waiting.signal()
    }
  }

  /// Frees, on the caller's thread, the batches the reader is done with.
  private func freeFinished() {
    var done: [[YAMLNode]] = []
    finishedLock.withLock { swap(&done, &finished) }
    done.removeAll()
  }

  /// Waits for every entry handed over, and returns what they gave.
  func finish() -> FigureEntries {
    let entries = queue.sync {
      openSuppression = nil
      return read
    }
    freeFinished()
    return entries
  }

  private func readEntry(_ entry: YAMLNode) {
    // The previous entry's lines end where this one starts.
    if let open = openSuppression.take(),
      case .lines(let file, let range) = read.suppressions[open].scope
    {
      let last = max(range.lowerBound, entry.mark.line - 1)
      read.suppressions[open].scope = .lines(file: file, range: range.lowerBound...last)
    }
    do throws(Problem) {
      let figure = try DataLoader.readFigure(
        entry, path: path, entity: defaults.entity, segment: defaults.segment,
        source: defaults.source)
      var suppression: DataSuppression?
      if entry["ignore"] != nil || entry["reason"] != nil {
        // Until the next entry starts, its lines run to the end of the file.
        suppression = try DataLoader.readIgnore(
          entry, path: path, lines: entry.mark.line...Int.max / 2)
      }
      read.index.add(figure.key)
      read.figures.append(figure)
      if let suppression {
        openSuppression = read.suppressions.count
        read.suppressions.append(suppression)
      }
    } catch {
      read.problems.append(error)
    }
  }
}
