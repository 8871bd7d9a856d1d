build/san/cli/main.o: cli/main.c cli/../analyzer/analyze.h \
 cli/../analyzer/../common/records.h cli/../analyzer/model.h \
 cli/../analyzer/strpool.h cli/../common/util.h cli/../dwarf/scan.h \
 cli/../dwarf/../common/records.h cli/../report/load.h \
 cli/../report/../analyzer/model.h cli/../report/render.h \
 cli/../report/../analyzer/tracer.h cli/../report/../analyzer/model.h \
 cli/../report/compare.h cli/../report/../analyzer/compare.h \
 cli/../report/../analyzer/tracer.h cli/../report/html.h \
 cli/../report/tracer.h cli/../report/whatif.h \
 cli/../report/../analyzer/whatif.h cli/inputs.h
cli/../analyzer/analyze.h:
cli/../analyzer/../common/records.h:
cli/../analyzer/model.h:
cli/../analyzer/strpool.h:
cli/../common/util.h:
cli/../dwarf/scan.h:
cli/../dwarf/../common/records.h:
cli/../report/load.h:
cli/../report/../analyzer/model.h:
cli/../report/render.h:
cli/../report/../analyzer/tracer.h:
cli/../report/../analyzer/model.h:
cli/../report/compare.h:
cli/../report/../analyzer/compare.h:
cli/../report/../analyzer/tracer.h:
cli/../report/html.h:
cli/../report/tracer.h:
cli/../report/whatif.h:
cli/../report/../analyzer/whatif.h:
cli/inputs.h:
