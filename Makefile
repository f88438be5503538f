# Switchboard. `make run` starts the demo; `make test` is what CI runs.
GO      ?= go
HTMX    := static/vendor/htmx.min.js
BENCH   ?= .
COUNT   ?= 1

.PHONY: run test generate check-generated vet lint unit build bench loadtest docker assets clean screenshots

## run: the console in demo mode, wired to the embedded Dialpad emulator
run: assets
	$(GO) run ./cmd/switchboard -demo

## test: generated code up to date, vet, staticcheck, race-enabled tests (browser tests included)
test: assets check-generated vet lint unit

unit: assets
	$(GO) test -race -count=1 ./...

vet: assets
	$(GO) vet ./...

lint: assets
	$(GO) tool staticcheck ./...

## generate: templ components -> *_templ.go (committed)
generate:
	$(GO) tool templ generate

# CI guard: committed *_templ.go must be exactly what templ generates.
check-generated: generate
	@changed=$$(git status --porcelain -- '*_templ.go'); \
	if [ -n "$$changed" ]; then \
		echo "templ generate changed these files; run 'make generate' and commit:"; echo "$$changed"; exit 1; \
	fi

## build: a static binary in bin/
build: assets
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags='-s -w' -o bin/switchboard ./cmd/switchboard
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags='-s -w' -o bin/dialpad-emulator ./cmd/dialpad-emulator

## bench: every benchmark; figures go to BENCHMARKS.md
bench: assets
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count=$(COUNT) ./...

## loadtest: emulator and console in one process on loopback; N people view pages and save (cmd/loadtest)
LOADTEST ?= -people 200 -duration 60s
loadtest: assets
	$(GO) run ./cmd/loadtest $(LOADTEST)

## screenshots: every main page at 1280 and 390 px, as PNGs in screenshots/ (git-ignored), for review
screenshots: assets
	SWITCHBOARD_SCREENSHOTS=$(CURDIR)/screenshots $(GO) test -count=1 -run '^TestScreenshots$$' ./web/

## docker: the distroless image
docker:
	docker build -t switchboard .

## assets: htmx from package.json (npm), copied into static/vendor (git-ignored)
assets: $(HTMX)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

$(HTMX): node_modules/.package-lock.json
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js $@

clean:
	rm -rf bin node_modules static/vendor
