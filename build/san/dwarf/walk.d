build/san/dwarf/walk.o: dwarf/walk.c dwarf/walk.h \
 dwarf/../common/records.h dwarf/input.h dwarf/lines.h \
 dwarf/../common/util.h
dwarf/walk.h:
dwarf/../common/records.h:
dwarf/input.h:
dwarf/lines.h:
dwarf/../common/util.h:
