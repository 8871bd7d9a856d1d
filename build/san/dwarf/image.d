build/san/dwarf/image.o: dwarf/image.c dwarf/image.h \
 dwarf/../common/records.h dwarf/input.h dwarf/lines.h \
 dwarf/../common/util.h dwarf/datarefs.h dwarf/tables.h
dwarf/image.h:
dwarf/../common/records.h:
dwarf/input.h:
dwarf/lines.h:
dwarf/../common/util.h:
dwarf/datarefs.h:
dwarf/tables.h:
