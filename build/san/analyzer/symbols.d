build/san/analyzer/symbols.o: analyzer/symbols.c analyzer/symbols.h \
 analyzer/../common/records.h analyzer/model.h analyzer/strpool.h \
 analyzer/../common/util.h analyzer/analyze.h
analyzer/symbols.h:
analyzer/../common/records.h:
analyzer/model.h:
analyzer/strpool.h:
analyzer/../common/util.h:
analyzer/analyze.h:
