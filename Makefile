# factlint tasks.
.PHONY: bench eval test

bench:
	bash bench/run.sh

eval:
	bash scripts/setup.sh && swift run -q -c release factlint-bench eval

test:
	bash scripts/setup.sh --tests && swift test
