# make test is the README's test command and what CI runs.
GO ?= go

.PHONY: test race bench bench-compare fuzz build

build:
	$(GO) build -o bin/baocao ./cmd/baocao

# The race run uses -short: the scan OCR tests already ran above, and the
# race detector makes them several times slower without covering more.
test:
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -short -race ./corpus/... ./index/... ./extract/ocr/... ./extract/pdf/...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Extraction time against the commit before figures got periods (see
# .ci/bench-compare): the figures issue allows 1.5 times.
bench-compare:
	.ci/bench-compare

# make fuzz FUZZTIME=2m runs every fuzz target for FUZZTIME.
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep ^Fuzz); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$pkg || exit 1; \
	  done; \
	done
