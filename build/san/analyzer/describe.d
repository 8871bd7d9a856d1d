build/san/analyzer/describe.o: analyzer/describe.c \
 analyzer/../common/util.h analyzer/analyze.h \
 analyzer/../common/records.h analyzer/model.h analyzer/strpool.h \
 analyzer/describe.h analyzer/join.h
analyzer/../common/util.h:
analyzer/analyze.h:
analyzer/../common/records.h:
analyzer/model.h:
analyzer/strpool.h:
analyzer/describe.h:
analyzer/join.h:
