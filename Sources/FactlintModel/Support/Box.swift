/// A value behind one reference, for a field that is rarely present: inline, a figure's own
/// exchange rate would make every figure twice as large, and a million figures are read at once.
package final class Box<Value: Hashable & Sendable>: Hashable, Sendable {
  package let value: Value

  package init(_ value: Value) {
    self.value = value
  }

  package static func == (lhs: Box, rhs: Box) -> Bool { lhs.value == rhs.value }

  package func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
