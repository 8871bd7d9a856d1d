#!/usr/bin/env bash
# gen-dwarf.sh KIND OUT.s: hand-written DWARF 4 that no compiler emits.
#   cycle     an inline site whose origin chain loops (A -> B -> A)
#   self      an inline site whose origin is a DIE that names itself
#   dangling  an inline site whose origin points past the unit
#   deep      an inline site under NEST lexical blocks (default 600)
#   sibling   DW_AT_sibling (ref8) of 0x8000000000000000 on an enum and
#             on a block holding the site
#   ok        the same shapes, well formed: one full function, one site
set -eu
kind=$1
out=$2
nest=${NEST:-600}
{
	cat <<'HEAD'
	.text
	.globl f
	.type f, @function
f:	.zero 16
	.size f, 16

	.section .debug_abbrev,"",@progbits
.Labbrev:
	.uleb128 1, 0x11, 1		# compile_unit, children
	.uleb128 0x03, 0x08, 0x25, 0x08	# name string, producer string
	.uleb128 0x11, 0x01, 0x12, 0x07	# low_pc addr, high_pc data8
	.uleb128 0, 0
	.uleb128 2, 0x2e, 1		# subprogram with code, children
	.uleb128 0x03, 0x08, 0x11, 0x01, 0x12, 0x07
	.uleb128 0, 0
	.uleb128 3, 0x2e, 0		# abstract subprogram
	.uleb128 0x03, 0x08, 0x20, 0x0b	# name, inline data1
	.uleb128 0, 0
	.uleb128 4, 0x1d, 0		# inlined_subroutine
	.uleb128 0x31, 0x13, 0x11, 0x01, 0x12, 0x07
	.uleb128 0, 0
	.uleb128 5, 0x0b, 1		# lexical_block, children
	.uleb128 0, 0
	.uleb128 6, 0x2e, 0		# subprogram with an origin only
	.uleb128 0x31, 0x13
	.uleb128 0, 0
	.uleb128 7, 0x04, 1		# enumeration_type, children
	.uleb128 0x01, 0x14		# sibling ref8
	.uleb128 0, 0
	.uleb128 8, 0x0b, 1		# lexical_block, children
	.uleb128 0x01, 0x14		# sibling ref8
	.uleb128 0, 0
	.byte 0

	.section .debug_info,"",@progbits
.Lcu:
	.long .Lcu_end - .Lcu - 4
	.value 4
	.long .Labbrev
	.byte 8
	.uleb128 1
	.asciz "bad.c"
	.asciz "gen-dwarf.sh"
	.quad f
	.quad 16
HEAD
	case $kind in
	cycle) target=.La ;;
	self) target=.Lself ;;
	ok) target=.Lroot ;;
	dangling) target= ;;
	sibling) target=.Lroot ;;
	deep) target=.Lroot ;;
	esac
	if [ "$kind" = sibling ]; then
		echo '	.uleb128 7'
		echo '	.quad 0x8000000000000000'
		echo '	.uleb128 3'
		echo '	.asciz "member_like"'
		echo '	.byte 3'
		echo '	.byte 0'
	fi
	echo '.Lroot:	.uleb128 3'
	echo '	.asciz "helper"'
	echo '	.byte 3'
	echo '.La:	.uleb128 6'
	echo '	.long .Lb - .Lcu'
	echo '.Lb:	.uleb128 6'
	echo '	.long .La - .Lcu'
	echo '.Lself:	.uleb128 6'
	echo '	.long .Lself - .Lcu'
	echo '	.uleb128 2'
	echo '	.asciz "f"'
	echo '	.quad f'
	echo '	.quad 16'
	if [ "$kind" = deep ]; then
		for _ in $(seq "$nest"); do echo '	.uleb128 5'; done
	fi
	if [ "$kind" = sibling ]; then
		echo '	.uleb128 8'
		echo '	.quad 0x8000000000000000'
	fi
	echo '	.uleb128 4'
	if [ -n "$target" ]; then
		echo "	.long $target - .Lcu"
	else
		echo '	.long 0xfff0'
	fi
	echo '	.quad f + 4'
	echo '	.quad 4'
	if [ "$kind" = deep ]; then
		for _ in $(seq "$nest"); do echo '	.byte 0'; done
	fi
	[ "$kind" = sibling ] && echo '	.byte 0		# end of the block'
	echo '	.byte 0		# end of f'
	echo '	.byte 0		# end of the unit'
	echo '.Lcu_end:'
} >"$out"
