/// HTML character references: `&amp;`, `&#8364;`, `&#x20AC;`.
enum Entities {
  /// The scalar of the reference starting at `bytes[start]` (an `&`) and the offset after it,
  /// or nil when there is none. Named references need their `;`, so "AT&T" stays as written.
  static func decode(_ bytes: [UInt8], at start: Int, end: Int) -> (scalar: UInt32, end: Int)? {
    var index = start + 1
    guard index < end else { return nil }
    if bytes[index] == UInt8(ascii: "#") {
      index += 1
      var hex = false
      if index < end && (bytes[index] | 0x20) == UInt8(ascii: "x") {
        hex = true
        index += 1
      }
      let digitsStart = index
      var value: UInt32 = 0
      while index < end, let digit = digitValue(bytes[index], hex: hex) {
        // Saturate instead of overflowing; anything past U+10FFFF becomes U+FFFD below.
        value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
        index += 1
      }
      guard index > digitsStart else { return nil }
      if index < end && bytes[index] == UInt8(ascii: ";") { index += 1 }
      return (numeric(value), index)
    }
    let nameStart = index
    while index < end, index - nameStart <= 32, isAlphanumeric(bytes[index]) { index += 1 }
    guard index > nameStart, index < end, bytes[index] == UInt8(ascii: ";") else { return nil }
    let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
    guard let scalar = named[name] else { return nil }
    return (scalar, index + 1)
  }

  /// A numeric reference's scalar as browsers read it: C1 codes as Windows-1252, invalid values
  /// as U+FFFD.
  static func numeric(_ value: UInt32) -> UInt32 {
    switch value {
    case 0, 0xd800...0xdfff, 0x11_0000...: return 0xfffd
    case 0x80...0x9f: return windows1252[Int(value - 0x80)]
    default: return value
    }
  }

