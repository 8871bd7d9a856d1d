build/san/analyzer/strpool.o: analyzer/strpool.c analyzer/strpool.h \
 analyzer/../common/util.h
analyzer/strpool.h:
analyzer/../common/util.h:
