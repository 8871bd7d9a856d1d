build/san/analyzer/analyze.o: analyzer/analyze.c analyzer/analyze.h \
 analyzer/../common/records.h analyzer/model.h analyzer/strpool.h \
 analyzer/../common/util.h analyzer/describe.h analyzer/join.h \
 analyzer/symbols.h
analyzer/analyze.h:
analyzer/../common/records.h:
analyzer/model.h:
analyzer/strpool.h:
analyzer/../common/util.h:
analyzer/describe.h:
analyzer/join.h:
analyzer/symbols.h:
