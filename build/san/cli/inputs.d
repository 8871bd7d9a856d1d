build/san/cli/inputs.o: cli/inputs.c cli/inputs.h cli/../common/util.h \
 cli/../dwarf/input.h cli/../dwarf/lines.h
cli/inputs.h:
cli/../common/util.h:
cli/../dwarf/input.h:
cli/../dwarf/lines.h:
