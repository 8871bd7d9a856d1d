build/san/dwarf/input.o: dwarf/input.c dwarf/input.h dwarf/lines.h \
 dwarf/../common/util.h
dwarf/input.h:
dwarf/lines.h:
dwarf/../common/util.h:
