build/san/report/text.o: report/text.c report/../common/util.h \
 report/render.h report/../analyzer/model.h report/../analyzer/strpool.h \
 report/../analyzer/tracer.h report/../analyzer/model.h
report/../common/util.h:
report/render.h:
report/../analyzer/model.h:
report/../analyzer/strpool.h:
report/../analyzer/tracer.h:
report/../analyzer/model.h:
