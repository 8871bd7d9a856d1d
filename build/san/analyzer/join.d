build/san/analyzer/join.o: analyzer/join.c analyzer/join.h \
 analyzer/../common/records.h analyzer/strpool.h \
 analyzer/../common/util.h
analyzer/join.h:
analyzer/../common/records.h:
analyzer/strpool.h:
analyzer/../common/util.h:
