// swift-tools-version:6.0
import PackageDescription

// libFuzzer entries over factlint's readers, built apart from the main package so that its
// sanitizer flags never reach the factlint binary: `scripts/fuzz.sh` builds and runs them.
let package = Package(
  name: "factlint-fuzz",
  dependencies: [.package(name: "factlint", path: "..")],
  targets: [
    .executableTarget(
      name: "FactlintFuzz",
      dependencies: [
        .product(name: "FactlintModel", package: "factlint"),
        .product(name: "FactlintYAML", package: "factlint"),
        .product(name: "FactlintReading", package: "factlint"),
        .product(name: "RuleEngine", package: "factlint"),
        .product(name: "Checks", package: "factlint"),
        .product(name: "FactlintLSP", package: "factlint"),
      ],
      // gold fails on the sanitizers' objects; lld, which the toolchain ships, links them.
      linkerSettings: [.unsafeFlags(["-use-ld=lld"])])
  ]
)
