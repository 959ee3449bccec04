/// Where a run over many files says how far it has got; the command line shows a progress line.
public protocol RunProgress: Sendable {
  /// Reports that `done` of `total` files are read.
  func update(_ done: Int, of total: Int)
  /// Says that the run has read all its files.
  func finish()
}
