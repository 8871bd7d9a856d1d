build/san/report/json.o: report/json.c report/json_util.h \
 report/../analyzer/model.h report/../analyzer/strpool.h report/render.h \
 report/../analyzer/tracer.h report/../analyzer/model.h
report/json_util.h:
report/../analyzer/model.h:
report/../analyzer/strpool.h:
report/render.h:
report/../analyzer/tracer.h:
report/../analyzer/model.h:
