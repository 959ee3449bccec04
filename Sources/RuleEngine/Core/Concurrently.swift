import Dispatch
import Foundation

/// Runs two independent pieces of work on two cores and returns both results.
func concurrently<First: Sendable, Second: Sendable>(
  _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
  let results = ResultSlots<Either<First, Second>>(count: 2)
  DispatchQueue.concurrentPerform(iterations: 2) { part in
    results[part] = part == 0 ? .first(first()) : .second(second())
  }
  guard case .first(let one) = results.values[0], case .second(let two) = results.values[1] else {
    preconditionFailure("each part fills its own slot")
  }
  return (one, two)
}

/// One of two kinds of result.
private enum Either<First: Sendable, Second: Sendable>: Sendable {
  case first(First)
  case second(Second)
}
