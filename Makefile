# Dyad — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
SAMPLE ?= SampleData/threats.jsonl
BIN := .build/debug/dyad

.PHONY: run test build deps deps-test release bench sample-attack peers clean

## Build and start Dyad on the bundled sample data.
run: deps build
	$(BIN) triage $(SAMPLE) --held-out SampleData/heldout.jsonl

## Build everything and run all unit, render and end-to-end (tmux) tests.
test: deps-test
	$(SWIFT) build
	$(SWIFT) test 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}

build:
	$(SWIFT) build --product dyad

release:
	$(SWIFT) build -c release --product dyad

## Install what a fresh Debian machine lacks (ncurses headers; tmux for tests).
deps:
	@bash scripts/ensure-deps.sh libncursesw5-dev

deps-test:
	@bash scripts/ensure-deps.sh libncursesw5-dev tmux

## Build the MITRE ATT&CK procedure set (about 13,650 messages) into bench/data.
sample-attack:
	python3 ../shared/bench/make_attack.py bench/data
	@echo "Open it with: $(BIN) triage bench/data/attack_train.jsonl"

## Compare Dyad's engine with Vowpal Wabbit, scikit-learn and fastText.
peers: release
	bash bench/peers.sh

## Measure Dyad at scale (1,000,000 messages by default).
bench: release
	.build/release/dyad bench

clean:
	rm -rf .build