  private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - 87)
    case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - 55)
    default: return nil
    }
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private static let windows1252: [UInt32] = [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
    0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc,
    0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
  ]

  /// The named references news text uses: markup, spaces, dashes, quotes, currency, maths and
  /// Latin-1 letters.
  private static let named: [String: UInt32] = [
    "amp": 0x26, "lt": 0x3c, "gt": 0x3e, "quot": 0x22, "apos": 0x27, "QUOT": 0x22, "AMP": 0x26,
    "LT": 0x3c, "GT": 0x3e,
    "nbsp": 0xa0, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "hairsp": 0x200a,
    "numsp": 0x2007, "puncsp": 0x2008, "emsp13": 0x2004, "emsp14": 0x2005, "MediumSpace": 0x205f,
    "NonBreakingSpace": 0xa0, "ZeroWidthSpace": 0x200b, "zwsp": 0x200b, "zwj": 0x200d,
    "zwnj": 0x200c, "shy": 0xad, "NoBreak": 0x2060, "Tab": 0x09, "NewLine": 0x0a,
    "ndash": 0x2013, "mdash": 0x2014, "hyphen": 0x2010, "dash": 0x2010, "minus": 0x2212,
    "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201a, "ldquo": 0x201c, "rdquo": 0x201d,
    "bdquo": 0x201e, "laquo": 0xab, "raquo": 0xbb, "lsaquo": 0x2039, "rsaquo": 0x203a,
    "prime": 0x2032, "Prime": 0x2033, "hellip": 0x2026, "mldr": 0x2026, "bull": 0x2022,
    "middot": 0xb7, "dagger": 0x2020, "Dagger": 0x2021, "sect": 0xa7, "para": 0xb6,
    "euro": 0x20ac, "pound": 0xa3, "yen": 0xa5, "cent": 0xa2, "curren": 0xa4, "dollar": 0x24,
    "inr": 0x20b9, "copy": 0xa9, "reg": 0xae, "trade": 0x2122, "COPY": 0xa9, "REG": 0xae,
    "times": 0xd7, "divide": 0xf7, "plusmn": 0xb1, "pm": 0xb1, "deg": 0xb0, "permil": 0x2030,
    "percnt": 0x25, "frac12": 0xbd, "half": 0xbd, "frac14": 0xbc, "frac34": 0xbe,
    "frac13": 0x2153, "frac23": 0x2154, "sup1": 0xb9, "sup2": 0xb2, "sup3": 0xb3,
    "micro": 0xb5, "le": 0x2264, "ge": 0x2265, "ne": 0x2260, "asymp": 0x2248, "approx": 0x2248,
    "sim": 0x223c, "infin": 0x221e, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191,
    "darr": 0x2193, "harr": 0x2194, "not": 0xac, "macr": 0xaf, "acute": 0xb4, "cedil": 0xb8,
    "uml": 0xa8, "ordf": 0xaa, "ordm": 0xba, "iexcl": 0xa1, "iquest": 0xbf, "brvbar": 0xa6,
    "num": 0x23, "excl": 0x21, "quest": 0x3f, "comma": 0x2c, "period": 0x2e, "colon": 0x3a,
    "semi": 0x3b, "lpar": 0x28, "rpar": 0x29, "lsqb": 0x5b, "rsqb": 0x5d, "lbrack": 0x5b,
    "rbrack": 0x5d, "lcub": 0x7b, "rcub": 0x7d, "lbrace": 0x7b, "rbrace": 0x7d, "sol": 0x2f,
    "bsol": 0x5c, "ast": 0x2a, "plus": 0x2b, "equals": 0x3d, "commat": 0x40, "lowbar": 0x5f,
    "grave": 0x60, "Hat": 0x5e, "verbar": 0x7c, "vert": 0x7c, "tilde": 0x2dc, "circ": 0x2c6,
    "Agrave": 0xc0, "Aacute": 0xc1, "Acirc": 0xc2, "Atilde": 0xc3, "Auml": 0xc4, "Aring": 0xc5,
    "AElig": 0xc6, "Ccedil": 0xc7, "Egrave": 0xc8, "Eacute": 0xc9, "Ecirc": 0xca, "Euml": 0xcb,
    "Igrave": 0xcc, "Iacute": 0xcd, "Icirc": 0xce, "Iuml": 0xcf, "ETH": 0xd0, "Ntilde": 0xd1,
    "Ograve": 0xd2, "Oacute": 0xd3, "Ocirc": 0xd4, "Otilde": 0xd5, "Ouml": 0xd6, "Oslash": 0xd8,
    "Ugrave": 0xd9, "Uacute": 0xda, "Ucirc": 0xdb, "Uuml": 0xdc, "Yacute": 0xdd, "THORN": 0xde,
    "szlig": 0xdf, "agrave": 0xe0, "aacute": 0xe1, "acirc": 0xe2, "atilde": 0xe3, "auml": 0xe4,
    "aring": 0xe5, "aelig": 0xe6, "ccedil": 0xe7, "egrave": 0xe8, "eacute": 0xe9, "ecirc": 0xea,
    "euml": 0xeb, "igrave": 0xec, "iacute": 0xed, "icirc": 0xee, "iuml": 0xef, "eth": 0xf0,
    "ntilde": 0xf1, "ograve": 0xf2, "oacute": 0xf3, "ocirc": 0xf4, "otilde": 0xf5, "ouml": 0xf6,
    "oslash": 0xf8, "ugrave": 0xf9, "uacute": 0xfa, "ucirc": 0xfb, "uuml": 0xfc, "yacute": 0xfd,
    "thorn": 0xfe, "yuml": 0xff, "Yuml": 0x178, "OElig": 0x152, "oelig": 0x153,
    "Scaron": 0x160, "scaron": 0x161, "Zcaron": 0x17d, "zcaron": 0x17e, "fnof": 0x192,
    "Alpha": 0x391, "Beta": 0x392, "Gamma": 0x393, "Delta": 0x394, "Sigma": 0x3a3,
    "Omega": 0x3a9, "alpha": 0x3b1, "beta": 0x3b2, "gamma": 0x3b3, "delta": 0x3b4,
    "mu": 0x3bc, "pi": 0x3c0, "sigma": 0x3c3, "omega": 0x3c9,
  ]
}
