# jcjy — make setup | demo | walkthrough | serve | test | test-headed | bench | lint | clean | distclean
SHELL := /bin/bash

VENV    := .venv
PY      := $(VENV)/bin/python
TOOLS   := .tools
ALLURE  := $(TOOLS)/node_modules/.bin/allure
# Setup is re-run only when one of its inputs changes. The stamp lives inside .venv, so
# deleting .venv also forces a new setup. A new top-level package (its __init__.py) also
# triggers it: the editable install must learn about the package.
STAMP   := $(VENV)/.setup-stamp
SETUP_INPUTS := pyproject.toml scripts/setup.sh \
	$(wildcard */__init__.py)

REPORTS        := reports
ALLURE_RESULTS := $(REPORTS)/allure-results
ALLURE_REPORT  := $(REPORTS)/allure-report
PYTEST_WORKERS ?= 2
PYTEST_ARGS    ?=
ARGS           ?=
# Headed runs need a display; without one use a virtual X server.
XVFB := $(if $(DISPLAY),,xvfb-run -a -s "-screen 0 1920x1080x24")

.DEFAULT_GOAL := help
.PHONY: help setup demo walkthrough serve test test-headed report bench lint clean distclean

help:
	@echo "make setup        安装依赖 install everything (idempotent)"
	@echo "make demo         演示 run the demo (jcjy demo)"
	@echo "make walkthrough  录制演示视频 captioned walkthrough video + subtitles (ARGS='--part office --pace slow')"
	@echo "make serve        启动两个模拟站点 start both mock sites (ARGS='--seed 7 ...')"
	@echo "make test         lint + 全部测试 all tests + Allure report -> $(ALLURE_REPORT)/index.html"
	@echo "make test-headed  e2e 测试（有界面，Xvfb）e2e tests headed, under Xvfb if no DISPLAY"
	@echo "make report       只重新生成报告 regenerate the Allure report from $(ALLURE_RESULTS)"
	@echo "make bench        性能基准 benchmarks (python -m benchmarks)"
	@echo "make lint         ruff check + lint-imports（层间依赖约定 layer contracts）"
	@echo "make clean        删除测试输出和缓存 remove test output and caches"
	@echo "make distclean    clean + 删除 .venv .tools .data"

setup: $(STAMP)

$(STAMP): $(SETUP_INPUTS)
	bash scripts/setup.sh
	@touch $@

demo: $(STAMP)
	$(VENV)/bin/jcjy demo $(ARGS)

walkthrough: $(STAMP)
	$(VENV)/bin/jcjy walkthrough $(ARGS)

serve: $(STAMP)
	$(VENV)/bin/jcjy serve $(ARGS)

# Lint (ruff + layer contracts), then every test (unit + e2e) on $(PYTEST_WORKERS) xdist workers
# (loadfile: a module's tests stay on one worker, so a module-scoped fixture such as the walkthrough
# recording runs once; in collection order, which tests/conftest.py starts with the long checks),
# then the report.
# The report is generated whatever the outcome; the target fails if lint or any test failed.
test: $(STAMP)
	@mkdir -p $(REPORTS); rc=0; \
	$(MAKE) --no-print-directory lint || rc=1; \
	echo "==> pytest"; \
	$(VENV)/bin/pytest tests -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder --alluredir $(ALLURE_RESULTS) \
		--clean-alluredir $(PYTEST_ARGS) || rc=1; \
	$(MAKE) --no-print-directory report || rc=1; \
	exit $$rc

test-headed: $(STAMP)
	$(XVFB) $(VENV)/bin/pytest tests -m e2e --headed -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder \
		--alluredir $(ALLURE_RESULTS) --clean-alluredir $(PYTEST_ARGS)

# Single-file Allure 3 ("awesome") report that opens from file://, generated offline.
report:
	@if [ -d $(ALLURE_RESULTS) ]; then \
		rm -rf $(ALLURE_REPORT); \
		NO_COLOR=1 $(ALLURE) awesome $(ALLURE_RESULTS) -o $(ALLURE_REPORT) --single-file \
			--lang zh --name "jcjy 回归测试 regression" --group-by epic,feature,story \
		&& echo "==> 报告 report: $(ALLURE_REPORT)/index.html"; \
	else \
		echo "==> 没有测试结果 no results in $(ALLURE_RESULTS): no report"; exit 1; \
	fi

bench: $(STAMP)
	$(PY) -m benchmarks $(ARGS)

# ruff, then the layer contracts of pyproject.toml's [tool.importlinter].
lint: $(STAMP)
	@echo "==> ruff check"; rc=0; \
	$(VENV)/bin/ruff check . || rc=1; \
	echo "==> lint-imports (layer contracts)"; \
	$(VENV)/bin/lint-imports --no-cache || rc=1; \
	exit $$rc

clean:
	rm -rf $(ALLURE_RESULTS) $(ALLURE_REPORT) $(REPORTS)/demo test-results \
		.pytest_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -path ./$(TOOLS) -prune -o \
		-name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(TOOLS) .data *.egg-info
