build/san/dwarf/scan.o: dwarf/scan.c dwarf/scan.h \
 dwarf/../common/records.h dwarf/../common/util.h dwarf/image.h \
 dwarf/input.h dwarf/lines.h dwarf/walk.h
dwarf/scan.h:
dwarf/../common/records.h:
dwarf/../common/util.h:
dwarf/image.h:
dwarf/input.h:
dwarf/lines.h:
dwarf/walk.h:
