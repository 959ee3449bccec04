import FactlintModel

/// The words prose uses for changes, metrics and shares.
enum ProseWords {
  /// Words that say a figure went up.
  static let rises: Set<String> = [
    "up", "rose", "rise", "rises", "rising", "risen", "increase", "increased", "increases",
    "increasing", "grew", "grow", "grows", "growth", "growing", "grown", "gain", "gained", "gains",
    "climbed", "climb", "climbs", "jumped", "jump", "jumps", "surged", "surge", "soared", "soar",
    "expanded", "advanced", "added", "higher", "improved", "improvement", "boost", "boosted",
    "rebounded", "leapt", "leaped", "widened", "accelerated", "hike", "hiked", "raised",
  ]
  /// Words that say a figure went down.
  static let falls: Set<String> = [
    "down", "fell", "fall", "falls", "falling", "fallen", "drop", "dropped", "drops", "dropping",
    "decline", "declined", "declines", "declining", "decrease", "decreased", "decreases",
    "decreasing", "slid", "slide", "slipped", "slip", "slumped", "slump", "plunged", "plunge",
    "plummeted", "lost", "shrank", "shrink", "shrinking", "contracted", "contraction", "lower",
    "cut", "reduced", "reduction", "eased", "dipped", "dip", "tumbled", "sank", "narrowed",
    "retreated", "weakened",
  ]

  /// Whether `word` says a change, and which way: +1 up, -1 down.
  static func direction(_ word: String) -> Int? {
    if rises.contains(word) { return 1 }
    if falls.contains(word) { return -1 }
    return nil
  }

  /// Metric words, with the name they bind to.
  static let metrics: [String: String] = [
    "revenue": "revenue", "revenues": "revenue", "sales": "sales", "turnover": "revenue",
    "income": "income", "profit": "profit", "profits": "profit", "earnings": "earnings",
    "ebitda": "ebitda", "ebit": "ebit", "loss": "loss", "losses": "loss",
    "shipments": "shipments", "shipped": "shipments", "deliveries": "deliveries",
    "delivered": "deliveries", "orders": "orders", "bookings": "bookings", "users": "users",
    "customers": "customers", "subscribers": "subscribers", "employees": "employees",
    "staff": "employees", "headcount": "employees", "workforce": "employees",
    "margin": "margin", "dividend": "dividend", "dividends": "dividend", "costs": "costs",
    "cost": "costs", "expenses": "expenses", "spending": "spending", "capex": "capex",
    "cash": "cash", "debt": "debt", "assets": "assets", "funding": "funding",
    "investment": "investment", "investments": "investment", "exports": "exports",
    "imports": "imports", "production": "production", "output": "output", "sold": "sales",
    "valuation": "valuation", "backlog": "backlog", "inventory": "inventory",
    "volume": "volume", "volumes": "volume", "traffic": "traffic", "visitors": "visitors",
    "passengers": "passengers", "units": "units", "gmv": "gmv", "aum": "aum",
    "deposits": "deposits", "loans": "loans", "premiums": "premiums", "price": "price",
    "budget": "budget", "payroll": "payroll", "fine": "fine", "bonus": "bonus",
    "consumers": "consumers", "consumer": "consumers", "remittances": "remittances",
    "employee": "employees", "workers": "employees", "worker": "employees",
    "people": "employees", "shops": "stores", "shop": "stores", "stores": "stores",
    "store": "stores", "outlets": "stores", "outlet": "stores", "branches": "branches",
    "branch": "branches", "customer": "customers", "user": "users", "subscriber": "subscribers",
    "passenger": "passengers", "memberships": "subscribers", "members": "members",
    "accounts": "accounts", "buyback": "buyback", "buybacks": "buyback", "bill": "costs",
    "spend": "spending", "eps": "eps", "equity": "equity", "roe": "roe", "roa": "roa",
  ]

  /// Metric words that name money whatever the article counts, for amounts that leave the
  /// currency out ("imports were 2.655 billion"). "Sales" and "orders" are not among them: they
  /// count units as often as money.
  static let moneyMetrics: Set<String> = [
    "revenue", "revenues", "turnover", "income", "profit", "profits", "earnings", "ebitda",
    "ebit", "loss", "losses", "dividend", "dividends", "costs", "cost", "expenses", "spending",
    "spend", "capex", "cash", "debt", "assets", "liabilities", "funding", "investment",
    "investments", "exports", "imports", "valuation", "gmv", "aum", "deposits", "loans",
    "premiums", "budget", "payroll", "remittances", "buyback", "buybacks", "deficit", "surplus",
    "borrowing", "borrowings", "repayments", "reserves", "capital", "equity", "money",
  ]

