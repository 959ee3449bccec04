/// Names that mean the same entity or metric: "shipments" for "smartphone_shipments".
public struct Aliases: Sendable, Hashable {
  /// Alias to canonical entity name.
  public var entities: [String: String] = [:]
  /// Alias to canonical metric name.
  public var metrics: [String: String] = [:]

  /// No aliases.
  public init() {}

  /// The canonical entity for `name`.
  public func entity(_ name: String) -> String { entities[name] ?? name }
  /// The canonical metric for `name`.
  public func metric(_ name: String) -> String { metrics[name] ?? name }

  /// Adds `other`'s aliases; the first declaration of an alias wins.
  package mutating func merge(_ other: Aliases) {
    entities.merge(other.entities) { first, _ in first }
    metrics.merge(other.metrics) { first, _ in first }
  }
}
