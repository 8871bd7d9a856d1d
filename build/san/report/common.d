build/san/report/common.o: report/common.c report/render.h \
 report/../analyzer/model.h report/../analyzer/strpool.h \
 report/../analyzer/tracer.h report/../analyzer/model.h
report/render.h:
report/../analyzer/model.h:
report/../analyzer/strpool.h:
report/../analyzer/tracer.h:
report/../analyzer/model.h:
