build/release/report/text.o: report/text.c report/render.h \
 report/../analyzer/model.h report/../analyzer/strpool.h
report/render.h:
report/../analyzer/model.h:
report/../analyzer/strpool.h:
