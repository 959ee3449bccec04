// TEMPORARY: replaced by the quantity parser.
public enum QuantityError: Error, Sendable, Equatable, Hashable {
  case empty
  public var offset: Int { 0 }
  public var message: String { "" }
}
public enum QuantityParser {
  public static func parse(_ text: String) throws(QuantityError) -> Quantity { throw .empty }
}
