# factlint tasks.
.PHONY: bench test

bench:
	bash bench/run.sh

test:
	bash scripts/setup.sh && swift test
