build/san/tests/unit/test_analyzer.o: tests/unit/test_analyzer.c \
 tests/unit/../../analyzer/analyze.h \
 tests/unit/../../analyzer/../common/records.h \
 tests/unit/../../analyzer/model.h tests/unit/../../analyzer/strpool.h \
 tests/unit/../../analyzer/compare.h tests/unit/../../analyzer/tracer.h \
 tests/unit/../../analyzer/tracer.h tests/unit/../../common/util.h
tests/unit/../../analyzer/analyze.h:
tests/unit/../../analyzer/../common/records.h:
tests/unit/../../analyzer/model.h:
tests/unit/../../analyzer/strpool.h:
tests/unit/../../analyzer/compare.h:
tests/unit/../../analyzer/tracer.h:
tests/unit/../../analyzer/tracer.h:
tests/unit/../../common/util.h:
