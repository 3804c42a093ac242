# async-tidy: the README's two commands.
#   make demo    install dependencies, build, run async-tidy on examples/
#   make check   install dependencies, build, run every test
#   make check-all  the same with the long versions of the slowest tests
# LLVM_VERSION=NN builds against another Debian LLVM (19 is the primary target;
# 22 is tested), in build-NN.

LLVM_VERSION ?= 19
BUILD_DIR ?= build$(if $(filter-out 19,$(LLVM_VERSION)),-$(LLVM_VERSION))
JOBS ?= $(shell nproc)

CMAKE_FLAGS = -G Ninja -DLLVM_VERSION=$(LLVM_VERSION) \
  -DCMAKE_CXX_COMPILER=clang++-$(LLVM_VERSION) -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps build asan check check-all demo bench field comparisons selfcheck fuzz clean

all: build

deps:
	@LLVM_VERSION=$(LLVM_VERSION) scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The driver and checks built with AddressSanitizer and UBSan, for the
# mutation tests (test/reliability/).
ASAN_DIR = $(BUILD_DIR)-asan

$(ASAN_DIR)/build.ninja: | deps
	cmake -S . -B $(ASAN_DIR) $(CMAKE_FLAGS) '-DASYNC_TIDY_SANITIZE=address;undefined'

asan: deps $(ASAN_DIR)/build.ninja
	cmake --build $(ASAN_DIR) -j $(JOBS) --target async-tidy

check: build asan
	@scripts/run-tests.sh $(BUILD_DIR) $(LLVM_VERSION)

# NAME-full.test instead of NAME.test (test/lit.cfg.py): async-tidy with
# every stock check of .clang-tidy on all its own sources, 250 mutants
# instead of 100. What CI runs.
check-all: build asan
	@scripts/run-tests.sh $(BUILD_DIR) $(LLVM_VERSION) --param long=1

demo: build
	@scripts/demo.sh $(BUILD_DIR) $(LLVM_VERSION)

# async-tidy on its own sources with the project's .clang-tidy (slow: the
# stock checks take about 6 minutes on 2 cores).
selfcheck: build
	$(BUILD_DIR)/bin/async-tidy -p $(BUILD_DIR) --include='*/checks/*' --include='*/driver/*'

# Many more mutants than make check runs: FUZZ_MUTANTS=N FUZZ_SEED=S.
FUZZ_MUTANTS ?= 5000
FUZZ_SEED ?= 1
fuzz: asan
	python3 test/reliability/mutate.py --async-tidy $(ASAN_DIR)/bin/async-tidy \
	  --seed $(FUZZ_SEED) --mutants $(FUZZ_MUTANTS) --out $(ASAN_DIR)/fuzz-failures

# async-tidy against clang++ -fsyntax-only and stock clang-tidy; prints the
# table and writes bench/results/ (docs/performance.md). QUICK=1: one pass on
# smaller inputs, to try the harness.
bench: build
	@QUICK=$(QUICK) bench/run.sh $(BUILD_DIR) $(LLVM_VERSION)

# Precision on real code: async-tidy over the extracts in bench/field/,
# compared with the reviewed list bench/field/expected.tsv. Fails when a
# reviewed true positive is lost, a fixed false positive returns or a finding
# nobody reviewed appears (FIELD_FLAGS=--allow-new to only list those).
field: build
	@python3 bench/field/run.py --async-tidy $(BUILD_DIR)/bin/async-tidy \
	  --out $(BUILD_DIR)/field -j $(JOBS) $(FIELD_FLAGS)

# docs/comparisons/: a check's own test files run through the stock
# clang-tidy checks that cover the same rule, and through async-tidy.
comparisons: build
	python3 bench/compare_stock.py --async-tidy $(BUILD_DIR)/bin/async-tidy \
	  --clang-tidy clang-tidy-$(LLVM_VERSION) --check async-coroutine-lifetime \
	  --stock cppcoreguidelines-avoid-capturing-lambda-coroutines,cppcoreguidelines-avoid-reference-coroutine-parameters \
	  --title "async-coroutine-lifetime compared with the stock coroutine checks" \
	  --out docs/comparisons/coroutine-lifetime.md test/checks/async-coroutine-lifetime/*.cpp
	python3 bench/seed_rules.py --async-tidy $(BUILD_DIR)/bin/async-tidy \
	  --clang-tidy clang-tidy-$(LLVM_VERSION) --out docs/comparisons/seed-rules.md

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
