# Thin entry points; the build itself lives in CMakePresets.json.
#   make demo    install what is missing, build (release), load the bundled real data into data/hci.db,
#                analyse it, train the models, then serve the dashboard, the API and /docs on
#                http://127.0.0.1:8080 (Ctrl-C stops it)
#   make test    install what is missing, build with AddressSanitizer + UBSan and the dashboard, run every test
#   make web     build the dashboard (TypeScript + Vite) into web/dist
#   make bench   ingest, analyze and model benchmarks against pandas / scikit-learn, for bench/RESULTS.md
#   make tsan    build with ThreadSanitizer and run every test again (CI runs it after make test)
#   make fuzz    build the libFuzzer targets (clang) and run each for FUZZ_SECONDS (default 600; CI: 30)

JOBS ?= $(shell nproc)
DB ?= sqlite:data/hci.db
FUZZ_SECONDS ?= 600
HCI_RELEASE := build/release/src/cli/hci

.PHONY: deps web release demo test tsan bench fuzz format format-check clean

deps:
	@bash scripts/install-deps.sh

web: deps
	cd web && npm run build

release: deps web
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

demo: release
	$(HCI_RELEASE) --db $(DB) ingest --source-dir data/snapshot
	$(HCI_RELEASE) --db $(DB) analyze
	$(HCI_RELEASE) --db $(DB) train
	$(HCI_RELEASE) --db $(DB) serve --public-read --public-export --port 8080

test: deps web
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

bench: release
	bash bench/ingest_benchmark.sh
	bash bench/analyze_benchmark.sh
	bash bench/ml_benchmark.sh

tsan: deps web
	cmake --preset tsan
	cmake --build --preset tsan -j $(JOBS)
	ctest --preset tsan -j $(JOBS)

fuzz: deps
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build
