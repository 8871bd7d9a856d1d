build/san/report/json.o: report/json.c report/render.h \
 report/../analyzer/model.h report/../analyzer/strpool.h \
 report/../analyzer/tracer.h report/../analyzer/model.h
report/render.h:
report/../analyzer/model.h:
report/../analyzer/strpool.h:
report/../analyzer/tracer.h:
report/../analyzer/model.h:
