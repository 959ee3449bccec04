// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "factlint",
  products: [
    .executable(name: "factlint", targets: ["Lint"]),
    .executable(name: "factlint-bench", targets: ["Bench"]),
    .library(name: "RuleEngine", targets: ["RuleEngine"]),
    .library(name: "Checks", targets: ["Checks"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(
      name: "CYaml",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .target(name: "RuleEngine", dependencies: ["CYaml"]),
    .target(name: "Checks", dependencies: ["RuleEngine"]),
    .executableTarget(
      name: "Lint",
      dependencies: [
        "RuleEngine", "Checks",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "BenchSupport", dependencies: ["RuleEngine", "Checks"]),
    .executableTarget(name: "Bench", dependencies: ["RuleEngine", "BenchSupport"]),
    .testTarget(name: "RuleEngineTests", dependencies: ["RuleEngine"]),
    .testTarget(name: "ChecksTests", dependencies: ["Checks", "RuleEngine", "BenchSupport"]),
    .testTarget(
      name: "LintTests", dependencies: ["RuleEngine", "Checks"], exclude: ["Fixtures", "Golden"]),
  ]
)
