build/san/common/records.o: common/records.c common/records.h \
 common/util.h
common/records.h:
common/util.h:
