# factlint tasks.
.PHONY: bench eval test install

PREFIX ?= /usr/local

bench:
	bash bench/run.sh

eval:
	bash scripts/setup.sh && swift run -q -c release factlint-bench eval

test:
	bash scripts/setup.sh --tests && bash scripts/with-postgres.sh swift test --disable-xctest

# Release builds of factlint, factlint-serve (the page `factlint serve` runs) and factlint-db
# (the database client `factlint db` runs), installed side by side in $(PREFIX)/bin, where
# `factlint` looks for them.
install:
	bash scripts/setup.sh
	swift build -c release --product factlint
	swift build -c release --product factlint-serve
	swift build -c release --product factlint-db
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 "$$(swift build -c release --show-bin-path)/factlint" \
	  "$$(swift build -c release --show-bin-path)/factlint-serve" \
	  "$$(swift build -c release --show-bin-path)/factlint-db" "$(DESTDIR)$(PREFIX)/bin/"