  /// Metric heads too general to tie two mentions together by themselves: "net profit" and
  /// "operating profit" share "profit" but are not the same figure.
  static let genericMetrics: Set<String> = [
    "revenue", "sales", "profit", "income", "earnings", "costs", "expenses", "margin", "loss",
    "cash", "total", "net", "operating", "gross", "adjusted", "annual", "quarterly", "group",
    "eps",
  ]

  /// Metric heads that net gains against costs: a loss "which included costs of $8.1 million
  /// and amortization of $19.3 million" may include more than itself, so such a list is no
  /// composition to check.
  static let netMetrics: Set<String> = [
    "income", "profit", "earnings", "earning", "ebitda", "ebit", "loss", "margin", "result",
  ]

  /// Whether a metric phrase names a net figure: its head is in `netMetrics`.
  static func isNet(_ metric: String) -> Bool {
    let head = metric.split(separator: " ").last.map { singular(String($0)) } ?? ""
    return netMetrics.contains(head)
  }

  /// Whether a metric is an amount per share: "eps", "adjusted eps".
  static func isPerShare(_ metric: String) -> Bool {
    metric == "eps" || metric.hasSuffix(" eps")
  }

  /// Whether two metric phrases name the same thing: equal, one narrowing the other ("pre-tax
  /// profit" and "profit"), or sharing a specific word ("car sales" and "car").
  static func sameMetric(_ lhs: String, _ rhs: String) -> Bool {
    if lhs == rhs || lhs.hasSuffix(" " + rhs) || rhs.hasSuffix(" " + lhs) { return true }
    let left = Set(lhs.split(separator: " ").map { singular(String($0)) })
    let right = Set(rhs.split(separator: " ").map { singular(String($0)) })
    return !left.intersection(right).subtracting(genericSingulars).isEmpty
  }

  static let genericSingulars = Set(genericMetrics.map(singular))

  /// Words that sharpen a metric word before it: "net profit", "operating income".
  static let metricQualifiers: Set<String> = [
    "net", "operating", "gross", "adjusted", "total", "core", "quarterly", "annual", "pre-tax",
    "pretax", "underlying", "group", "consolidated", "online", "retail", "advertising",
    "smartphone", "smartphones", "iphone", "cloud", "services", "hardware", "software", "ev",
    "car", "vehicle", "free", "operating-cash", "capital", "research", "marketing", "r&d",
  ]

  /// Margin names and the profit they are a share of. A margin with no name says not which
  /// profit it is of, so it is not checked.
  static let marginParts: [String: [String]] = [
    "operating margin": ["operating profit", "operating income", "ebit"],
    "net margin": ["net profit", "net income", "profit"],
    "net profit margin": ["net profit", "net income"],
    "profit margin": ["profit", "net profit", "net income"],
    "gross margin": ["gross profit"],
    "ebitda margin": ["ebitda", "adjusted ebitda"],
    "adjusted ebitda margin": ["adjusted ebitda", "ebitda"],
  ]

  /// Verbs that introduce a share: "made up 40% of sales".
  static let shareVerbs: Set<String> = [
    "made", "make", "makes", "making", "accounted", "account", "accounts", "accounting",
    "represented", "represent", "represents", "representing", "comprised", "constituted",
    "contributed", "contributing", "generated", "or", "was", "were", "is", "are", "about",
    "roughly", "nearly", "almost", "some", "around", "just", "over", "under",
  ]

  /// Fraction words as percentages: "a third" is about 33.3%.
  static let fractions: [String: (value: ExactDecimal, words: Int)] = [
    "half": (50, 1), "third": (ExactDecimal(significand: 333_333, exponent: -4), 1),
    "quarter": (25, 1), "fifth": (20, 1), "tenth": (10, 1),
    "two-thirds": (ExactDecimal(significand: 666_667, exponent: -4), 1),
    "three-quarters": (75, 1),
  ]

  /// Words introducing a complete list of parts.
  static let completeListWords: Set<String> = [
    "made", "consisting", "comprising", "comprised", "split", "broken", "divided",
  ]

  /// The singular of a plural noun, enough to match "smartphone" with "smartphones".
  static func singular(_ noun: String) -> String {
    if noun.hasSuffix("ies"), noun.count > 4 { return String(noun.dropLast(3)) + "y" }
    if noun.hasSuffix("ss") { return noun }
    if noun.hasSuffix("s"), noun.count > 3 { return String(noun.dropLast()) }
    return noun
  }
}
